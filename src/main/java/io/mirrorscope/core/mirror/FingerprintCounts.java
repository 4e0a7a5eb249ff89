package io.mirrorscope.core.mirror;

/**
 * How many source records in the matcher's window have each fingerprint (by its low 64 bits): an open-addressing
 * map of primitive longs to counts, so the matcher can tell at once that a copy has no source record in the window
 * yet (the target read ran ahead of the source read) instead of scanning its lane backward for an older original.
 * About 12 bytes per window record at most half full; no boxing, no per-entry object.
 */
final class FingerprintCounts {

    private long[] keys;
    private int[] counts;
    private int size;

    FingerprintCounts(int expected) {
        int cap = Integer.highestOneBit(Math.max(16, Math.min(expected, 1 << 20)) * 2 - 1) << 1;
        keys = new long[cap];
        counts = new int[cap];
    }

    boolean contains(long key) {
        int mask = keys.length - 1;
        for (int i = index(key, mask); counts[i] != 0; i = (i + 1) & mask) {
            if (keys[i] == key) {
                return true;
            }
        }
        return false;
    }

    void add(long key) {
        int mask = keys.length - 1;
        int i = index(key, mask);
        while (counts[i] != 0) {
            if (keys[i] == key) {
                counts[i]++;
                return;
            }
            i = (i + 1) & mask;
        }
        keys[i] = key;
        counts[i] = 1;
        if (++size > keys.length / 2) {
            grow();
        }
    }

    void remove(long key) {
        int mask = keys.length - 1;
        int i = index(key, mask);
        while (counts[i] != 0) {
            if (keys[i] == key) {
                if (--counts[i] == 0) {
                    size--;
                    shiftBack(i, mask);
                }
                return;
            }
            i = (i + 1) & mask;
        }
    }

    /** Linear probing's deletion: moves later entries of the run into the hole so lookups still find them. */
    private void shiftBack(int hole, int mask) {
        int i = (hole + 1) & mask;
        while (counts[i] != 0) {
            int home = index(keys[i], mask);
            // the entry at i may move to the hole when its home is not in (hole, i] (cyclically)
            if (((i - home) & mask) >= ((i - hole) & mask)) {
                keys[hole] = keys[i];
                counts[hole] = counts[i];
                counts[i] = 0;
                hole = i;
            }
            i = (i + 1) & mask;
        }
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldCounts = counts;
        keys = new long[oldKeys.length * 2];
        counts = new int[oldKeys.length * 2];
        int mask = keys.length - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldCounts[j] != 0) {
                int i = index(oldKeys[j], mask);
                while (counts[i] != 0) {
                    i = (i + 1) & mask;
                }
                keys[i] = oldKeys[j];
                counts[i] = oldCounts[j];
            }
        }
    }

    private static int index(long key, int mask) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }
}
