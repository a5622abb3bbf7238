package io.triage.pii.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.triage.pii.PiiSanitizer;
import io.triage.pii.SanitizerSettings;
import org.junit.jupiter.api.Test;

/** The structured-kind gaps of issue 21, each value removed whole with its own placeholder. */
class StructuredGapsTests {

    private final PiiSanitizer sanitizer = SanitizerSettings.defaults().withNamedEntities(false, false).build();

    @Test
    void capitalLetterIdentifierAfterAnIdNounIsAnAccountId() {
        assertThat(clean("member ID: AXRTAO - the points are missing"))
                .isEqualTo("member id: <ACCOUNT_ID> - the points are missing");
    }

    @Test
    void capitalWordsAfterAnIdNounInShoutedTextOrStatusWordsAreNoAccountId() {
        assertThat(clean("MY CUSTOMER NUMBER CHANGED")).isEqualTo("my customer number changed");
        assertThat(clean("the account number is WRONG")).isEqualTo("the account number is wrong");
    }

    @Test
    void aWordBeforeAGroupedNumberIsNoNino() {
        assertThat(clean("Reach me on 03-1234-5125 after six.")).isEqualTo("reach me on <PHONE> after six.");
        assertThat(clean("ni no. ab 12 34 56 c, or on 12 34 56 d")).isEqualTo("ni no. <UK_NINO>, or <UK_NINO>");
    }

    @Test
    void cardGroupsSeparatedByTwoSpacesAreOneCard() {
        assertThat(clean("Charge on 4111  1111  1111  1111 yesterday")).isEqualTo("charge on <CREDIT_CARD> yesterday");
    }

    @Test
    void amexDinersAndUnionPayGroupingsAreOneCard() {
        assertThat(clean("Amex 3782 822463 10005, Diners 3056-930902-5904, UnionPay 6212 3456 7890 1234 57"))
                .isEqualTo("amex <CREDIT_CARD>, diners <CREDIT_CARD>, unionpay <CREDIT_CARD>");
    }

    @Test
    void unionPayCardsStartingWith81AreCards() {
        assertThat(clean("new card 8171 0000 1234 5670 arrived")).isEqualTo("new card <CREDIT_CARD> arrived");
        assertThat(clean("paid with 8100123456789017")).isEqualTo("paid with <CREDIT_CARD>");
        // Luhn still decides, and an 81 number shorter than sixteen digits is no UnionPay card.
        assertThat(clean("ref 8171 0000 1234 5671")).doesNotContain("<CREDIT_CARD>");
        assertThat(clean("ref 810012345678903")).doesNotContain("<CREDIT_CARD>");
    }

    @Test
    void cardGroupsSeparatedByDotsAreOneCard() {
        assertThat(clean("Payment with 6011.0953.4096.2699 on 3 May.")).isEqualTo("payment with <CREDIT_CARD> on 3 may.");
        assertThat(clean("card 6212.3456.7890.1234.57 declined")).isEqualTo("card <CREDIT_CARD> declined");
    }

    @Test
    void dottedNumbersThatAreNotGroupsOfFourAreNoCards() {
        // Luhn-valid digit strings, but an IPv4 address and a version number, not dotted card groups.
        assertThat(clean("server 192.168.100.126 is down")).isEqualTo("server <IP_ADDRESS> is down");
        assertThat(clean("build 4.111.111.111.111.111 failed")).doesNotContain("<CREDIT_CARD>");
    }

    @Test
    void newIdentifierNounsAreAccountContext() {
        assertThat(clean("Subscriber ID Z601203294 shows as inactive."))
                .isEqualTo("subscriber id <ACCOUNT_ID> shows as inactive.");
        assertThat(clean("Loyalty number the_ebba2k54 has no points."))
                .isEqualTo("loyalty number <ACCOUNT_ID> has no points.");
        assertThat(clean("My login name is HCQ-07-03276 and it says locked."))
                .isEqualTo("my login name is <ACCOUNT_ID> and it says locked.");
    }

