package io.triage.pii.names;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvReadFeature;
import tools.jackson.dataformat.csv.CsvSchema;

/**
 * Lower-cased lookup lists for name recognition. The built-in lists are small and ship in the jar; a deployment can
 * add the full gazetteers (given names, surnames, cities, countries, regions, organisations) from a directory at
 * run time. The gazetteer files are never packaged: their sources and licences are described in the data README.
 *
 * @param givenNames    given names
 * @param surnames      family names
 * @param places        countries, cities and regions, possibly several words
 * @param organisations organisation names, possibly several words
 * @param commonWords   words that are names or places too but are usually ordinary words in tickets
 * @param englishWords  ordinary lower-case English words (SCOWL), so capitalised dictionary words are not taken as
 *                      people without further evidence
 * @param publicNames   countries, nationalities, currencies, card networks and large platforms: never personal data
 */
public record NameLists(Set<String> givenNames, Set<String> surnames, Set<String> places, Set<String> organisations,
                        Set<String> commonWords, Set<String> englishWords, Set<String> publicNames) {

    private static final String BUILT_IN = "/io/triage/pii/names/";

    /**
     * The lists shipped with the library: the project's own small lists plus the 15,000 most frequent SSA given
     * names and 25,000 most frequent 2010 Census surnames (both public domain).
     */
    public static NameLists builtIn() {
        Set<String> englishWords = words("english-words.txt");
        Set<String> givenNames = words("given-names.txt");
        givenNames.addAll(withoutDictionaryWords(words("frequent-given-names.txt"), englishWords));
        Set<String> surnames = words("surnames.txt");
        surnames.addAll(withoutDictionaryWords(words("frequent-surnames.txt"), englishWords));
        return new NameLists(givenNames, surnames, lines("places.txt"),
                lines("organisations.txt"), words("common-words.txt"), englishWords,
                lines("public-names.txt"));
    }

    /**
     * The frequency lists hold ordinary words too ("Able", "Check", "An" are US surnames); those keep needing a cue
     * or a known name next to them, as before, so that questions without personal data stay untouched.
     */
    private static Set<String> withoutDictionaryWords(Set<String> names, Set<String> englishWords) {
        names.removeAll(englishWords);
        return names;
    }

    /**
     * The built-in lists plus the gazetteer CSV files found in {@code directory} (missing files are skipped).
     */
    public static NameLists withGazetteers(Path directory) {
        NameLists lists = builtIn();
        GazetteerFiles files = new GazetteerFiles(directory);
        lists.givenNames.addAll(files.column("given_names.csv", 0));
        lists.surnames.addAll(files.column("surnames.csv", 0));
        lists.places.addAll(files.column("cities15000.csv", 0));
        lists.places.addAll(files.column("cities15000.csv", 1));
        lists.places.addAll(files.column("countries.csv", 2));
        lists.places.addAll(files.column("admin1_regions.csv", 2));
        lists.places.addAll(files.column("admin1_regions.csv", 3));
        lists.places.addAll(files.column("uk_admin2_counties.csv", 1));
        lists.organisations.addAll(files.column("organisations.csv", 0));
        return lists;
    }

    /** Lower-case key used for every lookup. */
    public static String key(String text) {
        return text.toLowerCase(Locale.ROOT);
    }

    private static Set<String> words(String resource) {
        Set<String> words = new HashSet<>();
        for (String line : read(resource)) {
            for (String word : line.split("\\s+")) {
                if (!word.isBlank()) {
                    words.add(key(word));
                }
            }
        }
        return words;
    }

    private static Set<String> lines(String resource) {
        Set<String> lines = new HashSet<>();
        for (String line : read(resource)) {
            if (!line.isBlank()) {
                lines.add(key(line.strip()));
            }
        }
        return lines;
    }

    private static List<String> read(String resource) {
        try (InputStream in = NameLists.class.getResourceAsStream(BUILT_IN + resource)) {
            if (in == null) {
                throw new IllegalStateException("built-in name list missing: " + resource);
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .filter(line -> !line.startsWith("#"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads one column of the gazetteer CSV files (RFC 4180, header row), with Jackson's CSV parser. */
    private record GazetteerFiles(Path directory) {

        private static final CsvMapper CSV = CsvMapper.builder()
                .enable(CsvReadFeature.WRAP_AS_ARRAY)
                .enable(CsvReadFeature.SKIP_EMPTY_LINES)
                .build();
        private static final CsvSchema HEADER_ROW = CsvSchema.emptySchema().withSkipFirstDataRow(true);

        Set<String> column(String file, int column) {
            Path path = directory.resolve(file);
            Set<String> values = new HashSet<>();
            if (!Files.isRegularFile(path)) {
                return values;
            }
            try (BufferedReader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8);
                    MappingIterator<String[]> rows = CSV.readerFor(String[].class).with(HEADER_ROW)
                            .readValues(reader)) {
                while (rows.hasNextValue()) {
                    String[] fields = rows.nextValue();
                    if (column < fields.length && fields[column] != null && !fields[column].isBlank()) {
                        values.add(key(fields[column].strip()));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read gazetteer " + path, e);
            } catch (JacksonException e) {
                throw new IllegalStateException("malformed gazetteer " + path, e);
            }
            return values;
        }
    }
}
