package io.triage.ingestion.alerting;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * A Slack incoming-webhook message: {@code text} (mrkdwn, also the notification fallback) and Block Kit
 * {@code blocks}. Incident messages carry the source, the kind, since when and what was seen (the last error's kind,
 * never a response body, a secret or ticket text).
 */
record SlackMessage(String text, List<Map<String, Object>> blocks) {

    static SlackMessage opened(SourceIncident incident) {
        String headline = ":rotating_light: *%s*: %s".formatted(tag(incident), incident.kind().opened());
        return new SlackMessage(
                headline + " since " + iso(incident.openedAt()) + " (" + escape(incident.detail()) + ")",
                List.of(section(headline), fields(
                        field("Source", tag(incident)),
                        field("Kind", incident.kind().opened()),
                        field("Since", date(incident.openedAt())),
                        field("Detail", escape(incident.detail())))));
    }

    static SlackMessage recovered(SourceIncident incident, Instant closedAt) {
        String lasted = lasted(Duration.between(incident.openedAt(), closedAt));
        String headline = ":white_check_mark: *%s*: %s after %s".formatted(tag(incident), incident.kind().closed(),
                lasted);
        return new SlackMessage(headline + " (since " + iso(incident.openedAt()) + ")",
                List.of(section(headline), fields(
                        field("Source", tag(incident)),
                        field("Kind", incident.kind().closed()),
                        field("Since", date(incident.openedAt())),
                        field("Recovered", date(closedAt)))));
    }

    /** The message as Slack's JSON body. */
    Map<String, Object> body() {
        return Map.of("text", text, "blocks", blocks);
    }

    private static Map<String, Object> section(String mrkdwn) {
        return Map.of("type", "section", "text", Map.of("type", "mrkdwn", "text", mrkdwn));
    }

    @SafeVarargs
    private static Map<String, Object> fields(Map<String, Object>... fields) {
        return Map.of("type", "section", "fields", List.of(fields));
    }

    private static Map<String, Object> field(String name, String value) {
        return Map.of("type", "mrkdwn", "text", "*" + name + ":*\n" + value);
    }

    /** A time shown in the reader's own zone, with the UTC instant as fallback. */
    private static String date(Instant at) {
        return "<!date^%d^{date_short_pretty} {time}|%s>".formatted(at.getEpochSecond(), iso(at));
    }

    private static String iso(Instant at) {
        return at.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static String lasted(Duration duration) {
        long minutes = Math.max(1, duration.toMinutes());
        return minutes < 60 ? minutes + " min" : "%d h %02d min".formatted(minutes / 60, minutes % 60);
    }

    private static String tag(SourceIncident incident) {
        return incident.source().tag();
    }

    /** Slack's three control characters in mrkdwn. */
    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
