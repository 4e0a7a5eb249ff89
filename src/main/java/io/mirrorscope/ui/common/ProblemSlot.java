package io.mirrorscope.ui.common;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The problem one view shows in its banner, or null. A view model owns one; {@link BackgroundWork} fills it when
 * work started from that view fails and clears it when the same work later succeeds (stale errors do not stay).
 * FX thread only; no scene types, so view models use it and are tested without a toolkit.
 */
public final class ProblemSlot {

    private final ReadOnlyObjectWrapper<ProblemReport> current = new ReadOnlyObjectWrapper<>(this, "current");

    public ReadOnlyObjectProperty<ProblemReport> currentProperty() {
        return current.getReadOnlyProperty();
    }

    public ProblemReport get() {
        return current.get();
    }

    public void show(ProblemReport report) {
        current.set(report);
    }

    /** Clears the problem if it came from {@code where} (that work recovered); others stay. */
    public void recovered(String where) {
        ProblemReport shown = current.get();
        if (shown != null && shown.where().equals(where)) {
            current.set(null);
        }
    }

    /** Dismissed by the user, or the view's state was reset. */
    public void clear() {
        current.set(null);
    }
}
