package io.triage.embedding.model;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A small real model for tests: a text's vector is derived from its length and hash code, and every call's texts are
 * recorded. {@code beforeEncoding} runs inside each call first (to fail it, or hold it while another call arrives).
 */
final class CountingEmbeddingModel implements EmbeddingModel {

    final List<List<String>> calls = new CopyOnWriteArrayList<>();
    final List<String> queries = new CopyOnWriteArrayList<>();
    private final Consumer<List<String>> beforeEncoding;

    CountingEmbeddingModel() {
        this(texts -> { });
    }

    CountingEmbeddingModel(Consumer<List<String>> beforeEncoding) {
        this.beforeEncoding = beforeEncoding;
    }

    static float[] vectorOf(String text) {
        return Vectors.normalised(new float[] {text.length(), text.hashCode() % 1000, 1});
    }

    @Override
    public String name() {
        return "counting-3";
    }

    @Override
    public int dimension() {
        return 3;
    }

    @Override
    public List<float[]> embed(List<String> texts) {
        calls.add(List.copyOf(texts));
        beforeEncoding.accept(texts);
        return texts.stream().map(CountingEmbeddingModel::vectorOf).toList();
    }

    @Override
    public float[] embedQuery(String text) {
        queries.add(text);
        return vectorOf(text);
    }

    List<String> textsSeen() {
        return calls.stream().flatMap(List::stream).toList();
    }
}
