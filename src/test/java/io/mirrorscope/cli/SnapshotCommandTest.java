package io.mirrorscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.mirrorscope.core.inventory.Inventory;
import io.mirrorscope.core.inventory.InventoryReport;
import io.mirrorscope.core.snapshot.Snapshot;
import io.mirrorscope.kube.inventory.InventoryReader;
import io.mirrorscope.kube.inventory.StrimziMockServer;
import io.mirrorscope.snapshot.SnapshotReader;
import io.mirrorscope.testsupport.MockKubeconfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
        server = CliRunner.seedServer(CliRunner.READY_KAFKAS);
        kubeconfig = MockKubeconfig.write(dir.resolve("config"), server.client().getMasterUrl());
    }

    @AfterAll
    static void tearDown() {
        server.close();
    }

    private final CliRunner cli = new CliRunner();

    @Test
    void snapshotThenOpenWithoutTheCluster() throws IOException {
        Path file = dir.resolve("inv.msnap");
        assertThat(cli.run("snapshot", "--kubeconfig", kubeconfig.toString(), "-o", file.toString()))
                .as(cli.err()).isEqualTo(ExitCodes.OK);
        assertThat(cli.out()).startsWith("Wrote " + file + " (").contains("2 Kafka clusters, 1 mirrors");
        Inventory live = new InventoryReader(server.client()).read("seed", List.of("amq-streams"));
        Snapshot s = SnapshotReader.read(file);
        assertThat(s.header().context()).isEqualTo("seed");
        assertThat(s.header().namespace()).isEqualTo("amq-streams");
        assertThat(InventoryReport.tree(s.inventory())).isEqualTo(InventoryReport.tree(live));
        assertThat(s.window()).isNull();

        cli.clear();
        Path html = dir.resolve("inv.html");
        assertThat(cli.run("open", file.toString(), "--html", html.toString())).as(cli.err())
                .isEqualTo(ExitCodes.OK);
        assertThat(cli.out()).startsWith("snapshot of seed at " + s.header().takenAt())
                .contains(InventoryReport.table(live)).contains("Wrote " + html);
        assertThat(Files.readString(html)).contains("data-cluster=\"europe-cluster\"");
    }

    @Test
    void aDamagedFileIsOneLineAndExit2() throws IOException {
        Path file = dir.resolve("good.msnap");
        assertThat(cli.run("snapshot", "--kubeconfig", kubeconfig.toString(), "-o", file.toString())).isZero();
        byte[] all = Files.readAllBytes(file);
        Path cut = dir.resolve("cut.msnap");
        Files.write(cut, Arrays.copyOf(all, all.length / 2));
        cli.clear();
        assertThat(cli.run("open", cut.toString())).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err()).startsWith("mirrorscope: Cannot open the snapshot " + cut
                + ": it is not a complete snapshot file").doesNotContain("Exception").hasLineCount(1);
    }

    @Test
    void usageMistakesExit2() {
        assertThat(cli.run("snapshot", "--kubeconfig", kubeconfig.toString())).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err()).contains("Missing required option: '-o=FILE'");
        assertThat(cli.run("snapshot", "--kubeconfig", kubeconfig.toString(), "-o", "x.msnap", "--mirror", "m"))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err()).contains("--mirror and --topic go together");
        // -o is still the output format of the other commands
        cli.clear();
        assertThat(cli.run("inventory", "--kubeconfig", kubeconfig.toString(), "-o", "json")).isZero();
        assertThat(cli.out()).startsWith("{");
    }
}
