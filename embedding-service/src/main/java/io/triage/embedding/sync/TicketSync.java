package io.triage.embedding.sync;

import java.time.Instant;

import io.triage.embedding.ticket.EmbeddingPipeline;
import io.triage.embedding.ticket.PipelineProperties;
import io.triage.embedding.ticket.TicketText;
import io.triage.platform.client.ResilientCalls;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Embeds every new sanitised ticket of ingestion-service's feed, a page (one batch) at a time. The feed cursor is
 * saved in the same transaction as the page's rows, so a crash resumes after the last committed page with no gap
 * and no duplicate. Nightly by default, once per cluster; also triggered by {@code POST /sync}.
 */
@Component
public class TicketSync {

    static final String FEED = "ingestion-clean-tickets";
    private static final Logger log = LoggerFactory.getLogger(TicketSync.class);

    private final CleanTickets feed;
    private final SyncCursors cursors;
    private final EmbeddingPipeline pipeline;
    private final EmbeddingLag lag;
    private final ResilientCalls calls;
    private final SyncProperties properties;
    private final int batchSize;

    TicketSync(CleanTickets feed, SyncCursors cursors, EmbeddingPipeline pipeline, EmbeddingLag lag,
            ResilientCalls calls, SyncProperties properties, PipelineProperties pipelineProperties) {
        this.feed = feed;
        this.cursors = cursors;
        this.pipeline = pipeline;
        this.lag = lag;
        this.calls = calls;
        this.properties = properties;
        this.batchSize = pipelineProperties.batchSize();
    }

    @Scheduled(cron = "${triage.embedding.sync.cron:0 0 2 * * *}")
    @SchedulerLock(name = "embedding-sync")
    void nightly() {
        if (properties.enabled()) {
            int tickets = syncAll();
            log.info("Sync embedded {} new tickets", tickets);
        }
    }

    /** Pulls and embeds pages until the feed is exhausted; returns how many tickets were read. */
    public int syncAll() {
        String cursor = cursors.find(FEED).orElse(null);
        int read = 0;
        while (true) {
            String after = cursor;
            CleanTickets.Page page = calls.call("ingestion", () -> feed.after(after, batchSize));
            if (page.items().isEmpty() || page.nextCursor() == null) {
                break;
            }
            page.items().stream().map(TicketText::createdAt).min(Instant::compareTo).ifPresent(lag::pending);
            String next = page.nextCursor();
            pipeline.ingest(page.items(), () -> cursors.save(FEED, next));
            read += page.items().size();
            cursor = next;
            if (page.items().size() < batchSize) {
                break;
            }
        }
        lag.caughtUp();
        return read;
    }
}
