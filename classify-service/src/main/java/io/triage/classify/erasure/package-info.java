/**
 * GDPR erasure in classify-service: a customer's decisions, feedback, cache reuse accounting, LLM calls and LLM
 * response-cache entries are deleted once per gdpr-service request, with a receipt of counts; the model versions
 * trained on the customer's tickets are flagged for retirement and listed in the receipt with their deadline.
 */
@NullMarked
package io.triage.classify.erasure;

import org.jspecify.annotations.NullMarked;
