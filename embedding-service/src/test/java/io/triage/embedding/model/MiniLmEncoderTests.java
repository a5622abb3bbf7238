package io.triage.embedding.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.triage.tickets.TicketGenerator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The encoder gives langchain4j's vectors, the ones stored so far, for every text: the model's tokenizer file cuts at
 * 128 tokens and so does the encoder by default. A longer limit reads more of long texts under another model name.
 */
class MiniLmEncoderTests {

    static final MiniLmEncoder ENCODER = new MiniLmEncoder(MiniLmEncoder.STORED_MAX_TOKENS);
    static final AllMiniLmL6V2QuantizedEmbeddingModel LANGCHAIN4J = new AllMiniLmL6V2QuantizedEmbeddingModel();

    @AfterAll
    static void close() {
        ENCODER.close();
    }

    static float[] langchain4j(String text) {
        return Vectors.normalised(LANGCHAIN4J.embed(text).content().vector());
    }

    /** About 25 tokens per sentence; {@code sentences} of them. */
    static String longText(int sentences) {
        return IntStream.range(0, sentences).mapToObj(i -> "Customer " + i + " reports that the broadband router "
                + "in the flat drops the connection every evening and the engineer never arrived for the visit.")
                .collect(Collectors.joining(" "));
    }

    @Test
    void vectorsEqualLangchain4jsForShortAndLongTexts() {
        List<String> texts = new ArrayList<>(List.of("Router keeps rebooting",
                "My card payment was declined twice at the supermarket, please help!",
                "Rückerstattung für doppelte Abbuchung — bitte prüfen (Ticket #4711).", "x", longText(5),
                longText(7), longText(20)));
        new TicketGenerator(7).generate(20).forEach(t -> texts.add(t.subject() + ". " + t.description()));

        for (String text : texts) {
            assertThat(Vectors.dot(ENCODER.encode(text), langchain4j(text))).as(text).isGreaterThanOrEqualTo(0.9999f);
        }
    }

    @Test
    void textsAreCutAt128TokensWithClsAndSep() {
        String text = longText(20);

        assertThat(ENCODER.tokens(text)).isEqualTo(128);
        assertThat(Vectors.dot(ENCODER.encode(text), ENCODER.encode(text + " Completely unrelated words about "
                + "invoices, refunds and parcels that come after the cut.")))
                .as("words after the first 128 tokens change nothing").isGreaterThanOrEqualTo(0.99999f);
    }

    @Test
    void a256TokenLimitReadsFurtherUnderItsOwnModelName() {
        String text = longText(7);
        try (MiniLmEncoder longer = new MiniLmEncoder(256);
                MiniLmEmbeddingModel model = new MiniLmEmbeddingModel(new MiniLmProperties(1, 1, 256),
                        new SimpleMeterRegistry())) {
            assertThat(longer.tokens(text)).isBetween(129, 256);
            assertThat(longer.tokens(longText(20))).isEqualTo(256);
            assertThat(Vectors.dot(longer.encode("Router keeps rebooting"), langchain4j("Router keeps rebooting")))
                    .as("a short text is unaffected").isGreaterThanOrEqualTo(0.9999f);
            assertThat(Vectors.dot(longer.encode(text), langchain4j(text)))
                    .as("tokens 129-256 change the vector").isLessThan(0.999f);
            assertThat(model.name()).isEqualTo("all-minilm-l6-v2-q-256t-384");
        }
    }

    @Test
    void limitsOutsideTheModelsRangeAreRefused() {
        assertThatThrownBy(() -> new MiniLmEncoder(513)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MiniLmEncoder(1)).isInstanceOf(IllegalArgumentException.class);
    }
}
