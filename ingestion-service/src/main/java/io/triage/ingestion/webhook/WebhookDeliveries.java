package io.triage.ingestion.webhook;

import io.triage.ingestion.ticket.TicketSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Webhook deliveries already accepted ({@code webhook_deliveries}), so a redelivery changes nothing. */
@Repository
class WebhookDeliveries {

    private final JdbcClient jdbc;

    WebhookDeliveries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the delivery; false when it was recorded before (a concurrent twin waits on the key's lock). */
    boolean claim(TicketSource source, String deliveryId) {
        return jdbc.sql("""
                INSERT INTO webhook_deliveries (source, delivery_id) VALUES (:source, :id)
                ON CONFLICT (source, delivery_id) DO NOTHING
                """).param("source", source.name()).param("id", deliveryId).update() > 0;
    }
}