    @Test
    void aHashOrSlashIdentifierAfterAContextWordIsNoPhoneNumber() {
        assertThat(clean("Booking ref: #4353139")).isEqualTo("booking ref: <ACCOUNT_ID>");
        assertThat(clean("acct# #7629006 still overdrawn")).isEqualTo("acct# <ACCOUNT_ID> still overdrawn");
        assertThat(clean("Customer reference SUB/2019/15642 - direct debit bounced"))
                .isEqualTo("customer reference <ACCOUNT_ID> - direct debit bounced");
        // A bare number after "account" that is a phone number stays a phone number, whole.
        assertThat(clean("my account 020 7946 0958 is the contact")).isEqualTo("my account <PHONE> is the contact");
    }

    @Test
    void groupedDigitAccountNumbersAfterAContextWordAreOneId() {
        assertThat(clean("acct# 5117 4000 12 still overdrawn")).isEqualTo("acct# <ACCOUNT_ID> still overdrawn");
        assertThat(clean("order 12 34 56 arrived")).isEqualTo("order 12 34 56 arrived");
    }

    @Test
    void aFillerWordMustEndBeforeTheIdentifier() {
        assertThat(clean("Membership no. ISW-59-52218, please update my details."))
                .isEqualTo("membership no. <ACCOUNT_ID>, please update my details.");
    }

    @Test
    void handlesWithADotOrUnderscoreAfterAContextWordAreAccountIds() {
        assertThat(clean("Username ola.1234 is locked")).isEqualTo("username <ACCOUNT_ID> is locked");
        assertThat(clean("Client ID: rio_4410")).isEqualTo("client id: <ACCOUNT_ID>");
        assertThat(clean("ref tom.5521 - double debit")).isEqualTo("ref <ACCOUNT_ID> - double debit");
    }

    @Test
    void aDotAtTheEndOfASentenceIsNotPartOfTheAccountId() {
        assertThat(clean("My order AB123456. It has not arrived"))
                .isEqualTo("my order <ACCOUNT_ID>. it has not arrived");
    }

    @Test
    void extensionsWrittenWithAColonDotOrCommaBelongToThePhoneNumber() {
        assertThat(clean("Callback: 0121 234 5750 ext:662 please")).isEqualTo("callback: <PHONE> please");
        assertThat(clean("Fax (06) 200 1988 x.994 today")).isEqualTo("fax <PHONE> today");
        assertThat(clean("Call +44 7400 123650, ext. 694 now")).isEqualTo("call <PHONE> now");
    }

    @Test
    void aTrunkDigitBeforeTheAreaCodeAndADashInsideTheBracketsBelongToThePhoneNumber() {
        assertThat(clean("Reach me on 8 (912) 345-60-12 (mobile)")).isEqualTo("reach me on <PHONE> (mobile)");
        assertThat(clean("Please ring (0-312) 34939, ask for Saga")).isEqualTo("please ring <PHONE>, ask for saga");
    }

    @Test
    void areaCodeInBracketsMayHoldASpace() {
        assertThat(clean("call (06 1) 234 5678 please")).isEqualTo("call <PHONE> please");
    }

    @Test
    void aFourDigitGroupBeforeMoreDigitGroupsIsAPhonePrefixNotAPostcode() {
        assertThat(clean("12 Mill Lane, Leeds LS1 4AP, 0045 32 12 34 56"))
                .isEqualTo("<STREET_ADDRESS>, <PHONE>");
    }

    @Test
    void ipv4MappedIpv6KeepsNoPrefix() {
        assertThat(clean("from ::ffff:192.0.2.1 today")).isEqualTo("from <IP_ADDRESS> today");
    }

    @Test
    void ipv6ZoneIdIsPartOfTheAddress() {
        assertThat(clean("iface fe80::1%eth0 is down")).isEqualTo("iface <IP_ADDRESS> is down");
    }

    @Test
    void ipv6PrefixLengthIsPartOfTheAddress() {
        assertThat(clean("route 2001:db8::/32 please")).isEqualTo("route <IP_ADDRESS> please");
    }

