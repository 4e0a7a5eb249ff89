package io.mirrorscope.core.trace;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Interned strings of one trace: each distinct text is kept once and named by an int id, so a column of service
 * names, operation names or tag keys costs four bytes a span instead of a reference and a string.
 */
public final class StringTable {

    private final Map<String, Integer> ids = new HashMap<>();
    private String[] texts = new String[16];
    private int size;

    /** The id of {@code text}, adding it when new; null is stored as the empty string. */
    public int intern(String text) {
        String key = text == null ? "" : text;
        Integer id = ids.get(key);
        if (id != null) {
            return id;
        }
        if (size == texts.length) {
            texts = Arrays.copyOf(texts, size * 2);
        }
        texts[size] = key;
        ids.put(key, size);
        return size++;
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
        Integer id = ids.get(text);
        return id == null ? -1 : id;
    }

    /** How many distinct strings the table holds. */
    public int size() {
        return size;
    }
}
