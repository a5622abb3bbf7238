package io.triage.classify.training;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * A seeded stratified split into training, validation and test examples (70/15/15 by default): every class of the
 * stratifying head keeps its share in each part, so a class with seven or more examples appears in all three.
 *
 * @param train      fits vocabulary and weights
 * @param validation fits temperature and thresholds
 * @param test       measures the reported quality, never seen before
 */
public record DataSplit(List<LabelledText> train, List<LabelledText> validation, List<LabelledText> test) {

    public DataSplit {
        train = List.copyOf(train);
        validation = List.copyOf(validation);
        test = List.copyOf(test);
    }

    public static DataSplit stratified(List<LabelledText> examples, String head, double trainShare,
            double validationShare, long seed) {
        Map<String, List<LabelledText>> byClass = new TreeMap<>();
        for (LabelledText example : examples) {
            byClass.computeIfAbsent(example.labels().getOrDefault(head, ""), k -> new ArrayList<>()).add(example);
        }
        Random random = new Random(seed);
        List<LabelledText> train = new ArrayList<>();
        List<LabelledText> validation = new ArrayList<>();
        List<LabelledText> test = new ArrayList<>();
        for (List<LabelledText> members : byClass.values()) {
            Collections.shuffle(members, random);
            int n = members.size();
            int validationCount = (int) Math.round(n * validationShare);
            int testCount = (int) Math.round(n * (1 - trainShare - validationShare));
            int trainCount = Math.max(0, n - validationCount - testCount);
            train.addAll(members.subList(0, trainCount));
            validation.addAll(members.subList(trainCount, trainCount + validationCount));
            test.addAll(members.subList(trainCount + validationCount, n));
        }
        Collections.shuffle(train, random);
        return new DataSplit(train, validation, test);
    }
}
