package io.triage.classify.cache;

import java.sql.Types;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentHashMap;

import io.triage.classify.evaluation.ReuseCalibration;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * The reuse thresholds calibrated when model versions were trained ({@code cache_calibrations}): the similarity from
 * which reusing the nearest training example's label reached the target precision on the version's validation
 * split. A version's row never changes once written, so each is read from the database once per replica (a
 * version without a row is looked up again now and then).
 */
@Repository
public class CacheCalibrations {

    /**
     * One model version's calibration.
     *
     * @param encoder   the embedding-service model id whose vectors were compared (the cache's encoder)
     * @param threshold the calibrated similarity; NaN when the target precision was never reached
     */
    public record Calibration(String encoder, double threshold) {
    }

    /** A version without a row is looked up again after this long: its row may be written after it serves. */
    private static final Duration RECHECK = Duration.ofMinutes(1);

    private record Known(@Nullable Calibration calibration, long checkedAtNanos) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final Map<String, Known> known = new ConcurrentHashMap<>();

    CacheCalibrations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The calibrated threshold for {@code modelVersion} when it was measured with {@code encoder}'s vectors (the
     * ones the cache's search compares); empty when the version has no calibration or it was measured with another
     * encoder (then the cache falls back to its fixed threshold). A version whose target was never reached gives
     * {@code +Infinity}: no similarity is enough.
     */
    public OptionalDouble threshold(String modelVersion, String encoder) {
        Known entry = known.get(modelVersion);
        long now = System.nanoTime();
        if (entry == null || (entry.calibration() == null && now - entry.checkedAtNanos() > RECHECK.toNanos())) {
            entry = new Known(load(modelVersion), now);
            known.put(modelVersion, entry);
        }
        Calibration calibration = entry.calibration();
        if (calibration == null || !calibration.encoder().equals(encoder)) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(Double.isNaN(calibration.threshold()) ? Double.POSITIVE_INFINITY
                : calibration.threshold());
    }

    /**
     * Stores {@code modelVersion}'s calibration, measured with {@code encoder}'s vectors (a retrained version number
     * reused after its row was deleted replaces it), and forgets what this replica read for it.
     */
    public void record(String modelVersion, String encoder, ReuseCalibration calibration) {
        jdbc.sql("""
                INSERT INTO cache_calibrations (model_version, encoder, target_precision, threshold, validation_pairs,
                    curve) VALUES (:v, :encoder, :target, :threshold, :pairs, CAST(:curve AS jsonb))
                ON CONFLICT (model_version) DO UPDATE SET encoder = EXCLUDED.encoder,
                    target_precision = EXCLUDED.target_precision, threshold = EXCLUDED.threshold,
                    validation_pairs = EXCLUDED.validation_pairs, curve = EXCLUDED.curve, calibrated_at = now()""")
                .param("v", modelVersion).param("encoder", encoder).param("target", calibration.targetPrecision())
                .param("threshold", calibration.threshold(), Types.DOUBLE).param("pairs", calibration.pairs())
                .param("curve", JSON.writeValueAsString(calibration.curve()))
                .update();
        forget(modelVersion);
    }

    /** Forgets what was read, so a calibration written now is used from the next ticket on. */
    public void forget(String modelVersion) {
        known.remove(modelVersion);
    }

    private @Nullable Calibration load(String modelVersion) {
        return jdbc.sql("SELECT encoder, threshold FROM cache_calibrations WHERE model_version = :v")
                .param("v", modelVersion)
                .query((rs, n) -> new Calibration(rs.getString(1),
                        rs.getObject(2) == null ? Double.NaN : rs.getDouble(2)))
                .optional().orElse(null);
    }
}
