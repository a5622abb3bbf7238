/**
 * The tier abstraction: a {@code Tier} decides, is undecided or is skipped for one ticket, sharing what it learnt
 * through the {@code TierContext}; the vocabulary every tier, the chain and the decision log speak (tickets,
 * labels, outcomes, the classification result). Tiers depend on this package and, for the labels they choose
 * from, the taxonomy.
 */
@NullMarked
package io.triage.classify.tier;

import org.jspecify.annotations.NullMarked;
