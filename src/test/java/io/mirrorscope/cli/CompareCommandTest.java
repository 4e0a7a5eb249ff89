package io.mirrorscope.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mirrorscope.core.ProblemException;
import io.mirrorscope.testkit.FreePorts;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code mirrorscope compare}'s arguments; the runs themselves are in MirrorCompareSandboxTest. */
class CompareCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = MirrorScopeCommand.commandLine((o, s) -> 0);
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        String[] all = new String[args.length + 1];
        all[0] = "compare";
        System.arraycopy(args, 0, all, 1, args.length);
        return cli.execute(all);
    }

    @Test
    void eitherAMirrorOrBothBootstrapsIsUsage() {
        assertThat(run("--topic", "t")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("Give either --mirror");
        assertThat(run("--topic", "t", "--source-bootstrap", "a:1")).isEqualTo(ExitCodes.USAGE);
        assertThat(run("--topic", "t", "--mirror", "m", "--target-bootstrap", "b:1")).isEqualTo(ExitCodes.USAGE);
        assertThat(run("--topic", "t", "--source-bootstrap", "a:1", "--target-bootstrap", "b:1",
                "--source-partition-header", "p")).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void flagsAreCheckedBeforeAnyConnection() {
        String[] base = {"--topic", "t", "--source-bootstrap", "127.0.0.1:" + FreePorts.pick(), "--target-bootstrap",
            "127.0.0.1:" + FreePorts.pick()};
        assertThat(run(concat(base, "--grace", "soon"))).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("--grace 'soon' is not a duration");
        assertThat(run(concat(base, "--policy", "default"))).isEqualTo(ExitCodes.USAGE);
        assertThat(run(concat(base, "--records", "5", "--duration", "5s"))).isEqualTo(ExitCodes.USAGE);
        assertThat(run(concat(base, "--from", "yesterday-ish"))).isEqualTo(ExitCodes.USAGE);
        assertThat(run(concat(base, "--pairing", "magic"))).isEqualTo(ExitCodes.USAGE);
        // well-formed but nobody listens: a connection problem, exit 3
        assertThat(run(concat(base, "--timeout", "2"))).isEqualTo(ExitCodes.CONNECTION);
    }

    @Test
    void durationsReadAsOperatorsWriteThem() {
        assertThat(CompareCommand.duration("--grace", "500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(CompareCommand.duration("--grace", "30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(CompareCommand.duration("--grace", "5m")).isEqualTo(Duration.ofMinutes(5));
        assertThat(CompareCommand.duration("--grace", "1h")).isEqualTo(Duration.ofHours(1));
        assertThatThrownBy(() -> CompareCommand.duration("--grace", "-1s")).isInstanceOf(ProblemException.class);
    }

    @Test
    void helpNamesBothWaysIn() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("--mirror", "--source-bootstrap", "--target-bootstrap", "--policy",
                "--from-beginning", "--records", "--duration", "--grace", "Exit codes: 0 clean, 1 missing");
    }

    private static String[] concat(String[] a, String... b) {
        String[] all = new String[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
