package io.triage.pii.names;

import static org.assertj.core.api.Assertions.assertThat;

import io.triage.pii.PiiSanitizer;
import io.triage.pii.SanitizerSettings;
import org.junit.jupiter.api.Test;

/** People naming themselves in greetings and sign-offs are found even when the name is also a word. */
class GreetingNameTests {

    private final PiiSanitizer sanitizer = SanitizerSettings.defaults().build();

    @Test
    void nameBeforeHereIsAPerson() {
        assertThat(clean("Hi, Grace here. My card is blocked.")).isEqualTo("hi, <PERSON> here. my card is blocked.");
    }

    @Test
    void lowerCaseNameBeforeHereIsAPerson() {
        assertThat(clean("hi, grace here")).isEqualTo("hi, <PERSON> here");
    }

    @Test
    void nameAfterThanksAtTheEndIsAPerson() {
        assertThat(clean("The app keeps crashing.\nThanks, Priya")).isEqualTo("the app keeps crashing. thanks, <PERSON>");
    }

    @Test
    void signOffOnItsOwnLineIsAPerson() {
        assertThat(clean("Please call back.\nKind regards,\nWill Okonkwo"))
                .isEqualTo("please call back. kind regards, <PERSON>");
    }

    @Test
    void thisIsNameFromDepartmentIsAPerson() {
        assertThat(clean("hello, this is tomasz from billing")).isEqualTo("hello, this is <PERSON> from billing");
    }

    @Test
    void nameSpeakingIsAPerson() {
        assertThat(clean("Morning, Anh speaking, I need help")).isEqualTo("morning, <PERSON> speaking, i need help");
    }

    @Test
    void thanksAgainIsNoName() {
        assertThat(clean("It works now, thanks again")).isEqualTo("it works now, thanks again");
    }

    @Test
    void everyoneHereIsNoName() {
        assertThat(clean("Hi, everyone here is waiting")).isEqualTo("hi, everyone here is waiting");
    }

    @Test
    void myNameIsTakesTheFullNameBeforeAnd() {
        assertThat(clean("customer: my name is krzysztof dabrowski and my card is blocked"))
                .isEqualTo("customer: my name is <PERSON> and my card is blocked");
    }

    @Test
    void surnameParticlesBelongToTheName() {
        assertThat(clean("Please update my details.\n\nKind regards,\nSanne de Vries"))
                .isEqualTo("please update my details. kind regards, <PERSON>");
    }

    @Test
    void capitalisedSecondWordIsTheSurnameEvenIfItIsAWord() {
        assertThat(clean("Good afternoon, this is Minh Do from the accounts team."))
                .isEqualTo("good afternoon, this is <PERSON> from the accounts team.");
    }

    @Test
    void nameHereAfterASpeakerLabelIsAPerson() {
        assertThat(clean("[10:41] visitor: hello\n[10:41] visitor: wanjiku here, card stuck"))
                .isEqualTo("[10:41] visitor: hello [10:41] visitor: <PERSON> here, card stuck");
    }

    @Test
    void itsWithoutApostropheBeforeNameHereIsAPerson() {
        assertThat(clean("hey its ludmila here, app broken")).isEqualTo("hey its <PERSON> here, app broken");
    }

    @Test
    void relationTakesTheWholeLowerCaseName() {
        assertThat(clean("my wife zuzanna wrzesniewska cannot log in")).isEqualTo("my wife <PERSON> cannot log in");
    }

    @Test
    void bothSidesOfOnBehalfOfArePeople() {
        assertThat(clean("teodora vasquez on behalf of imelda brancusi: close it"))
                .isEqualTo("<PERSON> on behalf of <PERSON>: close it");
    }

    @Test
    void timestampedChatLineNamesItsSpeaker() {
        assertThat(clean("[14:07] amara nwachukwu: is anyone there?")).isEqualTo("[14:07] <PERSON>: is anyone there?");
    }

    @Test
    void tellNameThatIsAPerson() {
        assertThat(clean("please tell marisol that i called back"))
                .isEqualTo("please tell <PERSON> that i called back");
    }

    @Test
    void longCapitalisedNameAfterASignOffInShoutedTextIsNoAcronym() {
        assertThat(clean("MANY THANKS\nTORVALD")).isEqualTo("many thanks <PERSON>");
    }

    @Test
    void wordsAfterAskForInMixedCaseTextAreNoName() {
        assertThat(clean("Why do you ask for top-up verification?"))
                .isEqualTo("why do you ask for top-up verification?");
        assertThat(clean("Can I ask for the manager?")).isEqualTo("can i ask for the manager?");
    }

    private String clean(String text) {
        return sanitizer.sanitize(text).text();
    }
}
