package io.triage.pii;

import io.triage.pii.detect.AccountIdDetector;
import io.triage.pii.detect.CreditCardDetector;
import io.triage.pii.detect.DateOfBirthDetector;
import io.triage.pii.detect.EmailDetector;
import io.triage.pii.detect.IbanDetector;
import io.triage.pii.detect.IpAddressDetector;
import io.triage.pii.detect.NationalIdDetector;
import io.triage.pii.detect.PhoneDetector;
import io.triage.pii.detect.StreetAddressDetector;
import io.triage.pii.detect.UrlDetector;
import io.triage.pii.names.GreetingNameDetector;
import io.triage.pii.names.NameEvidenceFilter;
import io.triage.pii.names.NameLists;
import io.triage.pii.names.NameRuleDetector;
import io.triage.pii.names.OpenNlpNameDetector;
import io.triage.pii.replace.Pseudonyms;
import io.triage.pii.replace.Replacer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Everything needed to build the standard {@link PiiSanitizer}.
 *
 * @param mode                  how findings are written
 * @param pseudonymKey          HMAC key for {@link ReplacementMode#PSEUDONYM}; empty for the other modes
 * @param extraAccountPatterns  deployment-specific account-id regexes (linear-time only)
 * @param phoneRegions          regions whose national phone formats are validated by libphonenumber
 * @param gazetteerDirectory    optional directory with the gazetteer CSV files; built-in lists only when empty
 * @param namedEntities         whether PERSON/ORG/LOCATION are detected at all
 * @param statisticalModel      whether the shipped OpenNLP model runs in addition to the name rules
 * @param revealValues          whether findings carry raw values (evaluation only)
 */
public record SanitizerSettings(ReplacementMode mode, Optional<byte[]> pseudonymKey, List<String> extraAccountPatterns,
                                List<String> phoneRegions, Optional<Path> gazetteerDirectory, boolean namedEntities,
                                boolean statisticalModel, boolean revealValues) {

    /**
     * Regions whose national formats (no +) are validated by default: the 20 most populous libphonenumber regions,
     * then the UK and EU ones tickets come from. US and GB first, as they are tried in order.
     */
    public static final List<String> DEFAULT_PHONE_REGIONS = List.of("US", "GB", "IN", "CN", "ID", "PK", "NG", "BR",
            "BD", "RU", "ET", "MX", "JP", "EG", "PH", "CD", "VN", "IR", "TR", "DE", "TH", "FR", "IT", "ES", "NL", "IE",
            "PL");

    public SanitizerSettings {
        extraAccountPatterns = List.copyOf(extraAccountPatterns);
        phoneRegions = List.copyOf(phoneRegions);
    }

    /** Placeholders, {@link #DEFAULT_PHONE_REGIONS}, built-in name lists, rules and model on. */
    public static SanitizerSettings defaults() {
        return new SanitizerSettings(ReplacementMode.PLACEHOLDER, Optional.empty(), List.of(), DEFAULT_PHONE_REGIONS,
                Optional.empty(), true, true, false);
    }

    /** These settings with a gazetteer directory. */
    public SanitizerSettings withGazetteers(Path directory) {
        return new SanitizerSettings(mode, pseudonymKey, extraAccountPatterns, phoneRegions, Optional.of(directory),
                namedEntities, statisticalModel, revealValues);
    }

    /** These settings with a different replacement mode and key. */
    public SanitizerSettings withMode(ReplacementMode newMode, Optional<byte[]> key) {
        return new SanitizerSettings(newMode, key, extraAccountPatterns, phoneRegions, gazetteerDirectory,
                namedEntities, statisticalModel, revealValues);
    }

    /** These settings with named-entity detection switched as given. */
    public SanitizerSettings withNamedEntities(boolean rules, boolean model) {
        return new SanitizerSettings(mode, pseudonymKey, extraAccountPatterns, phoneRegions, gazetteerDirectory,
                rules, model, revealValues);
    }

    /** Builds the sanitizer; fails fast on a missing key or gazetteer directory rather than running weaker. */
    public PiiSanitizer build() {
        List<Detector> detectors = new ArrayList<>(List.of(new EmailDetector(), new PhoneDetector(phoneRegions),
                new AccountIdDetector(extraAccountPatterns), new CreditCardDetector(), new IbanDetector(),
                new IpAddressDetector(), new NationalIdDetector(), new DateOfBirthDetector(), new UrlDetector(),
                new StreetAddressDetector()));
        if (namedEntities) {
            NameLists lists = nameLists();
            detectors.add(new NameEvidenceFilter(new NameRuleDetector(lists), lists));
            detectors.add(new NameEvidenceFilter(new GreetingNameDetector(lists), lists));
            if (statisticalModel) {
                detectors.add(new NameEvidenceFilter(OpenNlpNameDetector.shipped(lists.commonWords()), lists));
            }
        }
        return new PiiSanitizer(detectors, replacer(), revealValues);
    }

    private NameLists nameLists() {
        if (gazetteerDirectory.isEmpty()) {
            return NameLists.builtIn();
        }
        Path directory = gazetteerDirectory.get();
        if (!Files.isDirectory(directory)) {
            throw new IllegalArgumentException("gazetteer directory does not exist: " + directory);
        }
        return NameLists.withGazetteers(directory);
    }

    private Replacer replacer() {
        if (mode != ReplacementMode.PSEUDONYM) {
            return Replacer.of(mode);
        }
        return Replacer.pseudonymous(new Pseudonyms(pseudonymKey.orElseThrow(
                () -> new IllegalArgumentException("PSEUDONYM mode needs a pseudonym key"))));
    }
}
