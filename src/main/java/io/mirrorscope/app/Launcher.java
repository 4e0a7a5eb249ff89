package io.mirrorscope.app;

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
        if (isPlainWindowStart(args)) {
            // Logging's configuration takes a few hundred milliseconds: do it beside the toolkit's start-up.
            Thread.ofPlatform().name("log-init").daemon().start(LogSetup::initialize);
        }
        int exit = run(args);
        // GUI runs return here after the last window closed; CLI runs once the command finished.
        System.exit(exit);
    }

    /** Runs the command line and returns the exit code (tests call this without exiting the JVM). */
    public static int run(String... args) {
        if (isPlainWindowStart(args)) {
            // Nothing to parse: the window opens without building the command line (a visible part of start-up).
            return startGui(new StartOptions(null, null, null, args.length == 1));
        }
        CommandLine cli = MirrorScopeCommand.commandLine((options, smoke) ->
                startGui(StartOptions.from(options, smoke)));
        return cli.execute(args);
    }

    /** No arguments (or only the installer's {@code --smoke}): the plain desktop start. */
    private static boolean isPlainWindowStart(String... args) {
        return args.length == 0 || args.length == 1 && args[0].equals("--smoke");
    }

    private static int startGui(StartOptions options) {
        // The class-path layout is deliberate (design.md: fabric8 publishes no module descriptors); JavaFX's
        // one-time "unsupported configuration" warning would only confuse users on the terminal.
        JAVAFX_PLATFORM_LOG.setLevel(java.util.logging.Level.SEVERE);
        return MirrorScopeApp.launchAndWait(options);
    }
}
