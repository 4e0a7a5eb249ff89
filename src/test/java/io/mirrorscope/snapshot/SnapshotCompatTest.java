package io.mirrorscope.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import io.mirrorscope.core.inventory.InventoryReport;
import io.mirrorscope.core.mirror.MatchSnapshot;
import io.mirrorscope.core.snapshot.Snapshot;
import io.mirrorscope.core.snapshot.SnapshotFormat;
import io.mirrorscope.core.snapshot.TraceDocument;
import io.mirrorscope.tracing.JaegerJsonReader;
import io.mirrorscope.tracing.OtlpJsonReader;
import io.mirrorscope.tracing.ParsedTraces;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Compatible forever: the sample files each format version wrote, checked in under
 * src/test/resources/snapshots/v&lt;N&gt;/ and never regenerated, open in this version with the content they were
 * written with.
 */
class SnapshotCompatTest {

    private static final Path SAMPLES = Path.of("src/test/resources/snapshots");

    @Test
    void everyVersionUpToTheCurrentOneHasSampleFilesAndTheyAllOpen() throws IOException {
        for (int v = 1; v <= SnapshotFormat.VERSION; v++) {
            Path dir = SAMPLES.resolve("v" + v);
            List<Path> files;
            try (Stream<Path> s = Files.list(dir)) {
                files = s.filter(p -> p.toString().endsWith(SnapshotFormat.EXTENSION)).sorted().toList();
            }
            assertThat(files).as("sample files of version %d", v).isNotEmpty();
            for (Path f : files) {
                Snapshot s = SnapshotReader.read(f);
                assertThat(s.header().formatVersion()).isEqualTo(v);
                assertThat(InventoryReport.table(s.inventory())).contains("europe-cluster", "us-cluster");
            }
        }
    }

    @Test
    void version1SeedMirrorHoldsWhatWasWritten() {
        Snapshot s = SnapshotReader.read(SAMPLES.resolve("v1/seed-mirror.msnap"));
        assertThat(s.header().title()).isEqualTo("snapshot of seed at 2025-11-29T07:06:40Z");
        assertThat(s.header().namespace()).isEqualTo("amq-streams");
        assertThat(s.inventory().mirrors()).extracting(m -> m.name()).containsExactly("my-mirror-maker");
        assertThat(s.inventory().topology().edges()).hasSize(1);
        assertThat(s.inventory().topology().edges().getFirst().source().name()).isEqualTo("europe-cluster");
        MatchSnapshot f = s.window().findings();
        assertThat(f.sourceRecords()).isEqualTo(40);
        assertThat(f.missing()).isEqualTo(1);
        assertThat(f.missingRecords()).singleElement().satisfies(m -> {
            assertThat(m.partition()).isZero();
            assertThat(m.offset()).isEqualTo(2);
        });
        assertThat(f.duplicateRecords()).singleElement().satisfies(d -> assertThat(d.sourceOffset()).isEqualTo(4));
        assertThat(f.recentPairs()).hasSize(40);
        assertThat(f.partitions()).hasSize(2);
        assertThat(new String(s.window().sourceRecords().records().get(1).value(), StandardCharsets.UTF_8))
                .isEqualTo("Hello world - 1");
        assertThat(s.window().sourceRecords().records().get(3).value()).hasSize(24);
        assertThat(s.health()).containsKey("links");
        assertThat(s.traces()).extracting(TraceDocument::traceId)
                .containsExactly("7f3a9c2e1b4d5f60a1b2c3d4e5f60718", "5b8efff798038103d269b633813fc60c");
        // the bodies are what the back end sent: the tracing readers (and Jaeger's UI) parse them as they are
        ParsedTraces jaeger = JaegerJsonReader.read(s.traces().get(0).body(), "snapshot");
        assertThat(jaeger.problem()).isNull();
        assertThat(jaeger.traces()).isNotEmpty();
        ParsedTraces otlp = OtlpJsonReader.read(s.traces().get(1).body(), "snapshot");
        assertThat(otlp.traces()).isNotEmpty();
    }

    @Test
    void version1LinksReadWithoutConnectorConfigurationAndVersion2KeepsIt() {
        Snapshot v1 = SnapshotReader.read(SAMPLES.resolve("v1/seed-mirror.msnap"));
        assertThat(v1.header().formatVersion()).isEqualTo(1);
        assertThat(v1.inventory().mirrors()).flatExtracting(m -> m.links())
                .isNotEmpty().allSatisfy(l -> assertThat(l.connectorConfig()).isEmpty());
        Snapshot v2 = SnapshotReader.read(SAMPLES.resolve("v2/seed-mirror.msnap"));
        assertThat(v2.header().formatVersion()).isEqualTo(2);
        assertThat(v2.inventory().mirrors()).extracting(m -> m.name()).containsExactly("my-mirror-maker");
        assertThat(v2.window().findings().missing()).isEqualTo(1);
    }

    @Test
    void version1InventoryOnlyHasNoWindow() {
        Snapshot s = SnapshotReader.read(SAMPLES.resolve("v1/seed-inventory-only.msnap"));
        assertThat(s.window()).isNull();
        assertThat(s.health()).isNull();
        assertThat(s.traces()).isEmpty();
        assertThat(s.header().notes()).containsExactly("inventory only");
    }
}
