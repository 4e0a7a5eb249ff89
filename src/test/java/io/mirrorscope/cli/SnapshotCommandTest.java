package io.mirrorscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.mirrorscope.core.inventory.Inventory;
import io.mirrorscope.core.inventory.InventoryReport;
import io.mirrorscope.core.inventory.ResourceKind;
import io.mirrorscope.core.snapshot.Snapshot;
import io.mirrorscope.kube.inventory.InventoryFixtures;
import io.mirrorscope.kube.inventory.InventoryReader;
import io.mirrorscope.kube.inventory.StrimziMockServer;
import io.mirrorscope.snapshot.SnapshotReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code mirrorscope snapshot} and {@code mirrorscope open} end to end on a mock API server: the file holds the
 * inventory as read, {@code open} prints it with the inventory command's table and writes the report without the
 * cluster, a damaged file is one line and exit 2, and {@code -o} names the file here while it stays the output
 * format everywhere else.
 */
class SnapshotCommandTest {

    static StrimziMockServer server;
    @TempDir
    static Path dir;
    static Path kubeconfig;

    @BeforeAll
    static void setUp() throws IOException {
        server = new StrimziMockServer().strimziV1beta1();
        server.serve(ResourceKind.JAEGER, "v1");
        for (GenericKubernetesResource r : InventoryFixtures.seed()) {
            if (r.getKind().equals("Kafka")) {
                InventoryFixtures.set(r, List.of(Map.of("type", "Ready", "status", "True")), "status", "conditions");
            }
            server.create("amq-streams", r);
        }
        kubeconfig = dir.resolve("config");
        Files.writeString(kubeconfig, """
                apiVersion: v1
                kind: Config
                clusters:
                - name: mock
                  cluster: {server: "%s"}
                users:
                - name: dev
                  user: {token: not-a-real-token}
                contexts:
                - name: seed
                  context: {cluster: mock, user: dev, namespace: amq-streams}
                current-context: seed
                """.formatted(server.client().getMasterUrl().toString()));
    }

    @AfterAll
    static void tearDown() {
        server.close();
    }

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = MirrorScopeCommand.commandLine((o, s) -> 0);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void snapshotThenOpenWithoutTheCluster() throws IOException {
        Path file = dir.resolve("inv.msnap");
        assertThat(run("snapshot", "--kubeconfig", kubeconfig.toString(), "-o", file.toString()))
                .as(err.toString()).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).startsWith("Wrote " + file + " (").contains("2 Kafka clusters, 1 mirrors");
        Inventory live = new InventoryReader(server.client()).read("seed", List.of("amq-streams"));
        Snapshot s = SnapshotReader.read(file);
        assertThat(s.header().context()).isEqualTo("seed");
        assertThat(s.header().namespace()).isEqualTo("amq-streams");
        assertThat(InventoryReport.tree(s.inventory())).isEqualTo(InventoryReport.tree(live));
        assertThat(s.window()).isNull();

        out.getBuffer().setLength(0);
        Path html = dir.resolve("inv.html");
        assertThat(run("open", file.toString(), "--html", html.toString())).as(err.toString())
                .isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).startsWith("snapshot of seed at " + s.header().takenAt())
                .contains(InventoryReport.table(live)).contains("Wrote " + html);
        assertThat(Files.readString(html)).contains("data-cluster=\"europe-cluster\"");
    }

    @Test
    void aDamagedFileIsOneLineAndExit2() throws IOException {
        Path file = dir.resolve("good.msnap");
        assertThat(run("snapshot", "--kubeconfig", kubeconfig.toString(), "-o", file.toString())).isZero();
        byte[] all = Files.readAllBytes(file);
        Path cut = dir.resolve("cut.msnap");
        Files.write(cut, Arrays.copyOf(all, all.length / 2));
        err.getBuffer().setLength(0);
        assertThat(run("open", cut.toString())).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).startsWith("mirrorscope: Cannot open the snapshot " + cut
                + ": it is not a complete snapshot file").doesNotContain("Exception").hasLineCount(1);
    }

    @Test
    void usageMistakesExit2() {
        assertThat(run("snapshot", "--kubeconfig", kubeconfig.toString())).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("Missing required option: '-o=FILE'");
        assertThat(run("snapshot", "--kubeconfig", kubeconfig.toString(), "-o", "x.msnap", "--mirror", "m"))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("--mirror and --topic go together");
        // -o is still the output format of the other commands
        out.getBuffer().setLength(0);
        assertThat(run("inventory", "--kubeconfig", kubeconfig.toString(), "-o", "json")).isZero();
        assertThat(out.toString()).startsWith("{");
    }
}
