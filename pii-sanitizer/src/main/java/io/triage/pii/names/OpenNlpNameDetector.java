package io.triage.pii.names;

import io.triage.pii.Detector;
import io.triage.pii.Finding;
import io.triage.pii.PiiType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.tokenize.SimpleTokenizer;
import opennlp.tools.util.Span;
import org.jspecify.annotations.Nullable;

/**
 * PERSON, ORG and LOCATION by an Apache OpenNLP maximum-entropy name finder. The shipped model was trained only on
 * the project's own synthetic sentences (see the module README for the command), never on evaluation data.
 * Text is cut into sentence-sized windows so that cost stays linear in the text length.
 *
 * <p>A {@link NameFinderME} is not thread-safe, and building one parses the model's feature-generator XML (about
 * a millisecond, plus class and service lookups). Finders are therefore pooled and reused, not kept per thread:
 * services run requests on virtual threads, a new thread per request, where a thread-local finder would be built
 * again for every ticket. The pool grows to the highest concurrency seen and no further.
 */
public final class OpenNlpNameDetector implements Detector {

    /** Classpath location of the shipped model. */
    public static final String MODEL_RESOURCE = "/io/triage/pii/names/ticket-ner.bin";
    private static final int MAX_WINDOW = 64;

    private final TokenNameFinderModel model;
    private final Set<String> commonWords;
    private final ConcurrentLinkedQueue<NameFinderME> finders = new ConcurrentLinkedQueue<>();

    /**
     * @param model       a name finder model with types person, organization and location
     * @param commonWords lower-case words never reported alone (the model's own false friends)
     */
    public OpenNlpNameDetector(TokenNameFinderModel model, Set<String> commonWords) {
        this.model = model;
        this.commonWords = Set.copyOf(commonWords);
    }

    /** The detector with the model shipped in this jar. */
    public static OpenNlpNameDetector shipped(Set<String> commonWords) {
        try (InputStream in = OpenNlpNameDetector.class.getResourceAsStream(MODEL_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("shipped name model missing: " + MODEL_RESOURCE);
            }
            return new OpenNlpNameDetector(new TokenNameFinderModel(in), commonWords);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the shipped name model", e);
        }
    }

    @Override
    public String name() {
        return "opennlp-ner";
    }

    @Override
    public List<Finding> detect(String text) {
        Span[] positions = SimpleTokenizer.INSTANCE.tokenizePos(text);
        NameFinderME finder = finders.poll();
        if (finder == null) {
            finder = new NameFinderME(model);
        }
        try {
            return find(text, positions, finder);
        } finally {
            finder.clearAdaptiveData();
            finders.offer(finder);
        }
    }

    /** Finders made so far (pooled and idle); for tests. */
    int pooledFinders() {
        return finders.size();
    }

    private List<Finding> find(String text, Span[] positions, NameFinderME finder) {
        List<Finding> findings = new ArrayList<>();
        int from = 0;
        while (from < positions.length) {
            int to = windowEnd(text, positions, from);
            String[] tokens = new String[to - from];
            for (int i = from; i < to; i++) {
                tokens[i - from] = positions[i].getCoveredText(text).toString();
            }
            for (Span name : finder.find(tokens)) {
                PiiType type = type(name.getType());
                int start = positions[from + name.getStart()].getStart();
                int end = positions[from + name.getEnd() - 1].getEnd();
                if (type != null && plausible(text.substring(start, end))) {
                    findings.add(Finding.of(type, start, end, name(), score(type, name.getProb())));
                }
            }
            from = to;
        }
        return findings;
    }

    /** Windows end after sentence punctuation, at a line break, or after {@value #MAX_WINDOW} tokens. */
    private static int windowEnd(String text, Span[] positions, int from) {
        int i = from;
        while (i < positions.length && i - from < MAX_WINDOW) {
            Span token = positions[i];
            i++;
            boolean sentenceEnd = token.length() == 1 && ".!?".indexOf(text.charAt(token.getStart())) >= 0;
            boolean lineBreak = i < positions.length
                    && text.substring(token.getEnd(), positions[i].getStart()).indexOf('\n') >= 0;
            if (sentenceEnd || lineBreak) {
                break;
            }
        }
        return i;
    }

    /**
     * Person names from the model rank below every name rule, so it only fills gaps; its organisations and places
     * outrank the rules' low-confidence guesses of unknown capitalised words as people.
     */
    private static double score(PiiType type, double probability) {
        return type == PiiType.PERSON ? 0.3 + 0.09 * probability : 0.35 + 0.2 * probability;
    }

    private boolean plausible(String value) {
        return value.length() > 1 && Character.isLetter(value.codePointAt(0))
                && !commonWords.contains(NameLists.key(value));
    }

    private static @Nullable PiiType type(String modelType) {
        return switch (modelType) {
            case "person" -> PiiType.PERSON;
            case "organization" -> PiiType.ORG;
            case "location" -> PiiType.LOCATION;
            default -> null;
        };
    }
}
