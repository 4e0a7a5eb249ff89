package io.mirrorscope.bench;

import io.mirrorscope.core.snapshot.MirrorWindow;
import io.mirrorscope.core.snapshot.Snapshot;
import io.mirrorscope.core.snapshot.SnapshotFormat;
import io.mirrorscope.core.snapshot.TraceDocument;
import io.mirrorscope.kube.inventory.InventoryReaderSeedTest;
import io.mirrorscope.snapshot.SnapshotReader;
import io.mirrorscope.snapshot.SnapshotSamples;
import io.mirrorscope.snapshot.SnapshotWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Saving and opening an incident snapshot of 200,000 record pairs (the matcher's pair table, and the raw records of
 * both sides: text, binary, tombstones, a traceparent header each) and 20 traces of 200 spans (Jaeger's JSON), with
 * the seed's inventory. Bar (issue 17): saves and opens in at most 3 s each.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class SnapshotBenchmark {

    static final int PAIRS = 200_000;
    static final int TRACES = 20;
    static final int SPANS = 200;

    Snapshot snapshot;
    Path dir;
    Path written;

    /** The snapshot measured: built once, by the real matcher. */
    static Snapshot build() {
        MirrorWindow window = SnapshotSamples.window(PAIRS, SnapshotFormat.DEFAULT_RECORD_CAP_BYTES);
        List<TraceDocument> traces = new ArrayList<>();
        byte[] body = SyntheticTrace.v1Json(SPANS);
        for (int i = 0; i < TRACES; i++) {
            traces.add(new TraceDocument(String.format("%032x", i + 1L), TraceDocument.Format.JAEGER, body));
        }
        var inventory = InventoryReaderSeedTest.readSeed();
        return new Snapshot(new Snapshot.Header(SnapshotFormat.VERSION, "bench", Instant.now(), inventory.context(),
                "amq-streams", List.of()), inventory, window, SnapshotSamples.health(), traces);
    }

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        snapshot = build();
        dir = Files.createTempDirectory("snapshot-bench");
        written = dir.resolve("open.msnap");
        SnapshotWriter.write(snapshot, written);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Files.delete(p);
            }
        }
        Files.delete(dir);
    }

    @Benchmark
    public Path save() {
        Path file = dir.resolve("save.msnap");
        SnapshotWriter.write(snapshot, file);
        return file;
    }

    @Benchmark
    public Snapshot open() {
        return SnapshotReader.read(written);
    }
}
