package io.triage.audit.report;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One run of the monthly report, requested over the API or by the monthly schedule; polled at {@link #location()}.
 *
 * @param id          the job's id
 * @param month       the reported month ({@code YYYY-MM})
 * @param trigger     {@code api} or {@code schedule}
 * @param state       {@code RUNNING}, {@code SUCCEEDED} or {@code FAILED}
 * @param createdAt   when it was accepted
 * @param finishedAt  when it ended
 * @param result      what it wrote, once it succeeded
 * @param error       why it failed
 */
public record ReportJob(UUID id, String month, String trigger, String state, Instant createdAt,
        @Nullable Instant finishedAt, @Nullable ReportRun result, @Nullable String error) {

    public String location() {
        return "/audit/reports/monthly/jobs/" + id;
    }
}
