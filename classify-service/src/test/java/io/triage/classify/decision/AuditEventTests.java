package io.triage.classify.decision;

import static org.assertj.core.api.Assertions.assertThat;

import io.triage.classify.tier.RoutingMethod;
import org.junit.jupiter.api.Test;

class AuditEventTests {

    @Test
    void rulesTierIsNamedAsAuditServiceNamesIt() {
        assertThat(DecisionLog.auditName(RoutingMethod.RULE)).isEqualTo("RULES");
        assertThat(DecisionLog.auditName(RoutingMethod.NEEDS_REVIEW)).isEqualTo("NEEDS_REVIEW");
    }
}
