package io.triage.ingestion.testing;

import static io.triage.testsupport.JsonBody.tree;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import io.triage.testsupport.ApiKeys;
import io.triage.testsupport.ServiceHttp;
import io.triage.testsupport.stub.StubReply;
import io.triage.testsupport.stub.StubRequest;

/**
 * Field mappings published the way an operator publishes them: the YAML {@code PUT} as draft and published through
 * the API with the ADMIN key, against classify-service's taxonomy (a test-support {@code StubServer} answering
 * {@code GET /taxonomy} with {@link #taxonomy}). The mappings write a decision of Billing or Network back to each
 * source; a test publishes a variant (a level, a field the site refuses) as a new version.
 */
public final class MappingFixtures {

    public static final String SERVICENOW_BILLING_GROUP = "287ebd7da9fe198100f92cc8d1d2154e";
    public static final String SERVICENOW_NETWORK_GROUP = "5f3e0c1a9fe198100f92cc8d1d2154e1";
    public static final long ZENDESK_BILLING_GROUP = 98739;
    public static final long ZENDESK_NETWORK_GROUP = 98740;
    public static final String JIRA_BILLING_TEAM = "team-42";
    public static final String JIRA_NETWORK_TEAM = "team-43";

    /** Every level of a published mapping: each department is written back. */
    public static final String AUTOMATE = "automate";
    /** Only notes are written. */
    public static final String SUGGEST = "suggest";

    private MappingFixtures() {
    }

    /** classify-service's {@code GET /taxonomy}: the departments and urgencies the mappings are checked against. */
    public static StubReply taxonomy(StubRequest request) {
        return StubReply.json("""
                {"departments":["Billing","Network"],"urgencies":["Critical","High","Medium","Low"],
                 "sentiments":["Negative","Neutral","Positive"],"channels":["email","phone","chat","web","social"],
                 "origins":{}}
                """);
    }

    /** ServiceNow: assignment group per department, urgency and impact per urgency (High: 1 / 2). */
    public static String servicenow(String level) {
        return """
                levels: {default: %s}
                departments:
                  Billing: {assignment_group: %s}
                  Network: {assignment_group: %s}
                urgencies:
                  Critical: {urgency: "1", impact: "1"}
                  High: {urgency: "1", impact: "2"}
                  Medium: {urgency: "2", impact: "2"}
                  Low: {urgency: "3", impact: "3"}
                """.formatted(level, SERVICENOW_BILLING_GROUP, SERVICENOW_NETWORK_GROUP);
    }

    /** Zendesk: group and a tag per department, priority per urgency (High: high). */
    public static String zendesk(String level) {
        return """
                levels: {default: %s}
                departments:
                  Billing: {group_id: %d, tags: [triage_billing]}
                  Network: {group_id: %d, tags: [triage_network]}
                urgencies:
                  Critical: {priority: urgent}
                  High: {priority: high}
                  Medium: {priority: normal}
                  Low: {priority: low}
                """.formatted(level, ZENDESK_BILLING_GROUP, ZENDESK_NETWORK_GROUP);
    }

    /** Jira: team and the label {@code triaged} per department, priority per urgency (High: High). */
    public static String jira(String level) {
        return jira(level, "High", "");
    }

    /** The Jira mapping with Billing's components too, a field the simulated site's edit screen refuses (400). */
    public static String jiraWithComponents() {
        return jira(AUTOMATE, "High", ", components: [Billing]");
    }

    /** The Jira mapping with urgency High written as the priority {@code name} (the site may not know it). */
    public static String jiraWithHighPriority(String name) {
        return jira(AUTOMATE, name, "");
    }

    private static String jira(String level, String highPriority, String billingExtra) {
        return """
                levels: {default: %s}
                departments:
                  Billing: {team: "%s", tags: [triaged]%s}
                  Network: {team: "%s", tags: [triaged]}
                urgencies:
                  Critical: {priority: Highest}
                  High: {priority: "%s"}
                  Medium: {priority: Medium}
                  Low: {priority: Low}
                """.formatted(level, JIRA_BILLING_TEAM, billingExtra, JIRA_NETWORK_TEAM, highPriority);
    }

    /** Saves {@code yaml} as {@code source}'s draft, which must be valid, and publishes it; answers its version. */
    public static int publish(ServiceHttp http, String source, String yaml) {
        HttpResponse<String> draft = http.put("/mappings/" + source, ApiKeys.ADMIN, "application/yaml", yaml);
        assertThat(draft.statusCode()).as(draft.body()).isEqualTo(200);
        assertThat(tree(draft).path("valid").asBoolean()).as(draft.body()).isTrue();
        HttpResponse<String> published = http.post("/mappings/" + source + "/publish", ApiKeys.ADMIN,
                "{\"reason\":\"test fixture\"}");
        assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
        int version = tree(published).path("version").asInt();
        assertThat(version).isEqualTo(tree(draft).path("version").asInt());
        return version;
    }
}
