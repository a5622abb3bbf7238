package io.triage.audit.report;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * On the 1st of each month ({@code triage.audit.report.cron}, UTC), on one replica (ShedLock), writes the previous
 * month's report to the archive store; files already there are left alone, so a rerun (another replica whose clock
 * is a little behind, a manual run) is harmless.
 */
@Component
class MonthlyReportJob {

    private final ReportJobs jobs;
    private final Clock clock;

    MonthlyReportJob(ReportJobs jobs, Clock clock) {
        this.jobs = jobs;
        this.clock = clock;
    }

    @Scheduled(cron = "${triage.audit.report.cron:0 0 2 1 * *}", zone = "UTC")
    @SchedulerLock(name = "audit-monthly-report", lockAtMostFor = "PT1H")
    void run() {
        jobs.runNow(YearMonth.now(clock.withZone(ZoneOffset.UTC)).minusMonths(1), "schedule");
    }
}
