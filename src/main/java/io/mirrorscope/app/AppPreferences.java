package io.mirrorscope.app;

import java.util.Optional;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the app remembers between runs: window geometry, theme, last context and namespace. Never a credential:
 * only names the user can see in their kubeconfig.
 */
public final class AppPreferences {

    private static final Logger LOG = LoggerFactory.getLogger(AppPreferences.class);

    private static final String X = "window.x";
    private static final String Y = "window.y";
    private static final String WIDTH = "window.width";
    private static final String HEIGHT = "window.height";
    private static final String MAXIMIZED = "window.maximized";
    private static final String THEME = "theme";
    private static final String UTC = "times.utc";
    private static final String CONTEXT = "last.context";
    private static final String NAMESPACE = "last.namespace";

    /** Position and size of the main window. */
    public record WindowGeometry(double x, double y, double width, double height, boolean maximized) {
    }

    private final Preferences node;

    /** Preferences under the given node; the app uses {@link #forUser()}, tests a throw-away node. */
    public AppPreferences(Preferences node) {
        this.node = node;
    }

    /** The current user's preferences of MirrorScope. */
    public static AppPreferences forUser() {
        return new AppPreferences(Preferences.userRoot().node("io/mirrorscope"));
    }

    public Optional<WindowGeometry> windowGeometry() {
        double width = node.getDouble(WIDTH, -1);
        double height = node.getDouble(HEIGHT, -1);
        if (width < 200 || height < 150) {
            return Optional.empty();
        }
        return Optional.of(new WindowGeometry(node.getDouble(X, 0), node.getDouble(Y, 0), width, height,
                node.getBoolean(MAXIMIZED, false)));
    }

    public void setWindowGeometry(WindowGeometry geometry) {
        node.putDouble(X, geometry.x());
        node.putDouble(Y, geometry.y());
        node.putDouble(WIDTH, geometry.width());
        node.putDouble(HEIGHT, geometry.height());
        node.putBoolean(MAXIMIZED, geometry.maximized());
    }

    /** The theme name chosen in the menu ("SYSTEM", "LIGHT", "DARK"), empty when never chosen. */
    public Optional<String> theme() {
        return Optional.ofNullable(node.get(THEME, null));
    }

    public void setTheme(String theme) {
        node.put(THEME, theme);
    }

    /** True when times are shown in UTC (View ▸ Times in UTC), false for local time. */
    public boolean timesInUtc() {
        return node.getBoolean(UTC, false);
    }

    public void setTimesInUtc(boolean utc) {
        node.putBoolean(UTC, utc);
    }

    public Optional<String> lastContext() {
        return Optional.ofNullable(node.get(CONTEXT, null));
    }

    public Optional<String> lastNamespace() {
        return Optional.ofNullable(node.get(NAMESPACE, null));
    }

    /** Remembers the context and namespace last connected to; a null namespace forgets it. */
    public void setLastConnection(String context, String namespace) {
        node.put(CONTEXT, context);
        if (namespace == null) {
            node.remove(NAMESPACE);
        } else {
            node.put(NAMESPACE, namespace);
        }
    }

    /** Writes to the backing store; failures are logged, not fatal (a read-only home must not stop the app). */
    public void flush() {
        try {
            node.flush();
        } catch (BackingStoreException e) {
            LOG.warn("Could not save preferences: {}", e.getMessage());
        }
    }
}
