package io.triage.audit.chain;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

import io.triage.audit.config.AuditProperties;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Keeps the monthly partitions created ahead of time: at start-up and daily. */
@Component
class PartitionJob {

    private static final Logger logger = LoggerFactory.getLogger(PartitionJob.class);

    private final AuditLog log;
    private final Clock clock;
    private final AuditProperties properties;

    PartitionJob(AuditLog log, Clock clock, AuditProperties properties) {
        this.log = log;
        this.clock = clock;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStartup() {
        createAhead();
    }

    @Scheduled(cron = "${triage.audit.partition-cron:0 15 2 * * *}", zone = "UTC")
    @SchedulerLock(name = "audit-partitions")
    void createAhead() {
        LocalDate month = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).withDayOfMonth(1);
        int created = log.ensurePartitions(month, properties.partitionsAhead() + 1);
        if (created > 0) {
            logger.info("Created {} monthly audit_log partitions from {}", created, month);
        }
    }
}
