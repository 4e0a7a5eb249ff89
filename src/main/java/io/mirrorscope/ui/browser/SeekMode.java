package io.mirrorscope.ui.browser;

/** The seek choices of the browser's tool bar. */
public enum SeekMode {
    BEGINNING("From beginning", false),
    END("From end (live)", false),
    OFFSET("From offset", true),
    TIME("From time", true),
    LAST_N("Last N per partition", true);

    private final String label;
    private final boolean needsValue;

    SeekMode(String label, boolean needsValue) {
        this.label = label;
        this.needsValue = needsValue;
    }

    /** True when the mode needs the value field (an offset, a time, a count). */
    public boolean needsValue() {
        return needsValue;
    }

    @Override
    public String toString() {
        return label;
    }
}
