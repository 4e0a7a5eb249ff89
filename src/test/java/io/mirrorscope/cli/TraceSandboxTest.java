package io.mirrorscope.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mirrorscope.sandbox.Sandbox;
import io.mirrorscope.sandbox.SandboxOptions;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code mirrorscope trace} on the sandbox, found through its kubeconfig like an operator would: the Jaeger CR in
 * the inventory, its query Service (the proxy path) or its Route; one trace per record holds producer, mirror and
 * consumer spans.
 */
@Tag("sandbox")
class TraceSandboxTest {

    private static Sandbox sandbox;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.start(SandboxOptions.defaults());
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static String[] run(int expectedExit, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = MirrorScopeCommand.commandLine((o, s) -> 0);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        assertThat(exit).as(err.toString()).isEqualTo(expectedExit);
        return new String[] {out.toString(), err.toString()};
    }

    @Test
    void searchThenOpenATraceThroughTheKubeconfig() throws Exception {
        String kubeconfig = sandbox.kubeconfig().toString();
        JsonNode found = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).until(() ->
                new ObjectMapper().readTree(run(0, "--kubeconfig", kubeconfig, "trace", "--service",
                        "hello-world-consumer", "--lookback", "1h", "--limit", "5", "-o", "json")[0]).get("traces"),
                traces -> traces.size() > 0 && traces.get(0).get("services").size() == 3);
        String traceId = found.get(0).get("traceId").asText();
        JsonNode trace = new ObjectMapper().readTree(run(0, "--kubeconfig", kubeconfig, "trace", traceId, "-o",
                "json")[0]);
        assertThat(trace.get("services").toString()).contains("hello-world-producer", "my-mirror-maker2",
                "hello-world-consumer");
        assertThat(trace.get("orphans").asInt()).isZero();
        assertThat(trace.get("maxDepth").asInt()).isGreaterThanOrEqualTo(3);
        String table = run(0, "--kubeconfig", kubeconfig, "trace", traceId, "--ascii")[0];
        assertThat(table).startsWith("Trace " + traceId).contains("hello-world-producer: ");
        run(ExitCodes.NOT_FOUND, "--kubeconfig", kubeconfig, "trace", "0af7651916cd43dd8448eb211c80319c");
    }
}
