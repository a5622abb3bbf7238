package io.triage.audit.report;

import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.web.util.HtmlUtils;

/** Renders a {@link MonthlyReport} as CSV (one row per group) or as a self-contained HTML page. */
public final class ReportFormats {

    private ReportFormats() {
    }

    public static String csv(MonthlyReport report) {
        return ReportCsv.of(report);
    }

    public static String html(MonthlyReport report) {
        StringBuilder html = new StringBuilder("""
                <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Audit report %1$s</title>
                <style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;margin-bottom:1.5em}
                td,th{border:1px solid #ccc;padding:4px 8px;text-align:right}td:first-child,th:first-child{text-align:left}
                .flag{color:#b00020;font-weight:bold}</style></head><body>
                <h1>Compliance report %1$s</h1>
                <p>%2$d decisions, %3$d with feedback; abstention rate %4$s; department accuracy %5$s.
                Generated %6$s.</p>
                """.formatted(escape(report.month()), report.decisions(), report.judged(),
                percent(report.abstentionRate()), percent(report.accuracy()), report.generatedAt()));
        table(html, "By routing method", report.byRoutingMethod());
        table(html, "By department", report.byDepartment());
        table(html, "By model version", report.byModelVersion());
        for (BiasCheck check : report.biasChecks()) {
            html.append("<h2>Bias check: ").append(escape(check.attribute())).append("</h2>");
            html.append(check.flagged() ? "<p class=\"flag\">FLAGGED: " + escape(String.join("; ", check.reasons()))
                    + "</p>" : "<p>Within threshold (" + percent(report.gapThreshold()) + ").</p>");
            table(html, null, check.groups());
        }
        return html.append("</body></html>\n").toString();
    }

    private static void table(StringBuilder html, @Nullable String title, List<GroupStats> groups) {
        if (title != null) {
            html.append("<h2>").append(escape(title)).append("</h2>");
        }
        html.append("<table><tr><th>group</th><th>decisions</th><th>share</th><th>abstention</th><th>judged</th>"
                + "<th>accuracy</th></tr>");
        for (GroupStats g : groups) {
            html.append("<tr><td>").append(escape(g.group())).append("</td><td>").append(g.decisions())
                    .append("</td><td>").append(percent(g.share())).append("</td><td>")
                    .append(percent(g.abstentionRate())).append("</td><td>").append(g.judged()).append("</td><td>")
                    .append(percent(g.accuracy())).append("</td></tr>");
        }
        html.append("</table>\n");
    }

    private static String percent(@Nullable Double value) {
        return value == null ? "n/a" : String.format(Locale.ROOT, "%.1f %%", value * 100);
    }

    private static String escape(String value) {
        return HtmlUtils.htmlEscape(value);
    }
}
