package io.triage.pii.autoconfigure;

import io.triage.pii.ReplacementMode;
import io.triage.pii.SanitizerSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the PII sanitizer used by the services ({@code triage.pii.*}).
 *
 * @param mode                 how personal data is written: {@code PLACEHOLDER} ({@code <PERSON>}), {@code NUMBERED}
 *                             ({@code <PERSON_1>}, consistent within one text) or {@code PSEUDONYM} (keyed HMAC,
 *                             stable across texts)
 * @param pseudonymKeyEnv      name of the environment variable that holds the pseudonym key (at least 16
 *                             characters); the key itself is read from the environment only, never from a
 *                             property file; required when {@code mode} is {@code PSEUDONYM}
 * @param extraAccountPatterns deployment-specific account/customer/order id patterns (Java regex, linear-time only:
 *                             bounded quantifiers, no nested repetition), matched anywhere in the text
 * @param phoneRegions         ISO 3166 regions whose national phone formats are validated with libphonenumber;
 *                             international (+…) numbers are found regardless; by default the 20 most populous
 *                             regions plus the EU and UK ones the tickets come from (same list as
 *                             {@code SanitizerSettings.DEFAULT_PHONE_REGIONS})
 * @param gazetteerDirectory   directory with the gazetteer CSV files (given_names.csv, surnames.csv,
 *                             cities15000.csv, countries.csv, admin1_regions.csv, uk_admin2_counties.csv,
 *                             organisations.csv); unset means built-in lists only, with lower name recall
 * @param nerEnabled           whether PERSON, ORG and LOCATION are detected at all (rules and model)
 * @param nerModelEnabled      whether the shipped OpenNLP model runs in addition to the name rules
 */
@ConfigurationProperties("triage.pii")
public record PiiProperties(@DefaultValue("PLACEHOLDER") ReplacementMode mode,
                            @DefaultValue("TRIAGE_PII_PSEUDONYM_KEY") String pseudonymKeyEnv,
                            @DefaultValue List<String> extraAccountPatterns,
                            @DefaultValue({"US", "GB", "IN", "CN", "ID", "PK", "NG", "BR", "BD", "RU", "ET",
                                    "MX", "JP", "EG", "PH", "CD", "VN", "IR", "TR", "DE", "TH", "FR", "IT", "ES", "NL",
                                    "IE", "PL"}) List<String> phoneRegions,
                            @Nullable Path gazetteerDirectory,
                            @DefaultValue("true") boolean nerEnabled,
                            @DefaultValue("true") boolean nerModelEnabled) {

    /** The library settings, reading the pseudonym key through {@code environment} (normally System::getenv). */
    SanitizerSettings toSettings(UnaryOperator<@Nullable String> environment) {
        Optional<byte[]> key = Optional.empty();
        if (mode == ReplacementMode.PSEUDONYM) {
            String value = environment.apply(pseudonymKeyEnv);
            if (value == null || value.isBlank()) {
                throw new IllegalStateException("triage.pii.mode=PSEUDONYM needs the key in environment variable "
                        + pseudonymKeyEnv);
            }
            key = Optional.of(value.getBytes(StandardCharsets.UTF_8));
        }
        return new SanitizerSettings(mode, key, extraAccountPatterns, phoneRegions,
                Optional.ofNullable(gazetteerDirectory), nerEnabled, nerModelEnabled, false);
    }
}
