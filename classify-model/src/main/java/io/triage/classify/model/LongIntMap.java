package io.triage.classify.model;

import java.util.Arrays;

/**
 * An open-addressing map from 64-bit n-gram hashes to ints (linear probing, no boxing): counting n-grams is the
 * hot loop of both training and serving. Key 0 is reserved as "empty", so callers never pass 0.
 */
final class LongIntMap {

    private long[] keys;
    private int[] values;
    private int size;

    LongIntMap(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        keys = new long[capacity];
        values = new int[capacity];
    }

    int get(long key, int missing) {
        int mask = keys.length - 1;
        for (int i = slot(key, mask); ; i = (i + 1) & mask) {
            if (keys[i] == key) {
                return values[i];
            }
            if (keys[i] == 0) {
                return missing;
            }
        }
    }

    /** Adds {@code delta} to the key's value (starting from 0); returns the new value. */
    int add(long key, int delta) {
        int mask = keys.length - 1;
        int i = slot(key, mask);
        while (keys[i] != 0 && keys[i] != key) {
            i = (i + 1) & mask;
        }
        if (keys[i] == 0) {
            keys[i] = key;
            values[i] = delta;
            if (++size * 2 > keys.length) {
                grow();
            }
            return delta;
        }
        values[i] += delta;
        return values[i];
    }

    void put(long key, int value) {
        add(key, value - get(key, 0));
    }

    int size() {
        return size;
    }

    /** Calls the visitor once per entry, in no particular order. */
    void forEach(Visitor visitor) {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != 0) {
                visitor.visit(keys[i], values[i]);
            }
        }
    }

    void clear() {
        Arrays.fill(keys, 0);
        size = 0;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new int[oldKeys.length * 2];
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != 0) {
                add(oldKeys[i], oldValues[i]);
            }
        }
    }

    private static int slot(long key, int mask) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h >>> 32) & mask;
    }

    /** Receives map entries. */
    @FunctionalInterface
    interface Visitor {
        void visit(long key, int value);
    }
}
