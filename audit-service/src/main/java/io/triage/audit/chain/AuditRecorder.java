package io.triage.audit.chain;

import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.triage.audit.config.AuditProperties;
import io.triage.platform.problem.ConflictException;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * Records decisions: queues each request for the next group commit (see {@link GroupCommit}) and, should the month's
 * partition not exist yet (the partition job creates them ahead of time, but a clock or a late job may outrun it),
 * creates it and appends the group again.
 */
@Service
public class AuditRecorder implements DisposableBean {

    private static final String CHECK_VIOLATION = "23514";

    private final AuditLog log;
    private final Clock clock;
    private final GroupCommit groups;
    private final Timer appendTimer;
    private final Counter requests;
    private final Counter appended;
    private final Counter duplicates;
    private final DistributionSummary groupEvents;
    private final DistributionSummary groupRequests;

    AuditRecorder(AuditLog log, Clock clock, MeterRegistry meters, AuditProperties properties) {
        this.log = log;
        this.clock = clock;
        this.appendTimer = Timer.builder("audit_append_seconds").description("Append transaction latency (one group)")
                .publishPercentiles(0.5, 0.99).register(meters);
        this.requests = Counter.builder("audit_append_requests").description("Append requests (single or batch)")
                .register(meters);
        this.appended = meters.counter("audit_events_appended_total");
        this.duplicates = meters.counter("audit_events_duplicate_total");
        this.groupEvents = DistributionSummary.builder("audit_append_group_events")
                .description("Events written per group commit").publishPercentiles(0.5, 0.99).register(meters);
        this.groupRequests = DistributionSummary.builder("audit_append_group_requests")
                .description("Requests answered per group commit").publishPercentiles(0.5, 0.99).register(meters);
        this.groups = new GroupCommit(properties.appendGroupMaxEvents(), this::write);
        Gauge.builder("audit_append_queued_events", groups, GroupCommit::queuedEvents)
                .description("Events waiting for the next group commit").register(meters);
    }

    /** Records {@code events} as sent by {@code principal}, the authenticated caller (stored as the user). */
    public List<Appended> record(List<NewAuditEvent> events, String principal) {
        requests.increment();
        List<Appended> result = groups.append(new AppendRequest(events, principal));
        long fresh = result.stream().filter(a -> !a.duplicate()).count();
        appended.increment(fresh);
        duplicates.increment(result.size() - fresh);
        return result;
    }

    @Override
    public void destroy() throws InterruptedException {
        groups.close();
    }

    private List<List<Appended>> write(List<AppendRequest> group) {
        groupRequests.record(group.size());
        groupEvents.record(group.stream().mapToInt(request -> request.events().size()).sum());
        return appendTimer.record(() -> appendCreatingPartition(group));
    }

    private List<List<Appended>> appendCreatingPartition(List<AppendRequest> group) {
        try {
            return log.append(group);
        } catch (DuplicateKeyException e) {
            // Appends are serialised, so a clash on the event id index means the original's month is archived.
            throw new ConflictException("An event id of this request was recorded in a month that is now archived");
        } catch (DataAccessException e) {
            if (!missingPartition(e)) {
                throw e;
            }
            log.ensurePartitions(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).withDayOfMonth(1), 2);
            return log.append(group);
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
