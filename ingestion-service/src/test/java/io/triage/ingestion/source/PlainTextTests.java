package io.triage.ingestion.source;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class PlainTextTests {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void adfParagraphsAndHardBreaksBecomeLines() {
        var adf = json.readTree("""
                {"type":"doc","version":1,"content":[
                  {"type":"paragraph","content":[{"type":"text","text":"VPN drops"},{"type":"hardBreak"},
                                                 {"type":"text","text":"every hour"}]},
                  {"type":"bulletList","content":[{"type":"listItem","content":[
                    {"type":"paragraph","content":[{"type":"mention","attrs":{"text":"@Ada"}}]}]}]}]}""");

        assertThat(PlainText.fromAdf(adf)).isEqualTo("VPN drops\nevery hour\n@Ada");
    }

    @Test
    void missingAdfIsEmpty() {
        assertThat(PlainText.fromAdf(null)).isEmpty();
    }

    @Test
    void htmlLosesItsMarkupAndKeepsItsText() {
        assertThat(PlainText.fromHtml("<p>Printer is <b>on fire</b> &amp; smoking</p><p>Help<br>now</p>"
                + "<script>alert(1)</script>"))
                .isEqualTo("Printer is on fire & smoking\nHelp\nnow");
    }

    @Test
    void textWithoutMarkupIsUnchanged() {
        assertThat(PlainText.fromHtml("a < b, plainly")).isEqualTo("a < b, plainly");
    }
}
