package io.triage.classify.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

class TrainingFileReaderTests {

    private final TrainingFileReader reader = new TrainingFileReader(Map.of());

    @Test
    void csvWithQuotedCommasAndLineBreaksIsRead() {
        TrainingSet set = reader.parse("""
                text,department,urgency
                "Card declined, twice","Billing",High
                "Cannot log in
                since the update",Technical Support,
                """, "t.csv");
        assertThat(set.heads()).containsExactly("department", "urgency");
        assertThat(set.examples()).hasSize(2);
        assertThat(set.examples().get(0).text()).isEqualTo("Card declined, twice");
        assertThat(set.examples().get(1).text()).contains("since the update");
        assertThat(set.examples().get(1).labels()).containsOnlyKeys("department");
    }

    @Test
    void jsonLinesJoinSubjectAndDescription() {
        TrainingSet set = reader.parse("""
                {"subject":"Refund","description":"Where is my money","sentiment":"Negative","channel":"email"}
                {"text":"Thanks a lot","sentiment":"Positive"}
                """, "t.jsonl");
        assertThat(set.heads()).containsExactly("sentiment");
        assertThat(set.examples().getFirst().text()).isEqualTo("Refund\nWhere is my money");
    }

    @Test
    void unknownLabelColumnIsNamed() {
        assertThatThrownBy(() -> reader.parse("text,departmnet\nhello,Billing\n", "t.csv"))
                .isInstanceOf(TrainingDataException.class)
                .hasMessageContaining("unknown column 'departmnet'")
                .hasMessageContaining("line 2");
    }

    @Test
    void aliasesRenameColumns() {
        TrainingSet set = new TrainingFileReader(Map.of("category", "department"))
                .parse("text,category\nlost my card,card_lost\n", "b77.csv");
        assertThat(set.examples().getFirst().labels()).containsEntry("department", "card_lost");
    }

    @Test
    void emptyFileIsRefused() {
        assertThatThrownBy(() -> reader.parse("  \n", "empty.csv")).hasMessageContaining("empty.csv is empty");
    }

    @Test
    void headerWithoutRowsIsRefused() {
        assertThatThrownBy(() -> reader.parse("text,department\n", "h.csv")).hasMessageContaining("no examples");
    }

    @Test
    void fileWithoutLabelColumnIsRefused() {
        assertThatThrownBy(() -> reader.parse("text,channel\nhello,email\n", "t.csv"))
                .hasMessageContaining("no label column");
    }

    @Test
    void malformedJsonLineIsReportedWithItsLineNumber() {
        assertThatThrownBy(() -> reader.parse("{\"text\":\"a\",\"urgency\":\"Low\"}\n{\"text\": \n", "t.jsonl"))
                .isInstanceOf(TrainingDataException.class)
                .satisfies(e -> assertThat(((TrainingDataException) e).line()).isEqualTo(2));
    }

    @Test
    void rowWithWrongFieldCountIsRefused() {
        assertThatThrownBy(() -> reader.parse("text,department\na,b,c\n", "t.csv"))
                .hasMessageContaining("line 2").hasMessageContaining("expected 2 fields");
    }

    @Test
    void crlfLineEndsAndDoubledQuotesAreRead() {
        TrainingSet set = reader.parse("text,urgency\r\n\"She said \"\"now\"\", twice\",High\r\n"
                + "\"two\r\nlines\",Low\r\n", "t.csv");
        assertThat(set.examples()).extracting(LabelledText::text)
                .containsExactly("She said \"now\", twice", "two\r\nlines");
        assertThat(set.examples()).extracting(e -> e.labels().get("urgency")).containsExactly("High", "Low");
    }

    @Test
    void byteOrderMarkBeforeTheHeaderIsIgnored() {
        TrainingSet csv = reader.parse("\uFEFFtext,department\nhello,Billing\n", "excel.csv");
        assertThat(csv.examples().getFirst().labels()).containsEntry("department", "Billing");
        TrainingSet jsonLines = reader.parse("\uFEFF{\"text\":\"hello\",\"department\":\"Billing\"}\n", "t.jsonl");
        assertThat(jsonLines.examples().getFirst().text()).isEqualTo("hello");
    }

    @Test
    void blankLinesAreSkippedAndLinesCountedAcrossQuotedLineBreaks() {
        assertThatThrownBy(() -> reader.parse("""

                text,department

                "one
                two",Billing
                   
                hello,Billing,extra
                """, "t.csv"))
                .isInstanceOf(TrainingDataException.class)
                .hasMessage("line 7: expected 2 fields as in the header, found 3")
                .satisfies(e -> assertThat(((TrainingDataException) e).line()).isEqualTo(7));
    }

    @Test
    void unterminatedQuoteIsReportedWhereTheRecordStarts() {
        assertThatThrownBy(() -> reader.parse("text,department\nhello,Billing\n\"never closed,Billing\nmore\n",
                "t.csv"))
                .isInstanceOf(TrainingDataException.class)
                .hasMessage("line 3: unterminated quoted field");
    }

    @Test
    void textAfterAClosingQuoteIsRefusedWithItsLine() {
        assertThatThrownBy(() -> reader.parse("text,department\n\"quoted\"tail,Billing\n", "t.csv"))
                .isInstanceOf(TrainingDataException.class)
                .hasMessageStartingWith("line 2: malformed CSV: ");
    }

    @Test
    void quotesInsideAnUnquotedFieldAndSpacesAreKept() {
        TrainingSet set = reader.parse("text,department\nsize 5\" screen, \"Billing\"\n", "t.csv");
        assertThat(set.examples().getFirst().text()).isEqualTo("size 5\" screen");
        // Cells are stripped after reading: the quotes of a field that does not start with one are data.
        assertThat(set.examples().getFirst().labels()).containsEntry("department", "\"Billing\"");
    }
}
