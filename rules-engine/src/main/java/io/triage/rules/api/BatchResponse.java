package io.triage.rules.api;

import java.util.List;

/**
 * Answers for a batch, in request order, all from one rule-set version.
 *
 * @param ruleSetVersion the version that decided
 * @param results        one per ticket
 */
record BatchResponse(int ruleSetVersion, List<EvaluationResponse> results) {
}
