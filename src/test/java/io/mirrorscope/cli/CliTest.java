package io.mirrorscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** The command line's contract: help, version, usage errors and exit codes. */
class CliTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final AtomicBoolean guiStarted = new AtomicBoolean();

    private int run(String... args) {
        CommandLine cli = MirrorScopeCommand.commandLine((options, smoke) -> {
            guiStarted.set(true);
            return 0;
        });
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void helpListsEveryCommandAndGlobalOption() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString())
                .contains("Usage: mirrorscope")
                .contains("contexts", "inventory", "records", "rbac", "compare", "trace")
                .contains("--kubeconfig", "--context", "--namespace", "--output", "--debug")
                .contains("Exit codes: 0 ok, 1 findings, 2 usage, 3 connection/auth, 4 not found");
        assertThat(err.toString()).isEmpty();
        assertThat(guiStarted).isFalse();
    }

    @Test
    void versionNamesAppAndJava() {
        assertThat(run("--version")).isZero();
        assertThat(out.toString()).containsPattern("MirrorScope \\d+\\.\\d+\\.\\d+")
                .contains("Java " + Runtime.version().feature());
    }

    @Test
    void unknownOptionIsOneLineOnStderrAndExitTwo() {
        assertThat(run("--bogus")).isEqualTo(ExitCodes.USAGE);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString().strip()).doesNotContain("\n")
                .contains("Unknown option: '--bogus'")
                .contains("mirrorscope --help");
    }

    @Test
    void badOutputFormatIsAUsageError() {
        assertThat(run("inventory", "-o", "yaml")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString().strip()).doesNotContain("\n").contains("yaml");
    }

    @ParameterizedTest
    @ValueSource(strings = {"contexts", "inventory", "records", "rbac", "compare", "trace"})
    void everySubcommandHasItsOwnHelp(String command) {
        assertThat(run(command, "--help")).isZero();
        assertThat(out.toString()).contains("Usage: mirrorscope " + command);
    }

    @ParameterizedTest
    @ValueSource(strings = {"compare"})
    void unfinishedCommandsSaySoAndExitTwo(String command) {
        assertThat(run(command)).isEqualTo(ExitCodes.USAGE);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString().strip()).doesNotContain("\n").contains("'" + command + "' is not available yet");
    }

    @Test
    void noArgumentsOpensTheWindow() {
        assertThat(run()).isZero();
        assertThat(guiStarted).isTrue();
    }

    @Test
    void globalOptionsAreAcceptedBeforeAndAfterTheCommand() {
        CommandLine cli = MirrorScopeCommand.commandLine((o, s) -> 0);
        CommandLine.ParseResult before = cli.parseArgs("--context", "c1", "-n", "ns1", "-o", "json", "trace");
        assertThat(before.matchedOptionValue("--context", "")).isEqualTo("c1");
        MirrorScopeCommand top = cli.getCommand();
        assertThat(top.globals().namespace()).isEqualTo("ns1");
        assertThat(top.globals().output()).isEqualTo(OutputFormat.json);

        CommandLine again = MirrorScopeCommand.commandLine((o, s) -> 0);
        again.parseArgs("trace", "--context", "c2", "--debug");
        MirrorScopeCommand top2 = again.getCommand();
        assertThat(top2.globals().context()).isEqualTo("c2");
        assertThat(top2.globals().debug()).isTrue();
    }
}
