package io.triage.pii.names;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading the gazetteer CSV files: RFC 4180 quoting, a header row, the wanted column, lower-cased keys. */
class NameListsTests {

    @TempDir
    Path directory;

    void write(String file, String content) throws IOException {
        Files.writeString(directory.resolve(file), content, StandardCharsets.UTF_8);
    }

    @Test
    void theHeaderRowIsSkippedAndTheColumnIsLowerCasedAndStripped() throws IOException {
        write("given_names.csv", "name,count\nZarathustra,12\n  Quetzalli ,3\n");

        NameLists lists = NameLists.withGazetteers(directory);

        assertThat(lists.givenNames()).contains("zarathustra", "quetzalli").doesNotContain("name");
    }

    @Test
    void quotedFieldsKeepTheirCommasAndDoubledQuotes() throws IOException {
        write("organisations.csv", """
                name,category,sources
                "Berkshire Hathaway, Inc.",company,fortune500
                "The ""Quoted"" Company",company,"a|b"
                Plain Org,company,x
                """);

        NameLists lists = NameLists.withGazetteers(directory);

        assertThat(lists.organisations()).contains("berkshire hathaway, inc.", "the \"quoted\" company",
                "plain org");
    }

    @Test
    void laterColumnsAreReadPastQuotedOnesAndShortOrBlankRowsAreSkipped() throws IOException {
        write("countries.csv", """
                iso2,iso3,name,capital
                BQ,BES,"Bonaire, Saint Eustatius and Saba",Kralendijk
                XX,XXX
                YY,YYY,,Nowhere

                ZZ,ZZZ,Zedland,Zed City
                """);

        NameLists lists = NameLists.withGazetteers(directory);

        assertThat(lists.places()).contains("bonaire, saint eustatius and saba", "zedland")
                .doesNotContain("", "kralendijk", "nowhere", "zed city", "name");
    }

    @Test
    void twoColumnsOfOneFileBothCount() throws IOException {
        write("cities15000.csv", "name,asciiname,country_code\n\"Zürich-Örlikon\",Zurich-Oerlikon,CH\n");

        NameLists lists = NameLists.withGazetteers(directory);

        assertThat(lists.places()).contains("zürich-örlikon", "zurich-oerlikon").doesNotContain("ch");
    }

    @Test
    void missingFilesLeaveTheBuiltInLists() {
        NameLists builtIn = NameLists.builtIn();

        NameLists lists = NameLists.withGazetteers(directory);

        assertThat(lists).isEqualTo(builtIn);
    }

    @Test
    void builtInListsHoldFrequentNamesButNoDictionaryWords() {
        NameLists builtIn = NameLists.builtIn();

        assertThat(builtIn.givenNames()).contains("jayden", "ximena", "priyanka");
        assertThat(builtIn.surnames()).contains("nguyen", "okafor", "kowalski");
        assertThat(builtIn.surnames()).doesNotContain("able", "check", "an");
    }
}
