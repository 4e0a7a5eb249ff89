package io.mirrorscope.tracing;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.mirrorscope.core.trace.Trace;
import java.io.IOException;

/** Small helpers shared by the two streaming readers. */
final class JsonValues {

    private JsonValues() {
    }

    /** The current scalar as text (numbers as written, so 53-bit-plus integers keep their digits). */
    static String text(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            return "";
        }
        if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
            // a structured value where a scalar belongs: keep it as compact JSON text
            return p.readValueAsTree().toString();
        }
        return p.getText();
    }

    /** The type Jaeger would give a scalar token when the tag has no {@code type}. */
    static byte typeOf(JsonToken t) {
        return switch (t) {
            case VALUE_TRUE, VALUE_FALSE -> Trace.BOOL;
            case VALUE_NUMBER_INT -> Trace.INT64;
            case VALUE_NUMBER_FLOAT -> Trace.FLOAT64;
            default -> Trace.STRING;
        };
    }

    /** Jaeger's tag type names. */
    static byte typeOf(String name) {
        return switch (name == null ? "" : name.toLowerCase(java.util.Locale.ROOT)) {
            case "bool" -> Trace.BOOL;
            case "int64" -> Trace.INT64;
            case "float64" -> Trace.FLOAT64;
            case "binary" -> Trace.BINARY;
            default -> Trace.STRING;
        };
    }

    /** {@link #typeOf(String)} from a parser's buffer, without a String. */
    static byte typeOf(char[] chars, int offset, int length) {
        if (sameIgnoreCase("int64", chars, offset, length)) {
            return Trace.INT64;
        }
        if (sameIgnoreCase("bool", chars, offset, length)) {
            return Trace.BOOL;
        }
        if (sameIgnoreCase("float64", chars, offset, length)) {
            return Trace.FLOAT64;
        }
        if (sameIgnoreCase("binary", chars, offset, length)) {
            return Trace.BINARY;
        }
        return Trace.STRING;
    }


    /** Whether the buffer's chars are {@code text}, ignoring ASCII case. */
    static boolean sameIgnoreCase(String text, char[] chars, int offset, int length) {
        if (text.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char a = text.charAt(i);
            char c = chars[offset + i];
            if (a != c && Character.toLowerCase(a) != Character.toLowerCase(c)) {
                return false;
            }
        }
        return true;
    }

    /** A long from a number or a decimal string (api_v3 writes 64-bit integers as strings). */
    static long longValue(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NUMBER_INT) {
            return p.getLongValue();
        }
        if (t == JsonToken.VALUE_NUMBER_FLOAT) {
            return (long) p.getDoubleValue();
        }
        String text = p.getText().trim();
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new com.fasterxml.jackson.core.JsonParseException(p, "expected an integer, got '" + text + "'");
        }
    }
}
