package io.mirrorscope.snapshot;

import io.mirrorscope.core.inventory.Inventory;
import io.mirrorscope.core.snapshot.Snapshot;
import io.mirrorscope.core.snapshot.SnapshotFormat;
import io.mirrorscope.kube.inventory.InventoryReaderSeedTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Writes the checked-in sample files of the current format version to src/test/resources/snapshots/v&lt;N&gt;/. Run
 * it once when a new version is introduced (never to refresh an old version's files: they prove that files written
 * by that version still open): {@code java -cp <test class path> io.mirrorscope.snapshot.SnapshotSampleFiles}.
 */
public final class SnapshotSampleFiles {

    private SnapshotSampleFiles() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of("src/test/resources/snapshots/v" + SnapshotFormat.VERSION);
        Files.createDirectories(dir);
        Inventory seed = InventoryReaderSeedTest.readSeed();
        SnapshotWriter.write(SnapshotSamples.full(seed, 40), dir.resolve("seed-mirror.msnap"));
        SnapshotWriter.write(new Snapshot(new Snapshot.Header(SnapshotFormat.VERSION, "sample",
                Instant.ofEpochMilli(SnapshotSamples.T0), seed.context(), "amq-streams", List.of("inventory only")),
                seed, null, null, List.of()), dir.resolve("seed-inventory-only.msnap"));
    }
}
