package io.triage.pii.evaluation;

import java.util.ArrayList;
import java.util.List;

/** Builds a {@link LabelledText} piece by piece, recording the span of every labelled value it appends. */
final class LabelledTextBuilder {

    private final StringBuilder text = new StringBuilder();
    private final List<GoldSpan> spans = new ArrayList<>();

    LabelledTextBuilder plain(String value) {
        text.append(value);
        return this;
    }

    LabelledTextBuilder labelled(String label, String value) {
        spans.add(new GoldSpan(label, text.length(), text.length() + value.length()));
        text.append(value);
        return this;
    }

    LabelledText build() {
        return new LabelledText(text.toString(), List.copyOf(spans));
    }
}
