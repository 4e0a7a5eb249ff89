package io.mirrorscope.ui.common;

import javafx.css.PseudoClass;

/** Style class names and pseudo classes used from code, in one place (the stylesheet is css/mirrorscope.css). */
public final class Styles {

    public static final String STYLESHEET = "/css/mirrorscope.css";

    public static final PseudoClass DARK = PseudoClass.getPseudoClass("dark");

    public static final String STATUS_BAR = "status-bar";
    public static final String BADGE = "badge";
    public static final String BADGE_READ_ONLY = "badge-read-only";
    public static final String BADGE_WARNING = "badge-warning";
    public static final String STATE_DOT = "state-dot";
    public static final String EMPTY_STATE = "empty-state";
    public static final String MUTED = "muted";
    public static final String TITLE = "title";
    public static final String SUMMARY_HEADER = "summary-header";
    public static final String NUMERIC = "numeric";
    /** Cells of the side-by-side table's target columns: coloured by the row's pair state. */
    public static final String TARGET_SIDE = "target-side";
    public static final String DIFF_CHANGED = "diff-changed";
    public static final String QUIET_NOTICE = "quiet-notice";

    /** Pseudo classes for the connection dot: one per state, set from the view model. */
    public static PseudoClass state(String name) {
        return PseudoClass.getPseudoClass("state-" + name);
    }

    /** Pseudo class of a side-by-side row, from its pair status's style class ("pair-missing", ...). */
    public static PseudoClass pair(String styleClass) {
        return PseudoClass.getPseudoClass(styleClass);
    }

    private Styles() {
    }
}
