package io.mirrorscope.core.health;

import java.util.Locale;

/** What the data says about a mirror link: green, amber or red. */
public enum Verdict {
    /** Both clusters answer, the target keeps up, heartbeats are fresh. */
    OK,
    /** Records flow but something is wrong: the gap grows, the target is slower, heartbeats are stale. */
    DEGRADED,
    /** A cluster does not answer: nothing can be said about the data, and nothing is mirrored. */
    FAILING;

    /** The worse of two verdicts. */
    public Verdict worst(Verdict other) {
        return other.ordinal() > ordinal() ? other : this;
    }

    /** {@code ok}, {@code degraded} or {@code failing}, as printed and in JSON. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
