package io.mirrorscope.sandbox;

import io.mirrorscope.app.Launcher;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts the sandbox, then MirrorScope connected to it ({@code --kubeconfig <sandbox> --context sandbox
 * -n amq-streams}); stops the sandbox when the app exits. The README's "run" command.
 *
 * <p>Arguments: {@code [--strimzi-api v1beta1|v1beta2|v1] [--faults SPEC] [--interval 100ms] [-- <app arguments>]}.
 * The app finds the fault switches at the URL in the system property {@value SandboxControlServer#PROPERTY}.
 */
public final class SandboxApp {

    private SandboxApp() {
    }

    public static void main(String[] args) {
        SandboxLogging.quietServers();
        List<String> sandboxArgs = new ArrayList<>();
        List<String> appArgs = new ArrayList<>();
        boolean forApp = false;
        for (String arg : args) {
            if (!forApp && arg.equals("--")) {
                forApp = true;
            } else {
                (forApp ? appArgs : sandboxArgs).add(arg);
            }
        }
        SandboxOptions options;
        try {
            options = SandboxOptionsParser.parse(sandboxArgs)
                    .withProgress(line -> System.out.println("sandbox: " + line));
        } catch (IllegalArgumentException e) {
            System.err.println("sandbox: " + e.getMessage());
            System.exit(2);
            return;
        }
        int exit;
        try (Sandbox sandbox = Sandbox.start(options)) {
            // Ctrl+C / SIGTERM while the app runs: stop the sandbox too (close() runs once)
            Runtime.getRuntime().addShutdownHook(new Thread(sandbox::close, "sandbox-shutdown"));
            System.out.println(SandboxMain.READY + " kubeconfig=" + sandbox.kubeconfig() + " jaeger="
                    + sandbox.jaegerUrl());
            System.setProperty(SandboxControlServer.PROPERTY, sandbox.controlUrl());
            List<String> launch = new ArrayList<>(List.of("--kubeconfig", sandbox.kubeconfig().toString(),
                    "--context", SandboxKubeApi.CONTEXT, "-n", Sandbox.NAMESPACE));
            launch.addAll(appArgs);
            exit = Launcher.run(launch.toArray(String[]::new));
        } catch (RuntimeException e) {
            System.err.println("sandbox: " + e.getMessage());
            exit = 1;
        }
        System.exit(exit);
    }
}
