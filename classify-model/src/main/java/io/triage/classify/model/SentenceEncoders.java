package io.triage.classify.model;

import java.util.List;
import java.util.Optional;

/**
 * The sentence encoders this build ships, by the name artifacts store. An encoder holds an ONNX session of tens of
 * MiB, so each is created once per process, on first use, and shared (encoders are thread-safe).
 */
public final class SentenceEncoders {

    private SentenceEncoders() {
    }

    /** The encoder new models are trained with. */
    public static SentenceEncoder standard() {
        return Bge.INSTANCE;
    }

    /** The encoder an artifact names, if this build has it. */
    public static Optional<SentenceEncoder> named(String name) {
        return switch (name) {
            case BgeSmallEncoder.NAME -> Optional.of(Bge.INSTANCE);
            case MiniLmEncoder.NAME -> Optional.of(MiniLm.INSTANCE);
            default -> Optional.empty();
        };
    }

    /** The names {@link #named} knows, the standard one first. */
    public static List<String> names() {
        return List.of(BgeSmallEncoder.NAME, MiniLmEncoder.NAME);
    }

    /** Lazy holder: the model loads when first asked for, not when the class loads. */
    private static final class Bge {
        static final SentenceEncoder INSTANCE = new BgeSmallEncoder();
    }

    /** Lazy holder of the MiniLM encoder (vectors equal to embedding-service's), loaded only when a model uses it. */
    private static final class MiniLm {
        static final SentenceEncoder INSTANCE = new MiniLmEncoder();
    }
}
