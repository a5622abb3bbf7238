package io.triage.classify.experiment;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import io.triage.classify.tier.ExperimentArms;
import io.triage.classify.tier.Hashes;
import io.triage.classify.tier.SanitisedTicket;
import org.springframework.stereotype.Component;

/**
 * Puts each ticket into one arm of every active experiment by a stable hash of the experiment name and the ticket
 * id (the text's hash when the ticket has no id), so a ticket classified twice lands in the same arm.
 */
@Component
public class ExperimentAssignment {

    /** Rules first (the normal chain) against straight to the model. */
    public static final String RULES_VS_ML = ExperimentArms.RULES_VS_ML;
    /** Few-shot prompts with similar tickets against prompts without examples. */
    public static final String RAG_VS_ZERO_SHOT = ExperimentArms.RAG_VS_ZERO_SHOT;
    public static final String RULES_FIRST = ExperimentArms.RULES_FIRST;
    public static final String DIRECT_ML = ExperimentArms.DIRECT_ML;
    public static final String RAG = ExperimentArms.RAG;
    public static final String ZERO_SHOT = ExperimentArms.ZERO_SHOT;

    private final ExperimentProperties settings;

    public ExperimentAssignment(ExperimentProperties properties) {
        this.settings = properties;
    }

    /** The ticket's arm in every experiment with a share above zero. */
    public Map<String, String> arms(SanitisedTicket ticket) {
        String key = ticket.ticketId() != null ? ticket.ticketId() : Hashes.sha256(ticket.text());
        Map<String, String> arms = new LinkedHashMap<>();
        if (settings.directMlShare() > 0) {
            arms.put(RULES_VS_ML, bucket(RULES_VS_ML, key) < settings.directMlShare() ? DIRECT_ML : RULES_FIRST);
        }
        if (settings.zeroShotShare() > 0) {
            arms.put(RAG_VS_ZERO_SHOT, bucket(RAG_VS_ZERO_SHOT, key) < settings.zeroShotShare() ? ZERO_SHOT : RAG);
        }
        return arms;
    }

    /** A uniform number in [0, 1) fixed by experiment and key. */
    static double bucket(String experiment, String key) {
        String hash = Hashes.sha256(experiment + ':' + key);
        long bits = ByteBuffer.wrap(HexFormat.of().parseHex(hash.substring(0, 16))).getLong() >>> 11;
        return bits / (double) (1L << 53);
    }
}
