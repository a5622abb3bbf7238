package io.triage.classify.model;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Writes a {@link ModelBundle} as a compact gzip'd binary artifact and reads it back only when its SHA-256 matches
 * the checksum recorded at registration, so a damaged artifact is refused instead of served.
 */
public final class ArtifactCodec {

    private static final int MAGIC = 0x54524C52;
    private static final int FORMAT = 1;

    private ArtifactCodec() {
    }

    public static byte[] encode(ModelBundle bundle) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(bytes, 1 << 16))) {
            out.writeInt(MAGIC);
            out.writeInt(FORMAT);
            FeatureSettings s = bundle.vectorizer().settings();
            for (int v : new int[] {s.wordMin(), s.wordMax(), s.charMin(), s.charMax(), s.minDf()}) {
                out.writeInt(v);
            }
            String[] names = bundle.vectorizer().names();
            float[] idf = bundle.vectorizer().idf();
            out.writeInt(names.length);
            for (int i = 0; i < names.length; i++) {
                out.writeUTF(names[i]);
                out.writeFloat(idf[i]);
            }
            out.writeInt(bundle.heads().size());
            for (Map.Entry<String, LinearHead> entry : bundle.heads().entrySet()) {
                writeHead(out, entry.getKey(), entry.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void writeHead(DataOutputStream out, String name, LinearHead head) throws IOException {
        out.writeUTF(name);
        out.writeInt(head.labels().size());
        for (String label : head.labels()) {
            out.writeUTF(label);
        }
        out.writeDouble(head.temperature());
        for (double t : head.thresholds()) {
            out.writeDouble(t);
        }
        for (float b : head.bias()) {
            out.writeFloat(b);
        }
        out.writeInt(head.weights().length);
        for (float w : head.weights()) {
            out.writeFloat(w);
        }
    }

    /** Decodes an artifact after checking it against the checksum recorded when it was stored. */
    public static ModelBundle decode(byte[] artifact, String expectedSha256) {
        String actual = sha256(artifact);
        if (!actual.equals(expectedSha256)) {
            throw new CorruptArtifactException("artifact checksum " + actual + " does not match the recorded "
                    + expectedSha256);
        }
        try (DataInputStream in = new DataInputStream(new GZIPInputStream(new ByteArrayInputStream(artifact)))) {
            if (in.readInt() != MAGIC || in.readInt() != FORMAT) {
                throw new CorruptArtifactException("not a model artifact of format " + FORMAT);
            }
            FeatureSettings settings = new FeatureSettings(in.readInt(), in.readInt(), in.readInt(), in.readInt(),
                    in.readInt());
            int size = in.readInt();
            String[] names = new String[size];
            float[] idf = new float[size];
            for (int i = 0; i < size; i++) {
                names[i] = in.readUTF();
                idf[i] = in.readFloat();
            }
            int headCount = in.readInt();
            Map<String, LinearHead> heads = new LinkedHashMap<>();
            for (int h = 0; h < headCount; h++) {
                heads.put(in.readUTF(), readHead(in));
            }
            return new ModelBundle(new TfidfVectorizer(settings, names, idf), heads);
        } catch (IOException | IllegalArgumentException e) {
            throw new CorruptArtifactException("artifact cannot be decoded: " + e.getMessage(), e);
        }
    }

    private static LinearHead readHead(DataInputStream in) throws IOException {
        int classes = in.readInt();
        List<String> labels = new ArrayList<>(classes);
        for (int k = 0; k < classes; k++) {
            labels.add(in.readUTF());
        }
        double temperature = in.readDouble();
        double[] thresholds = new double[classes];
        for (int k = 0; k < classes; k++) {
            thresholds[k] = in.readDouble();
        }
        float[] bias = new float[classes];
        for (int k = 0; k < classes; k++) {
            bias[k] = in.readFloat();
        }
        float[] weights = new float[in.readInt()];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = in.readFloat();
        }
        return new LinearHead(labels, weights, bias, temperature, thresholds);
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