    @Test
    void ipv6FullCompressedAndEmbeddedFormsAreFound() {
        assertThat(clean("1080:0:0:0:8:800:200C:417A, FF01::101, ::1, 0:0:0:0:0:0:13.1.68.3, 64:ff9b::192.0.2.33"))
                .isEqualTo("<IP_ADDRESS>, <IP_ADDRESS>, <IP_ADDRESS>, <IP_ADDRESS>, <IP_ADDRESS>");
    }

    @Test
    void clockTimesAndScopeOperatorsAreNotIpv6() {
        assertThat(clean("at 10:30:00 std::vector")).isEqualTo("at 10:30:00 std::vector");
    }

    @Test
    void emailWithUnicodeOrPunycodeDomainIsFound() {
        assertThat(clean("anna@bücher.de, x@xn--bcher-kva.example, y@xn--e1afmkfd.xn--p1ai"))
                .isEqualTo("<EMAIL>, <EMAIL>, <EMAIL>");
    }

    @Test
    void urlsGetTheirOwnPlaceholderWithoutTrailingPunctuation() {
        assertThat(clean("see https://example.com/users/anna.smith?id=42. or www.shop.de/a, or example.org/reset?t=x)"))
                .isEqualTo("see <URL>. or <URL>, or <URL>)");
    }

    @Test
    void urlsAfterAnEarlyFullStopAreFound() {
        // The first '.' of the text comes early; the URL gate once looked only at that one.
        assertThat(clean("Hi. Please check www.example.com for details")).isEqualTo("hi. please check <URL> for details");
        assertThat(clean("Ok. WWW.Example.org is down")).isEqualTo("ok. <URL> is down");
        assertThat(clean("Hi. Please check www.example.com/account/12345"))
                .isEqualTo("hi. please check <URL>");
        assertThat(clean("A. see http://example.com/anna.smith?id=42 now")).isEqualTo("a. see <URL> now");
        assertThat(clean("No. Try https://login.example.com")).isEqualTo("no. try <URL>");
    }

    @Test
    void nationalPhoneNumbersWithoutPlusAreFound() {
        assertThat(clean("13812345678 or 030/12345678 or 0612345678 or 09171234567"))
                .isEqualTo("<PHONE> or <PHONE> or <PHONE> or <PHONE>");
    }

    @Test
    void internationalNumberWithUngroupedSubscriberIsFound() {
        assertThat(clean("call +91 4155550132 now")).isEqualTo("call <PHONE> now");
    }

    @Test
    void extensionsArePartOfThePhoneNumber() {
        assertThat(clean("(020) 7946 0958 ext. 204 or 555-0134 x12")).isEqualTo("<PHONE> or <PHONE>");
    }

    @Test
    void extensionAfterAnUngroupedInternationalNumberIsPartOfIt() {
        assertThat(clean("call +15062345438 ext. 136 or +819012345637 extension 891"))
                .isEqualTo("call <PHONE> or <PHONE>");
    }

    @Test
    void ssnWithSpacesDotsOrInContextIsFound() {
        assertThat(clean("SSN 123 45 6789 and 123.45.6789, ssn: 078051120, social security number 078-051120"))
                .isEqualTo("ssn <US_SSN> and <US_SSN>, ssn: <US_SSN>, social security number <US_SSN>");
    }

    @Test
    void ninoInLowerCaseWithDashesOrWithoutSuffixIsFound() {
        assertThat(clean("ab123456c, AB-12-34-56-C, AB 123456 C, AB 12 34 56"))
                .isEqualTo("<UK_NINO>, <UK_NINO>, <UK_NINO>, <UK_NINO>");
    }

    @Test
    void datesTimesAndAmountsStay() {
        assertThat(clean("Paid 12/03/2024 at 10:30, order 15, 3 items, £200,000"))
                .isEqualTo("paid 12/03/2024 at 10:30, order 15, 3 items, £200,000");
    }

    private String clean(String text) {
        return sanitizer.sanitize(text).text();
    }
}
