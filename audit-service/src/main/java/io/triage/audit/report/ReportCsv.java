package io.triage.audit.report;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;
import tools.jackson.dataformat.csv.CsvWriteFeature;

/**
 * The CSV form of a {@link MonthlyReport}, one row per group, written with Jackson's CSV generator. Groups are free
 * text (departments, model versions, channels as sent) and are always quoted, with RFC 4180 escaping of quotes,
 * separators and line breaks; the header and the section names are identifiers of this service and stay bare;
 * numbers are plain, with four decimals for ratios and empty when there is none. A group a spreadsheet would run as
 * a formula (starting with {@code = + - @}, tab or carriage return; groups come from callers) is written as text
 * with a leading single quote (OWASP CSV injection). {@code flagged} is true on a bias
 * row whose group's accuracy lies more than the threshold below the overall accuracy.
 */
final class ReportCsv {

    private static final List<String> HEADER = List.of("section", "group", "decisions", "share", "abstention_rate",
            "judged", "accuracy", "flagged");
    private static final CsvMapper CSV = CsvMapper.builder().enable(CsvWriteFeature.ALWAYS_QUOTE_STRINGS).build();
    private static final CsvSchema SCHEMA = CsvSchema.builder().addColumns(HEADER, CsvSchema.ColumnType.STRING)
            .setUseHeader(false).setLineSeparator("\n").build();
    /** What can be written without quotes on any reading of RFC 4180. */
    private static final Pattern BARE = Pattern.compile("[A-Za-z0-9_:.-]+");
    /** Where Excel, LibreOffice and Sheets start a formula (OWASP CSV injection). */
    private static final Pattern FORMULA_START = Pattern.compile("^[=+\\-@\t\r]");

    private ReportCsv() {
    }

    static String of(MonthlyReport report) {
        StringWriter out = new StringWriter();
        try (JsonGenerator csv = CSV.writer(SCHEMA).createGenerator(out)) {
            csv.writeStartArray();
            HEADER.forEach(name -> identifier(csv, name));
            csv.writeEndArray();
            section(csv, "routing_method", report.byRoutingMethod(), List.of());
            section(csv, "department", report.byDepartment(), List.of());
            section(csv, "model_version", report.byModelVersion(), List.of());
            for (BiasCheck check : report.biasChecks()) {
                section(csv, "bias:" + check.attribute(), check.groups(), check.flaggedGroups());
            }
        }
        return out.toString();
    }

    private static void section(JsonGenerator csv, String section, List<GroupStats> groups, List<String> flagged) {
        for (GroupStats g : groups) {
            csv.writeStartArray();
            identifier(csv, section);
            csv.writeString(asText(g.group()));
            csv.writeNumber(g.decisions());
            ratio(csv, g.share());
            ratio(csv, g.abstentionRate());
            csv.writeNumber(g.judged());
            ratio(csv, g.accuracy());
            csv.writeBoolean(flagged.contains(g.group()));
            csv.writeEndArray();
        }
    }

    /** {@code value}, prefixed with a single quote when a spreadsheet would read it as a formula. */
    static String asText(String value) {
        return FORMULA_START.matcher(value).find() ? "'" + value : value;
    }

    /** Bare when it needs no quoting, otherwise quoted and escaped like any text. */
    private static void identifier(JsonGenerator csv, String name) {
        if (BARE.matcher(name).matches()) {
            csv.writeRawValue(name);
        } else {
            csv.writeString(name);
        }
    }

    private static void ratio(JsonGenerator csv, @Nullable Double value) {
        if (value == null) {
            csv.writeNull();
        } else if (Double.isFinite(value)) {
            csv.writeNumber(new BigDecimal(String.format(Locale.ROOT, "%.4f", value)));
        } else {
            identifier(csv, value.toString());
        }
    }
}
