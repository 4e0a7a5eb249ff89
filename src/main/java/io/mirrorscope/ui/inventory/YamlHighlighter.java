package io.mirrorscope.ui.inventory;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits YAML text into styled runs for the read-only details pane: keys, values, comments and punctuation.
 * Line-based and forgiving (it only colours; the text is always shown verbatim).
 */
public final class YamlHighlighter {

    /** How a run is styled. */
    public enum Style { KEY, VALUE, COMMENT, PLAIN }

    /** A piece of text with its style; concatenating all runs gives the input back. */
    public record Run(String text, Style style) {
    }

    private YamlHighlighter() {
    }

    public static List<Run> runs(String yaml) {
        List<Run> out = new ArrayList<>();
        for (String line : yaml.split("\n", -1)) {
            line(line, out);
            out.add(new Run("\n", Style.PLAIN));
        }
        if (!out.isEmpty()) {
            out.removeLast();
        }
        return out;
    }

    private static void line(String line, List<Run> out) {
        String trimmed = line.stripLeading();
        int indent = line.length() - trimmed.length();
        if (trimmed.startsWith("#")) {
            out.add(new Run(line, Style.COMMENT));
            return;
        }
        int start = indent;
        if (trimmed.startsWith("- ")) {
            start += 2;
        }
        int colon = keyEnd(line, start);
        if (colon < 0) {
            out.add(new Run(line.substring(0, start), Style.PLAIN));
            out.add(new Run(line.substring(start), Style.VALUE));
            return;
        }
        out.add(new Run(line.substring(0, start), Style.PLAIN));
        out.add(new Run(line.substring(start, colon), Style.KEY));
        out.add(new Run(":", Style.PLAIN));
        out.add(new Run(line.substring(colon + 1), Style.VALUE));
    }

    /** Index of the colon ending a plain or quoted key at {@code from}, or -1. */
    private static int keyEnd(String line, int from) {
        if (from >= line.length()) {
            return -1;
        }
        char first = line.charAt(from);
        if (first == '"' || first == '\'') {
            int close = line.indexOf(first, from + 1);
            return close > 0 && close + 1 < line.length() && line.charAt(close + 1) == ':' ? close + 1 : -1;
        }
        for (int i = from; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == ':' && (i + 1 == line.length() || line.charAt(i + 1) == ' ')) {
                return i;
            }
            if (c == ' ' || c == '"' || c == '{' || c == '[') {
                return -1;
            }
        }
        return -1;
    }
}
