package io.mirrorscope.app;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Points Logback at the user's data directory before the first logger exists. The log never holds a
 * credential; on the terminal only warnings show, everything with {@code --debug}.
 */
final class LogSetup {

    static final String LOG_DIR_PROPERTY = "mirrorscope.log.dir";
    static final String CONSOLE_LEVEL_PROPERTY = "mirrorscope.console.level";

    private LogSetup() {
    }

    static void beforeFirstLogger(boolean debug) {
        if (System.getProperty(LOG_DIR_PROPERTY) == null) {
            System.setProperty(LOG_DIR_PROPERTY, dataDirectory().resolve("logs").toString());
        }
        System.setProperty(CONSOLE_LEVEL_PROPERTY, debug ? "DEBUG" : "OFF");
    }

    /** Configures the logging backend now (it would otherwise happen on the first logger, on the FX thread). */
    static void initialize() {
        org.slf4j.LoggerFactory.getILoggerFactory();
    }

    /** Where the app keeps its log: the platform's per-user data directory. */
    static Path dataDirectory() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        Path home = Path.of(System.getProperty("user.home"));
        if (os.contains("win")) {
            String local = System.getenv("LOCALAPPDATA");
            return (local != null ? Path.of(local) : home.resolve("AppData/Local")).resolve("MirrorScope");
        }
        if (os.contains("mac")) {
            return home.resolve("Library/Application Support/MirrorScope");
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".local/share")).resolve("mirrorscope");
    }
}
