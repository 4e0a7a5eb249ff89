package io.mirrorscope.cli;

import io.mirrorscope.core.ProblemException;
import io.mirrorscope.core.Redactor;
import io.mirrorscope.core.TerminalText;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The top-level command. Without a subcommand it opens the desktop window (through the injected
 * {@link GuiStarter}, so this package never touches JavaFX); with one it answers on the terminal.
 */
@Command(name = "mirrorscope",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "See cross-region Kafka replication on Strimzi, read-only.",
            "Without a command, opens the desktop window."},
        footer = {"",
            "Exit codes: 0 ok, 1 findings, 2 usage, 3 connection/auth, 4 not found.",
            "MirrorScope never writes: no changes to Kubernetes, no producing, no consumer groups, no commits."})
public final class MirrorScopeCommand implements Callable<Integer> {

    /** Opens the desktop window; returns the process exit code once the window closes. */
    @FunctionalInterface
    public interface GuiStarter {
        int start(GlobalOptions options, boolean smoke);
    }

    @Mixin
    GlobalOptions globals = new GlobalOptions();

    @Option(names = "--smoke", hidden = true,
            description = "Open the main window, wait until it shows, and exit 0 (installer smoke test).")
    boolean smoke;

    private final GuiStarter guiStarter;

    public MirrorScopeCommand(GuiStarter guiStarter) {
        this.guiStarter = guiStarter;
    }

    public GlobalOptions globals() {
        return globals;
    }

    @Override
    public Integer call() {
        return guiStarter.start(globals, smoke);
    }

    /** Builds the command line with every subcommand and the error handling of design.md. */
    public static CommandLine commandLine(GuiStarter guiStarter) {
        CommandLine cli = new CommandLine(new MirrorScopeCommand(guiStarter));
        cli.addSubcommand(new ContextsCommand());
        cli.addSubcommand(new InventoryCommand());
        cli.addSubcommand(new CompareCommand());
        cli.addSubcommand(new TraceCommand());
        cli.addSubcommand(new RbacCommand());
        cli.addSubcommand(new RecordsCommand());
        cli.addSubcommand(new HealthCommand());
        cli.addSubcommand(new SnapshotCommand());
        cli.addSubcommand(new OpenCommand());
        SnapshotCommand.install(cli);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setParameterExceptionHandler(MirrorScopeCommand::onBadArguments);
        cli.setExecutionExceptionHandler(MirrorScopeCommand::onFailure);
        return cli;
    }

    /** Usage errors: one line on stderr, exit 2, no usage dump. */
    private static int onBadArguments(CommandLine.ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println(Redactor.scrub(cmd.getCommandName() + ": " + ex.getMessage()
                + " (see '" + cmd.getCommandSpec().qualifiedName() + " --help')"));
        err.flush();
        return ExitCodes.USAGE;
    }

    /**
     * Failures: the problem's one line on stderr and its exit code; its debug-only detail and a stack trace only
     * with --debug. Everything printed passes the {@link Redactor}: exception texts can quote a credential.
     */
    private static int onFailure(Exception ex, CommandLine cmd, CommandLine.ParseResult parseResult) {
        PrintWriter err = cmd.getErr();
        boolean debug = parseResult.hasMatchedOption("--debug")
                || parseResult.subcommands().stream().anyMatch(p -> p.hasMatchedOption("--debug"));
        if (ex instanceof ProblemException pe) {
            // scrubbed again: a secret read after the problem was made (e.g. a later token) is masked too;
            // messages quote CR fields and flag values: escaped like every table cell
            err.println(TerminalText.escape(Redactor.scrub("mirrorscope: " + pe.problem().oneLine())));
            if (debug && !pe.problem().debugDetail().isBlank()) {
                Redactor.scrub(pe.problem().debugDetail().strip()).lines()
                        .forEach(line -> err.println(TerminalText.escape(line)));
            }
            if (debug && pe.getCause() != null) {
                err.print(stackTrace(pe.getCause()));
            }
            err.flush();
            return pe.problem().kind().exitCode();
        }
        err.println(Redactor.scrub("mirrorscope: unexpected error: " + ex)
                + (debug ? "" : " (run again with --debug for details)"));
        if (debug) {
            err.print(stackTrace(ex));
        }
        err.flush();
        return ExitCodes.FINDINGS;
    }

    private static String stackTrace(Throwable t) {
        StringWriter trace = new StringWriter();
        t.printStackTrace(new PrintWriter(trace));
        return Redactor.scrub(trace.toString());
    }
}
