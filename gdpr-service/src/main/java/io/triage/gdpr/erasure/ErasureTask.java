package io.triage.gdpr.erasure;

import java.util.List;
import java.util.UUID;

/**
 * What a store needs to apply a request it has not answered yet.
 *
 * @param ticketIds the tickets ingestion-service erased (empty before its receipt, or when it erased none)
 */
public record ErasureTask(UUID requestId, String customerId, List<String> ticketIds) {
}
