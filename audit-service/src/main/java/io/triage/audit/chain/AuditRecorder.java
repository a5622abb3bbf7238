package io.triage.audit.chain;

import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.triage.platform.problem.ConflictException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * Records decisions: appends them to the chain and, should the month's partition not exist yet (the partition job
 * creates them ahead of time, but a clock or a late job may outrun it), creates it and appends again.
 */
@Service
public class AuditRecorder {

    private static final String CHECK_VIOLATION = "23514";

    private final AuditLog log;
    private final Clock clock;
    private final Timer appendTimer;
    private final Counter appended;
    private final Counter duplicates;

    AuditRecorder(AuditLog log, Clock clock, MeterRegistry meters) {
        this.log = log;
        this.clock = clock;
        this.appendTimer = Timer.builder("audit_append_seconds").description("Append transaction latency")
                .publishPercentiles(0.5, 0.99).register(meters);
        this.appended = meters.counter("audit_events_appended_total");
        this.duplicates = meters.counter("audit_events_duplicate_total");
    }

    /** Records {@code events} as sent by {@code principal}, the authenticated caller (stored as the user). */
    public List<Appended> record(List<NewAuditEvent> events, String principal) {
        List<Appended> result = appendTimer.record(() -> appendCreatingPartition(events, principal));
        long fresh = result.stream().filter(a -> !a.duplicate()).count();
        appended.increment(fresh);
        duplicates.increment(result.size() - fresh);
        return result;
    }

    private List<Appended> appendCreatingPartition(List<NewAuditEvent> events, String principal) {
        try {
            return log.append(events, principal);
        } catch (DuplicateKeyException e) {
            // Appends are serialised, so a clash on the event id index means the original's month is archived.
            throw new ConflictException("An event id of this request was recorded in a month that is now archived");
        } catch (DataAccessException e) {
            if (!missingPartition(e)) {
                throw e;
            }
            log.ensurePartitions(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).withDayOfMonth(1), 2);
            return log.append(events, principal);
        }
    }

    private static boolean missingPartition(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && CHECK_VIOLATION.equals(sql.getSQLState())
                    && String.valueOf(sql.getMessage()).contains("no partition")) {
                return true;
            }
        }
        return false;
    }
}
