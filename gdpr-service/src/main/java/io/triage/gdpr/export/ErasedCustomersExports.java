package io.triage.gdpr.export;

import io.triage.gdpr.erasure.CustomerErasureRequested;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A customer whose erasure is requested loses their exports too, in the transaction that records the request: an
 * export is a copy of the very data being erased. A run in progress then finds its claim gone and stores nothing.
 */
@Component
class ErasedCustomersExports {

    private final JdbcClient jdbc;
    private final CustomerExports exports;

    ErasedCustomersExports(JdbcClient jdbc, CustomerExports exports) {
        this.jdbc = jdbc;
        this.exports = exports;
    }

    @EventListener
    void onErasureRequested(CustomerErasureRequested event) {
        jdbc.sql("SELECT customer_hash FROM deletion_requests WHERE id = :id").param("id", event.requestId())
                .query(String.class).optional().ifPresent(exports::deleteByCustomerHash);
    }
}
