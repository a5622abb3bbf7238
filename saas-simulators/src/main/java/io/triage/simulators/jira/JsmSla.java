package io.triage.simulators.jira;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import io.triage.simulators.SimJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A JSM SLA on an issue, running from the creation with one ongoing cycle (never paused, always within
 * calendar hours), rendered as JSM does: time objects {@code {iso8601, jira, friendly, epochMillis}}, durations
 * {@code {millis, friendly}}.
 *
 * @param id    metric id within the issue
 * @param name  e.g. {@code Time to first response}
 * @param start when the clock started
 * @param goal  the goal duration
 */
record JsmSla(String id, String name, Instant start, Duration goal) {

    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter FRIENDLY = DateTimeFormatter.ofPattern("dd/MMM/yy h:mm a").withZone(ZoneOffset.UTC);

    /** SLAs from a seed ({@code [{"name","goalMinutes"}]}); by default first response 4 h and resolution 24 h. */
    static List<JsmSla> fromSeed(JsonNode seed, Instant created) {
        List<JsmSla> list = new ArrayList<>();
        if (seed.isArray()) {
            int n = 1;
            for (JsonNode sla : seed) {
                list.add(new JsmSla(Integer.toString(n++), sla.path("name").asString(), created,
                        Duration.ofMinutes(sla.path("goalMinutes").asLong(240))));
            }
        } else {
            list.add(new JsmSla("1", "Time to first response", created, Duration.ofHours(4)));
            list.add(new JsmSla("2", "Time to resolution", created, Duration.ofHours(24)));
        }
        return list;
    }

    /** The SLA value at {@code now}; {@code selfBase} ends with {@code /sla/}. */
    ObjectNode render(Instant now, String selfBase) {
        Instant breach = start.plus(goal);
        Duration elapsed = Duration.between(start, now);
        ObjectNode value = SimJson.object().put("id", id).put("name", name);
        value.putObject("_links").put("self", selfBase + id);
        value.putArray("completedCycles");
        ObjectNode cycle = value.putObject("ongoingCycle");
        cycle.set("startTime", time(start));
        cycle.set("breachTime", time(breach));
        cycle.put("breached", now.isAfter(breach)).put("paused", false).put("withinCalendarHours", true);
        cycle.set("goalDuration", duration(goal));
        cycle.set("elapsedTime", duration(elapsed));
        cycle.set("remainingTime", duration(goal.minus(elapsed)));
        value.put("slaDisplayFormat", "NEW_SLA_FORMAT");
        return value;
    }

    private static ObjectNode time(Instant instant) {
        return SimJson.object()
                .put("iso8601", ISO.format(instant))
                .put("jira", JiraSimulator.JIRA_TIME.format(instant))
                .put("friendly", FRIENDLY.format(instant))
                .put("epochMillis", instant.toEpochMilli());
    }

    private static ObjectNode duration(Duration duration) {
        long minutes = duration.toMinutes();
        String friendly = (minutes < 0 ? "-" : "") + Math.abs(minutes) / 60 + "h " + Math.abs(minutes) % 60 + "m";
        return SimJson.object().put("millis", duration.toMillis()).put("friendly", friendly);
    }
}
