package io.mirrorscope.core.trace;

/**
 * An open-addressing map from long to int without boxing: span ids to span indexes at a million spans. Key and
 * value share one array (slot {@code s} at {@code 2s}, {@code 2s + 1}) so a probe touches one cache line, not two:
 * span ids are random, so nearly every lookup of a big trace misses the cache.
 */
final class LongIntMap {

    /** Key, then value plus one (0 marks an empty slot). */
    private long[] table;
    private int size;
    private int mask;

    LongIntMap(int expected) {
        int capacity = Integer.highestOneBit(Math.max(4, expected * 2 - 1)) << 1;
        table = new long[capacity * 2];
        mask = capacity - 1;
    }

    /** The value of {@code key}, or -1. */
    int get(long key) {
        int slot = slot(key);
        while (table[2 * slot + 1] != 0) {
            if (table[2 * slot] == key) {
                return (int) table[2 * slot + 1] - 1;
            }
            slot = (slot + 1) & mask;
        }
        return -1;
    }

    /** Puts {@code key} unless present; returns the value already there, or -1 when it was added. */
    int putIfAbsent(long key, int value) {
        if ((size + 1) * 2 > mask + 1) {
            grow();
        }
        int slot = slot(key);
        while (table[2 * slot + 1] != 0) {
            if (table[2 * slot] == key) {
                return (int) table[2 * slot + 1] - 1;
            }
            slot = (slot + 1) & mask;
        }
        table[2 * slot] = key;
        table[2 * slot + 1] = value + 1L;
        size++;
        return -1;
    }

    private int slot(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }

    private void grow() {
        long[] old = table;
        table = new long[old.length * 2];
        mask = (table.length >> 1) - 1;
        size = 0;
        for (int i = 0; i < old.length; i += 2) {
            if (old[i + 1] != 0) {
                putIfAbsent(old[i], (int) old[i + 1] - 1);
            }
        }
    }
}
