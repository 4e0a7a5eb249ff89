package io.mirrorscope.core.trace;

import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Trace and span ids as Jaeger and OTLP write them: lower-case hex (16 digits for 64 bits, 32 for 128, sometimes
 * with leading zeros dropped) or base64 of the raw bytes (Tempo, some api_v3 gateways).
 */
public final class TraceIds {

    private TraceIds() {
    }

    /** {@link #parseSpanId(String)} from a parser's buffer: hex ids (nearly all) make no String. */
    public static long parseSpanId(char[] chars, int offset, int length) {
        if (length > 0 && length <= 16) {
            long id = 0;
            int i = 0;
            for (; i < length; i++) {
                int digit = Character.digit(chars[offset + i], 16);
                if (digit < 0) {
                    break;
                }
                id = (id << 4) | digit;
            }
            if (i == length) {
                return id;
            }
        }
        return parseSpanId(new String(chars, offset, length));
    }

    /** A span id as a long; hex of up to 16 digits or base64 of 8 bytes. */
    public static long parseSpanId(String text) {
        // one pass over hex digits (the common case: two ids a span, a million spans)
        int n = text.length();
        if (n > 0 && n <= 16) {
            long id = 0;
            int i = 0;
            for (; i < n; i++) {
                int digit = Character.digit(text.charAt(i), 16);
                if (digit < 0) {
                    break;
                }
                id = (id << 4) | digit;
            }
            if (i == n) {
                return id;
            }
        }
        String s = text.trim();
        if (isHex(s, 16)) {
            return Long.parseUnsignedLong(s, 16);
        }
        byte[] bytes = base64(s);
        if (bytes == null || bytes.length != 8) {
            throw new IllegalArgumentException("not a span id: '" + text + "'");
        }
        long id = 0;
        for (byte b : bytes) {
            id = (id << 8) | (b & 0xff);
        }
        return id;
    }

    /** Sixteen lower-case hex digits. */
    public static String spanIdHex(long id) {
        return HexFormat.of().toHexDigits(id);
    }

    /**
     * A trace id as lower-case hex: hex input is lower-cased and padded to 16 or 32 digits; base64 of 8 or 16
     * bytes becomes hex.
     */
    public static String normalizeTraceId(String text) {
        String s = text.trim();
        if (isHex(s, 32)) {
            String lower = s.toLowerCase(Locale.ROOT);
            int width = lower.length() <= 16 ? 16 : 32;
            return "0".repeat(width - lower.length()) + lower;
        }
        byte[] bytes = base64(s);
        if (bytes == null || (bytes.length != 8 && bytes.length != 16)) {
            throw new IllegalArgumentException("not a trace id: '" + text + "'");
        }
        return HexFormat.of().formatHex(bytes);
    }

    /** True when two trace ids name the same trace (a 64-bit id equals its 128-bit form with zero high bits). */
    public static boolean sameTrace(String a, String b) {
        return stripZeros(a).equalsIgnoreCase(stripZeros(b));
    }

    static boolean isHex(String s, int maxDigits) {
        if (s.isEmpty() || s.length() > maxDigits) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (Character.digit(s.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    private static String stripZeros(String id) {
        int i = 0;
        while (i < id.length() - 1 && id.charAt(i) == '0') {
            i++;
        }
        return id.substring(i);
    }

    private static byte[] base64(String s) {
        try {
            return Base64.getDecoder().decode(s);
        } catch (IllegalArgumentException e) {
            try {
                return Base64.getUrlDecoder().decode(s);
            } catch (IllegalArgumentException notUrl) {
                return null;
            }
        }
    }
}
