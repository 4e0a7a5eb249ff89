package io.mirrorscope.ui.sidebyside;

/**
 * What a row of the side-by-side table shows on its target side, and so its colour: a duplicate is a matched record
 * with more than one copy, shown amber although the matcher calls it matched.
 */
public enum PairStatus {
    MATCHED("Matched", "pair-matched", false),
    DUPLICATE("Duplicate", "pair-duplicate", true),
    MISSING("Missing", "pair-missing", true),
    PENDING("Pending", "pair-pending", false),
    EXPIRED("Expired", "pair-expired", false),
    COMPACTED("Compacted", "pair-compacted", false);

    private final String label;
    private final String styleClass;
    private final boolean problem;

    PairStatus(String label, String styleClass, boolean problem) {
        this.label = label;
        this.styleClass = styleClass;
        this.problem = problem;
    }

    public String label() {
        return label;
    }

    /** The row's style class in css/mirrorscope.css (colours from looked-up variables). */
    public String styleClass() {
        return styleClass;
    }

    /** Shown by "only problems". */
    public boolean problem() {
        return problem;
    }
}
