package io.triage.classify.training;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The examples a model is trained on and the heads they label.
 *
 * @param examples labelled texts, in file order
 * @param heads    the heads present in at least one example, in canonical order
 */
public record TrainingSet(List<LabelledText> examples, List<String> heads) {

    public TrainingSet {
        examples = List.copyOf(examples);
        heads = List.copyOf(heads);
    }

    /** SHA-256 over every text and label in order: two runs on the same data share a fingerprint. */
    public String fingerprint() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (LabelledText example : examples) {
                digest.update(example.text().getBytes(StandardCharsets.UTF_8));
                for (String head : heads) {
                    digest.update((byte) 0);
                    digest.update(example.labels().getOrDefault(head, "").getBytes(StandardCharsets.UTF_8));
                }
                digest.update((byte) '\n');
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
