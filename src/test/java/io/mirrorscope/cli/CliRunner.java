package io.mirrorscope.cli;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.mirrorscope.core.inventory.ResourceKind;
import io.mirrorscope.kube.inventory.InventoryFixtures;
import io.mirrorscope.kube.inventory.StrimziMockServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import picocli.CommandLine;

/**
 * The CLI run in process as the command tests run it (no exit, output captured), and the mock API server they run it
 * against: the seed's resources in {@code amq-streams}, Strimzi v1beta1 and a Jaeger.
 */
final class CliRunner {

    /** The seed's Kafka clusters marked Ready, as an operator that reconciled them would. */
    static final Consumer<GenericKubernetesResource> READY_KAFKAS = r -> {
        if (r.getKind().equals("Kafka")) {
            InventoryFixtures.set(r, List.of(Map.of("type", "Ready", "status", "True")), "status", "conditions");
        }
    };

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    /** A mock server holding the seed's resources in {@code amq-streams}, each passed to {@code adjust} first. */
    static StrimziMockServer seedServer(Consumer<GenericKubernetesResource> adjust) {
        StrimziMockServer server = new StrimziMockServer().strimziV1beta1();
        server.serve(ResourceKind.JAEGER, "v1");
        for (GenericKubernetesResource r : InventoryFixtures.seed()) {
            adjust.accept(r);
            server.create("amq-streams", r);
        }
        return server;
    }

    /** Runs {@code mirrorscope args...}; its output adds to {@link #out()} and {@link #err()}. */
    int run(String... args) {
        CommandLine cli = MirrorScopeCommand.commandLine((o, s) -> 0);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    String out() {
        return out.toString();
    }

    String err() {
        return err.toString();
    }

    /** Forgets the output so far, for the next command's. */
    void clear() {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
    }
}
