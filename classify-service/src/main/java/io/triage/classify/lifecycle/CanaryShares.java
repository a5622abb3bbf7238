package io.triage.classify.lifecycle;

import java.sql.Timestamp;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The canary shares analysts chose, in Postgres whichever registry holds the versions, so that every replica routes
 * by the same share. A version nobody chose a share for answers the configured default.
 */
@Component
public class CanaryShares {

    private final JdbcClient jdbc;
    private final ModelProperties properties;

    CanaryShares(JdbcClient jdbc, ModelProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /** The share {@code version} answers when it is STAGING: the chosen one, else the configured default. */
    public CanaryShare inUse(long version) {
        return chosen(version).orElseGet(() -> new CanaryShare(version, properties.canaryShare(), null, null));
    }

    /** The share an analyst chose for {@code version}, if one did. */
    public Optional<CanaryShare> chosen(long version) {
        return jdbc.sql("SELECT share, set_by, set_at FROM model_canary_shares WHERE model_version = :v")
                .param("v", version)
                .query((rs, row) -> new CanaryShare(version, rs.getDouble("share"), rs.getString("set_by"),
                        rs.getTimestamp("set_at").toInstant()))
                .optional();
    }

    /** Records {@code share} for {@code version}, replacing an earlier choice; returns it as stored. */
    CanaryShare choose(long version, double share, String by) {
        Timestamp at = jdbc.sql("""
                INSERT INTO model_canary_shares (model_version, share, set_by) VALUES (:v, :share, :by)
                ON CONFLICT (model_version) DO UPDATE SET share = EXCLUDED.share, set_by = EXCLUDED.set_by,
                                                          set_at = now()
                RETURNING set_at
                """)
                .param("v", version)
                .param("share", share)
                .param("by", by)
                .query(Timestamp.class)
                .single();
        return new CanaryShare(version, share, by, at.toInstant());
    }
}
