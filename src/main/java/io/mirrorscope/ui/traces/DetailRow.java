package io.mirrorscope.ui.traces;

/**
 * One line of the span details grid: a section heading ({@code key} empty, e.g. "Tags") or a key with its value.
 *
 * @param section the section the line belongs to: Span, Tags, Logs, Process, References
 */
public record DetailRow(String section, String key, String value) {

    /** A heading line. */
    static DetailRow heading(String section) {
        return new DetailRow(section, "", "");
    }

    /** True for a section heading. */
    public boolean heading() {
        return key.isEmpty() && value.isEmpty();
    }

    /** The line as copied: "key\tvalue", a heading as its name. */
    public String copyText() {
        return heading() ? section : key + "\t" + value;
    }

    /** Lines as copied: one per line, tab between key and value. */
    static String copyText(java.util.List<DetailRow> rows) {
        return rows.stream().map(DetailRow::copyText).collect(java.util.stream.Collectors.joining("\n"));
    }
}
