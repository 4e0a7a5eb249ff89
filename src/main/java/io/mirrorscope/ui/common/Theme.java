package io.mirrorscope.ui.common;

import java.util.Locale;
import java.util.Optional;

/** The colour theme the user picked; {@link #SYSTEM} follows the operating system where JavaFX can tell. */
public enum Theme {
    SYSTEM("Follow system"),
    LIGHT("Light"),
    DARK("Dark");

    private final String label;

    Theme(String label) {
        this.label = label;
    }

    /** The menu label. */
    public String label() {
        return label;
    }

    /** Whether this theme is dark, given whether the OS prefers dark. */
    public boolean isDark(boolean systemPrefersDark) {
        return switch (this) {
            case SYSTEM -> systemPrefersDark;
            case LIGHT -> false;
            case DARK -> true;
        };
    }

    /** Parses a stored name; unknown or missing names give empty (the caller falls back to SYSTEM). */
    public static Optional<Theme> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(name.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
