package io.mirrorscope.sandbox;

import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Runs the sandbox alone until Ctrl+C or SIGTERM ({@code scripts/sandbox}). Prints progress, then exactly one line
 * {@code SANDBOX READY kubeconfig=<path> jaeger=<url> control=<url>} for scripts to wait on (the control URL
 * serves the fault switches; {@code scripts/sandbox --app} hands it to the app).
 */
@Command(name = "sandbox", mixinStandardHelpOptions = true,
        description = "The seed's Kafka/MirrorMaker 2/Jaeger/Strimzi world on this machine, for MirrorScope.")
public final class SandboxMain implements Callable<Integer> {

    /** The line scripts wait for; followed by {@code kubeconfig=<path> jaeger=<url>}. */
    public static final String READY = "SANDBOX READY";

    @Option(names = "--strimzi-api", defaultValue = "v1beta2", paramLabel = "v1beta1|v1beta2|v1",
            description = "Strimzi API version the Kubernetes API serves (default: ${DEFAULT-VALUE}).")
    String strimziApi;

    @Option(names = "--faults", defaultValue = "", paramLabel = "SPEC",
            description = "Faults to switch on once running: pause, drop-every=K, slow=500ms|2s, "
                    + "replay=PARTITION:FROM-TO, target-broker-down (comma-separated).")
    String faults;

    @Option(names = "--interval", defaultValue = "100ms", paramLabel = "DURATION",
            description = "Pause between two hello-world records, e.g. 100ms or 1s (default: ${DEFAULT-VALUE}).")
    String interval;

    @Option(names = "--mirror-tracing", defaultValue = "headers", paramLabel = "headers|current-context",
            description = "Mirror spans parented on the record's headers (one trace per record, as the seed) or on "
                    + "the thread's context (stock OpenTelemetry interceptors: new traces) "
                    + "(default: ${DEFAULT-VALUE}).")
    String mirrorTracing;

    @Option(names = "--trace-header", paramLabel = "traceparent|uber-trace-id",
            description = "Trace header the traced clients write (default: uber-trace-id for v1beta1, as the seed's "
                    + "Jaeger clients; traceparent otherwise).")
    String traceHeader;

    @Option(names = "--jaeger-api", defaultValue = "both", paramLabel = "both|v3-only",
            description = "Serve the Jaeger v1 search endpoints and api_v3 (both), or api_v3 only, like Jaeger after "
                    + "#9260 (default: ${DEFAULT-VALUE}).")
    String jaegerApi;

    private final PrintStream out;
    private final CountDownLatch stop = new CountDownLatch(1);

    SandboxMain(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) {
        SandboxLogging.quietServers();
        int exit = new CommandLine(new SandboxMain(System.out)).execute(args);
        System.exit(exit);
    }

    @Override
    public Integer call() throws InterruptedException {
        SandboxOptions options;
        try {
            options = SandboxOptions.defaults()
                    .withStrimziApi(SandboxOptions.StrimziApi.parse(strimziApi))
                    .withProduceInterval(SandboxFaults.parseDuration(interval))
                    .withFaults(faults)
                    .withMirrorTracing(SandboxOptions.MirrorTracing.parse(mirrorTracing))
                    .withJaegerV1Search(SandboxOptionsParser.parseJaegerApi(jaegerApi))
                    .withTraceHeader(traceHeader == null ? null : SandboxOptions.TraceHeader.parse(traceHeader))
                    .withProgress(line -> out.println("sandbox: " + line));
        } catch (IllegalArgumentException e) {
            System.err.println("sandbox: " + e.getMessage());
            return 2;
        }
        Sandbox sandbox;
        try {
            sandbox = Sandbox.start(options);
        } catch (RuntimeException e) {
            System.err.println("sandbox: " + e.getMessage());
            return 1;
        }
        Thread hook = new Thread(() -> {
            out.println("sandbox: stopping");
            sandbox.close();
            out.println("sandbox: stopped");
            stop.countDown();
        }, "sandbox-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        out.println(READY + " kubeconfig=" + sandbox.kubeconfig() + " jaeger=" + sandbox.jaegerUrl()
                + " control=" + sandbox.controlUrl());
        out.flush();
        stop.await();
        return 0;
    }
}
