package io.mirrorscope.core.trace;

import java.util.Arrays;

/**
 * Interned strings of one trace: each distinct text is kept once and named by an int id, so a column of service
 * names, operation names or tag keys costs four bytes a span instead of a reference and a string.
 */
public final class StringTable {

    /** Open addressing over ids (-1 empty), hashed like {@link String#hashCode()} so chars and strings agree. */
    private int[] slots = filled(64);
    private int[] hashes = new int[64];
    private String[] texts = new String[16];
    /** The chars of each keyed text by slot, compared with {@link Arrays#equals} (vectorized, no charAt per char). */
    private char[][] slotChars = new char[64][];
    private int size;
    private int keyed;

    private static int[] filled(int n) {
        int[] a = new int[n];
        Arrays.fill(a, -1);
        return a;
    }

    /** The id of {@code text}, adding it when new; null is stored as the empty string. */
    public int intern(String text) {
        String key = text == null ? "" : text;
        int hash = key.hashCode();
        int mask = slots.length - 1;
        for (int i = mix(hash) & mask; ; i = (i + 1) & mask) {
            int id = slots[i];
            if (id < 0) {
                return insert(i, hash, key);
            }
            if (hashes[i] == hash && texts[id].equals(key)) {
                return id;
            }
        }
    }

    /**
     * The id of the text in {@code chars[offset, offset + length)}, adding it when new: a streaming reader interns
     * straight from its buffer, so a repeated key or value costs no String at all.
     */
    public int intern(char[] chars, int offset, int length) {
        int hash = 0;
        for (int k = 0; k < length; k++) {
            hash = 31 * hash + chars[offset + k];
        }
        int mask = slots.length - 1;
        for (int i = mix(hash) & mask; ; i = (i + 1) & mask) {
            int id = slots[i];
            if (id < 0) {
                return insert(i, hash, new String(chars, offset, length));
            }
            char[] known = slotChars[i];
            if (hashes[i] == hash && known.length == length
                    && Arrays.equals(known, 0, length, chars, offset, offset + length)) {
                return id;
            }
        }
    }

    private static int mix(int hash) {
        return hash ^ (hash >>> 16);
    }

    private int insert(int slot, int hash, String key) {
        int id = add(key);
        slots[slot] = id;
        hashes[slot] = hash;
        slotChars[slot] = key.toCharArray();
        keyed++;
        if (keyed * 2 > slots.length) {
            rehash();
        }
        return id;
    }

    private void rehash() {
        int[] oldSlots = slots;
        int[] oldHashes = hashes;
        char[][] oldChars = slotChars;
        slots = filled(oldSlots.length * 2);
        hashes = new int[slots.length];
        slotChars = new char[slots.length][];
        int mask = slots.length - 1;
        for (int j = 0; j < oldSlots.length; j++) {
            if (oldSlots[j] >= 0) {
                int i = mix(oldHashes[j]) & mask;
                while (slots[i] >= 0) {
                    i = (i + 1) & mask;
                }
                slots[i] = oldSlots[j];
                hashes[i] = oldHashes[j];
                slotChars[i] = oldChars[j];
            }
        }
    }

    /** Adds {@code text} without a lookup entry (for long values that are rarely repeated); returns its id. */
    public int add(String text) {
        if (size == texts.length) {
            texts = Arrays.copyOf(texts, size * 2);
        }
        texts[size] = text;
        return size++;
    }

    /** The text of {@code id}. */
    public String get(int id) {
        return texts[id];
    }

    /** The id of {@code text}, or -1 when it was never interned. */
    public int find(String text) {
        if (text == null) {
            return -1;
        }
        int hash = text.hashCode();
        int mask = slots.length - 1;
        for (int i = mix(hash) & mask; ; i = (i + 1) & mask) {
            int id = slots[i];
            if (id < 0) {
                return -1;
            }
            if (hashes[i] == hash && texts[id].equals(text)) {
                return id;
            }
        }
    }

    /** How many distinct strings the table holds. */
    public int size() {
        return size;
    }
}
