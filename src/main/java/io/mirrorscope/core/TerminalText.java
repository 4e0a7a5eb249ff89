package io.mirrorscope.core;

/**
 * Makes text from Kafka records and Kubernetes resources safe to print on a terminal. Keys, values, headers and
 * CR fields are written by strangers; printed raw, {@code ESC [2J} clears the operator's screen, an OSC sequence
 * renames the window or plants a hyperlink, CR and backspace overwrite what was printed before, C1 controls act as
 * escapes on some terminals, and bidi overrides make {@code txt.exe} read as {@code exe.txt}. Every such character
 * is shown visibly escaped instead, so nothing invisible reaches the terminal and the operator still sees that it
 * was there.
 *
 * <p>This is the one escaping function of every table the CLI prints; JSON output escapes by its own rules and the
 * GUI's controls show text, not terminal commands.
 */
public final class TerminalText {

    private TerminalText() {
    }

    /**
     * {@code s} with every control, format and separator character escaped: {@code \e} for ESC, {@code \t},
     * {@code \n}, {@code \r}, {@code \xHH} for other C0 controls and DEL, a backslash, {@code u} and four hex
     * digits for C1 controls, bidi and other format characters (U+202E becomes backslash-u-202e), lone surrogates,
     * unassigned code points and line/paragraph separators.
     * Printable text, including non-Latin letters and emoji, is kept; null becomes "".
     */
    public static String escape(String s) {
        if (s == null) {
            return "";
        }
        int i = 0;
        int n = s.length();
        while (i < n) {
            int cp = s.codePointAt(i);
            if (needsEscape(cp)) {
                break;
            }
            i += Character.charCount(cp);
        }
        if (i == n) {
            return s;  // the common case: nothing to escape, no copy
        }
        StringBuilder out = new StringBuilder(n + 16).append(s, 0, i);
        while (i < n) {
            int cp = s.codePointAt(i);
            appendEscaped(out, cp);
            i += Character.charCount(cp);
        }
        return out.toString();
    }

    /**
     * {@link #escape} cut to at most {@code width} characters, ending in "…" when cut; an escape sequence or a
     * surrogate pair is never split.
     */
    public static String fit(String s, int width) {
        String escaped = escape(s);
        if (escaped.length() <= width) {
            return escaped;
        }
        StringBuilder out = new StringBuilder(width);
        int i = 0;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            StringBuilder unit = new StringBuilder(6);
            appendEscaped(unit, cp);
            if (out.length() + unit.length() > width - 1) {
                break;
            }
            out.append(unit);
            i += Character.charCount(cp);
        }
        return out.append('…').toString();
    }

    /** True for the characters {@link #escape} rewrites. */
    static boolean needsEscape(int cp) {
        if (cp < 0x20 || cp == 0x7f) {
            return true;
        }
        if (cp < 0x7f) {
            return false;
        }
        return switch (Character.getType(cp)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.LINE_SEPARATOR,
                 Character.PARAGRAPH_SEPARATOR, Character.UNASSIGNED -> true;
            default -> false;
        };
    }

    private static void appendEscaped(StringBuilder out, int cp) {
        if (!needsEscape(cp)) {
            out.appendCodePoint(cp);
            return;
        }
        switch (cp) {
            case 0x1b -> out.append("\\e");
            case '\t' -> out.append("\\t");
            case '\n' -> out.append("\\n");
            case '\r' -> out.append("\\r");
            default -> {
                if (cp < 0x80) {
                    out.append("\\x").append(hex(cp, 2));
                } else if (cp <= 0xffff) {
                    out.append("\\u").append(hex(cp, 4));
                } else {
                    out.append("\\U").append(hex(cp, 8));
                }
            }
        }
    }

    private static String hex(int value, int digits) {
        String h = Integer.toHexString(value);
        return "0".repeat(Math.max(0, digits - h.length())) + h;
    }
}
