package io.mirrorscope.kube.inventory;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Lenient, typed reading of a resource's free-form maps. A field of the wrong type is read as absent and
 * leaves a note ("spec.kafka.replicas: expected a number, found a list"), so one odd field never hides the
 * rest of a resource, and the operator learns what the reader skipped.
 */
final class Fields {

    private final List<String> notes = new ArrayList<>();

    List<String> notes() {
        return notes;
    }

    void note(String message) {
        notes.add(message);
    }

    /** A nested map; empty when absent or of another type (noted). */
    @SuppressWarnings("unchecked")
    Map<String, Object> map(Map<String, Object> parent, String key, String path) {
        Object v = parent == null ? null : parent.get(key);
        if (v == null) {
            return Map.of();
        }
        if (v instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        wrongType(path, "an object", v);
        return Map.of();
    }

    /** True when the key is present with a non-null value. */
    static boolean has(Map<String, Object> parent, String key) {
        return parent != null && parent.get(key) != null;
    }

    /** A list of maps; non-map entries are skipped (noted); empty when absent or of another type (noted). */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> maps(Map<String, Object> parent, String key, String path) {
        Object v = parent == null ? null : parent.get(key);
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof List<?> list)) {
            wrongType(path, "a list", v);
            return List.of();
        }
        List<Map<String, Object>> out = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            Object e = list.get(i);
            if (e instanceof Map<?, ?> m) {
                out.add((Map<String, Object>) m);
            } else if (e != null) {
                wrongType(path + "[" + i + "]", "an object", e);
            }
        }
        return out;
    }

    /** A list of scalars as strings; empty when absent or of another type (noted). */
    List<String> strings(Map<String, Object> parent, String key, String path) {
        Object v = parent == null ? null : parent.get(key);
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof List<?> list)) {
            wrongType(path, "a list", v);
            return List.of();
        }
        List<String> out = new ArrayList<>(list.size());
        for (Object e : list) {
            if (e instanceof String || e instanceof Number || e instanceof Boolean) {
                out.add(String.valueOf(e));
            }
        }
        return out;
    }

    /** A scalar as text (numbers and booleans too, as YAML often types them); null when absent or not scalar. */
    String str(Map<String, Object> parent, String key, String path) {
        Object v = parent == null ? null : parent.get(key);
        if (v == null) {
            return null;
        }
        if (v instanceof String || v instanceof Number || v instanceof Boolean) {
            return String.valueOf(v);
        }
        wrongType(path, "a string", v);
        return null;
    }

    /**
     * A whole number that fits an int, also from a numeric string; null when absent, not a whole number, or too
     * large (noted with the field and the value: a replica count of 4294967297 must not show as 1).
     */
    Integer integer(Map<String, Object> parent, String key, String path) {
        Object v = parent == null ? null : parent.get(key);
        if (v == null) {
            return null;
        }
        BigDecimal number;
        if (v instanceof Number n) {
            try {
                number = new BigDecimal(n.toString());
            } catch (NumberFormatException e) {
                note(path + ": expected a number, found " + n);  // NaN, Infinity
                return null;
            }
        } else if (v instanceof String s) {
            try {
                number = new BigDecimal(s.strip());
            } catch (NumberFormatException e) {
                note(path + ": expected a number, found \"" + abbreviate(s) + "\"");
                return null;
            }
        } else {
            wrongType(path, "a number", v);
            return null;
        }
        try {
            return number.intValueExact();
        } catch (ArithmeticException e) {
            note(path + ": " + abbreviate(number.toPlainString()) + (number.stripTrailingZeros().scale() > 0
                    ? " is not a whole number" : " is out of range (" + Integer.MIN_VALUE + " to "
                    + Integer.MAX_VALUE + ")"));
            return null;
        }
    }

    /** {@link #integer} limited to {@code min}..{@code max} (a port, a count); outside it null, noted. */
    Integer integer(Map<String, Object> parent, String key, String path, int min, int max) {
        Integer v = integer(parent, key, path);
        if (v != null && (v < min || v > max)) {
            note(path + ": " + v + " is out of range (" + min + " to " + max + ")");
            return null;
        }
        return v;
    }

    /** A boolean, also from "true"/"false"; the default when absent or not a boolean (noted). */
    boolean bool(Map<String, Object> parent, String key, String path, boolean dflt) {
        Object v = parent == null ? null : parent.get(key);
        if (v == null) {
            return dflt;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(s);
        }
        wrongType(path, "true or false", v);
        return dflt;
    }

    private void wrongType(String path, String expected, Object found) {
        String what = switch (found) {
            case Map<?, ?> m -> "an object";
            case List<?> l -> "a list";
            case String s -> "the text \"" + abbreviate(s) + "\"";
            default -> String.valueOf(found);
        };
        note(path + ": expected " + expected + ", found " + what);
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
