package io.triage.platform.erasure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The pattern is Postgres ARE; Java reads the same lookarounds and escapes once the POSIX class is rewritten. */
class ErasedReferencesTests {

    private static Pattern pattern(String... ids) {
        return Pattern.compile(ErasedReferences.pattern(List.of(ids)).replace("[:alnum:]", "\\p{Alnum}"));
    }

    @Test
    void matchesAnIdInJsonAndInProse() {
        assertThat(pattern("T-1", "U-2").matcher("{\"ticketId\": \"T-1\"}").find()).isTrue();
        assertThat(pattern("T-1", "U-2").matcher("nearest ticket U-2 has similarity 0.4").find()).isTrue();
    }

    @Test
    void leavesLongerIdsAlone() {
        assertThat(pattern("T-1").matcher("\"T-12\"").find()).isFalse();
        assertThat(pattern("T-1").matcher("\"XT-1\"").find()).isFalse();
        assertThat(pattern("T-1").matcher("\"T-1-b\"").find()).isFalse();
    }

    @Test
    void readsEveryCharacterLiterally() {
        assertThat(pattern("a.b").matcher("\"a.b\"").find()).isTrue();
        assertThat(pattern("a.b").matcher("\"axb\"").find()).isFalse();
        assertThat(pattern("a|b").matcher("\"a\"").find()).isFalse();
    }

    @Test
    void refusesNoIds() {
        assertThatIllegalArgumentException().isThrownBy(() -> ErasedReferences.pattern(List.of()));
    }
}
