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
    /** 1: TF-IDF heads only; 2: adds the optional sentence-vector part; 3: and its novelty floor. All are read. */
    private static final int FORMAT = 3;

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
            out.writeBoolean(bundle.sentences() != null);
            if (bundle.sentences() != null) {
                writeSentences(out, bundle.sentences());
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

    /** Neighbour vectors are stored at half precision: cosine similarities move by less than 1e-3. */
    private static void writeSentences(DataOutputStream out, SentenceFeatures sentences) throws IOException {
        out.writeUTF(sentences.encoder().name());
        out.writeInt(sentences.encoder().dimension());
        out.writeFloat(sentences.scale());
        out.writeFloat(sentences.noveltyFloor());
        float[] neighbours = sentences.neighbours();
        out.writeInt(neighbours.length);
        for (float v : neighbours) {
            out.writeShort(Float.floatToFloat16(v));
        }
        out.writeInt(sentences.votes().size());
        for (Map.Entry<String, NeighbourVote> entry : sentences.votes().entrySet()) {
            NeighbourVote vote = entry.getValue();
            out.writeUTF(entry.getKey());
            out.writeInt(vote.k());
            out.writeDouble(vote.sharpness());
            out.writeDouble(vote.weight());
            for (int label : vote.labels()) {
                out.writeInt(label);
            }
        }
    }

    private static SentenceFeatures readSentences(DataInputStream in, int format) throws IOException {
        String name = in.readUTF();
        SentenceEncoder encoder = SentenceEncoders.named(name).orElseThrow(() -> new CorruptArtifactException(
                "the model needs sentence encoder '" + name + "', which this build does not have"));
        int dimension = in.readInt();
        if (dimension != encoder.dimension()) {
            throw new CorruptArtifactException("the model expects " + dimension + "-dimensional vectors from '"
                    + name + "', which gives " + encoder.dimension());
        }
        float scale = in.readFloat();
        float noveltyFloor = format >= 3 ? in.readFloat() : -1f;
        float[] neighbours = new float[in.readInt()];
        for (int i = 0; i < neighbours.length; i++) {
            neighbours[i] = Float.float16ToFloat(in.readShort());
        }
        int rows = neighbours.length / dimension;
        int headCount = in.readInt();
        Map<String, NeighbourVote> votes = new LinkedHashMap<>();
        for (int h = 0; h < headCount; h++) {
            String head = in.readUTF();
            int k = in.readInt();
            double sharpness = in.readDouble();
            double weight = in.readDouble();
            int[] labels = new int[rows];
            for (int i = 0; i < rows; i++) {
                labels[i] = in.readInt();
            }
            votes.put(head, new NeighbourVote(labels, k, sharpness, weight));
        }
        return new SentenceFeatures(encoder, scale, noveltyFloor, neighbours, votes);
    }

    /** Decodes an artifact after checking it against the checksum recorded when it was stored. */
    public static ModelBundle decode(byte[] artifact, String expectedSha256) {
        String actual = sha256(artifact);
        if (!actual.equals(expectedSha256)) {
            throw new CorruptArtifactException("artifact checksum " + actual + " does not match the recorded "
                    + expectedSha256);
        }
        try (DataInputStream in = new DataInputStream(new GZIPInputStream(new ByteArrayInputStream(artifact)))) {
            int format = in.readInt() == MAGIC ? in.readInt() : -1;
            if (format < 1 || format > FORMAT) {
                throw new CorruptArtifactException("not a model artifact of format 1 to " + FORMAT);
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
            SentenceFeatures sentences = format >= 2 && in.readBoolean() ? readSentences(in, format) : null;
            return new ModelBundle(new TfidfVectorizer(settings, names, idf), heads, sentences);
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
