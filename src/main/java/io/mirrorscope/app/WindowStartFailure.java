package io.mirrorscope.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Says why the window could not start on Linux in words an operator can act on: no display at all, or a display
 * but no GTK 3 (JavaFX's windows need it; a server image often lacks it). JavaFX itself only reports "no suitable
 * pipeline" or an {@code UnsatisfiedLinkError} for both.
 */
final class WindowStartFailure {

    /** Where Debian, Ubuntu, Fedora and RHEL put the shared library. */
    static final List<Path> LIBRARY_DIRS = List.of(Path.of("/usr/lib/x86_64-linux-gnu"),
            Path.of("/usr/lib/aarch64-linux-gnu"), Path.of("/usr/lib64"), Path.of("/usr/lib"), Path.of("/lib64"));

    private WindowStartFailure() {
    }

    /** The hint printed after JavaFX's own message, for this process's environment. */
    static String hint() {
        return hint(System.getProperty("os.name", ""), System.getenv(), LIBRARY_DIRS);
    }

    static String hint(String osName, Map<String, String> env, List<Path> libraryDirs) {
        String commands = "the commands work without a window: mirrorscope --help";
        if (!osName.toLowerCase(java.util.Locale.ROOT).contains("linux")) {
            return commands;
        }
        if (blank(env.get("DISPLAY")) && blank(env.get("WAYLAND_DISPLAY"))) {
            return "there is no display (DISPLAY and WAYLAND_DISPLAY are unset); on a headless host run it under Xvfb "
                    + "(xvfb-run mirrorscope), or use the commands: mirrorscope --help";
        }
        boolean gtk = libraryDirs.stream().anyMatch(d -> Files.exists(d.resolve("libgtk-3.so.0")));
        if (!gtk) {
            return "GTK 3 is not installed (libgtk-3.so.0 not found); install it (Debian/Ubuntu: apt-get install "
                    + "libgtk-3-0; Fedora/RHEL: dnf install gtk3), or " + commands;
        }
        return commands;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
