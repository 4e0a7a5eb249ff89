package io.mirrorscope.app;

import io.mirrorscope.cli.GlobalOptions;
import io.mirrorscope.cli.MirrorScopeCommand;
import java.util.Arrays;
import picocli.CommandLine;

/**
 * The one entry point: {@code mirrorscope} alone opens the window, {@code mirrorscope <command>} answers on the
 * terminal. Not a JavaFX {@code Application}, so the CLI never loads the toolkit and runs on hosts without a
 * display.
 */
public final class Launcher {

    /** Held strongly: java.util.logging forgets the level of a logger nobody references. */
    private static final java.util.logging.Logger JAVAFX_PLATFORM_LOG =
            java.util.logging.Logger.getLogger("javafx");

    private Launcher() {
    }

    public static void main(String[] args) {
        LogSetup.beforeFirstLogger(Arrays.asList(args).contains("--debug"));
        int exit = run(args);
        // GUI runs return here after the last window closed; CLI runs once the command finished.
        System.exit(exit);
    }

    /** Runs the command line and returns the exit code (tests call this without exiting the JVM). */
    public static int run(String... args) {
        CommandLine cli = MirrorScopeCommand.commandLine(Launcher::startGui);
        return cli.execute(args);
    }

    private static int startGui(GlobalOptions options, boolean smoke) {
        // The class-path layout is deliberate (design.md: fabric8 and ControlsFX are not modules); JavaFX's
        // one-time "unsupported configuration" warning would only confuse users on the terminal.
        JAVAFX_PLATFORM_LOG.setLevel(java.util.logging.Level.SEVERE);
        return MirrorScopeApp.launchAndWait(StartOptions.from(options, smoke));
    }
}
