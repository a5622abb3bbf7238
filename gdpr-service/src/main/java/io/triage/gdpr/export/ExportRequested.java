package io.triage.gdpr.export;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Starts a requested export as soon as its row is committed, instead of at the next poll. */
@Component
public class ExportRequested {

    private final CustomerExports exports;
    private final ExportRunner runner;

    ExportRequested(CustomerExports exports, ExportRunner runner) {
        this.exports = exports;
        this.runner = runner;
    }

    /** Records the export (QUEUED) and starts it once committed. */
    public CustomerExport request(String customerId, String requestedBy) {
        CustomerExport export = exports.request(customerId, requestedBy);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    runner.runSoon();
                }
            });
        } else {
            runner.runSoon();
        }
        return export;
    }
}
