package io.mirrorscope.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mirrorscope.core.Problem;
import io.mirrorscope.core.ProblemException;
import io.mirrorscope.core.inventory.Inventory;
import io.mirrorscope.core.inventory.InventoryReport;
import io.mirrorscope.core.mirror.MatchSnapshot;
import io.mirrorscope.core.snapshot.Snapshot;
import io.mirrorscope.core.snapshot.SnapshotFormat;
import io.mirrorscope.kube.inventory.InventoryReaderSeedTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The snapshot file: what is written reads back field for field (inventory with its YAML, findings, pair table, raw
 * records byte for byte, health, trace bodies byte for byte), the inventory entry is the CLI's own document, and
 * every damaged file (cut short, newer or unknown version, edited JSON, entries added or removed) is one clear
 * problem instead of a half-open snapshot.
 */
class SnapshotFileTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static Inventory seed;
    @TempDir
    Path dir;

    @BeforeAll
    static void readSeed() {
        seed = InventoryReaderSeedTest.readSeed();
    }

    @Test
    void whatIsWrittenReadsBackFieldForField() {
        Snapshot original = SnapshotSamples.full(seed, 300);
        Path file = dir.resolve("incident.msnap");
        SnapshotWriter.write(original, file);
        Snapshot read = SnapshotReader.read(file);

        assertThat(read).usingRecursiveComparison().ignoringFieldsMatchingRegexes(".*\\.yaml.*").isEqualTo(original);
        assertThat(read.inventory().topology()).isEqualTo(original.inventory().topology());
        // the YAML of each resource, as read, for the resource view
        assertThat(read.inventory().clusters()).isNotEmpty();
        for (int i = 0; i < seed.clusters().size(); i++) {
            assertThat(read.inventory().clusters().get(i).meta().yaml().get())
                    .isEqualTo(seed.clusters().get(i).meta().yaml().get()).contains("kind: \"Kafka\"");
        }
        MatchSnapshot f = read.window().findings();
        assertThat(f.missing()).isEqualTo(1);
        assertThat(f.duplicates()).isEqualTo(1);
        assertThat(f.recentPairs()).hasSize(300);
        assertThat(read.window().sourceRecords().records()).hasSize(300);
        assertThat(read.window().targetRecords().records()).hasSize(300);
        // binary values and null keys survive byte for byte
        assertThat(read.window().sourceRecords().records().get(3).value())
                .isEqualTo(original.window().sourceRecords().records().get(3).value());
        assertThat(read.window().sourceRecords().records().get(0).key()).isNull();
        assertThat(read.window().sourceRecords().records().get(5).value()).isNull();
        for (int i = 0; i < original.traces().size(); i++) {
            assertThat(read.traces().get(i).body()).isEqualTo(original.traces().get(i).body());
        }
        assertThat(read.header().title()).isEqualTo("snapshot of seed at 2025-11-29T07:06:40Z");
    }

    @Test
    void theInventoryEntryIsTheDocumentOfInventoryDashOJson() throws IOException {
        Path file = dir.resolve("a.msnap");
        SnapshotWriter.write(SnapshotSamples.full(seed, 10), file);
        JsonNode expected = JSON.valueToTree(InventoryReport.tree(seed));
        assertThat(JSON.readTree(entry(file, SnapshotFormat.INVENTORY))).isEqualTo(expected);
        JsonNode findings = JSON.readTree(entry(file, SnapshotFormat.FINDINGS));
        assertThat(findings.path("missingRecords").get(0).path("offset").asLong()).isEqualTo(2);
        assertThat(findings.path("source").path("topic").asText()).isEqualTo("my-topic");
    }

    @Test
    void recordsAreCutAtTheByteCapAndTheCutIsCounted() {
        var w = SnapshotSamples.window(1000, 2_000);
        assertThat(w.sourceRecords().records().stream().mapToLong(r -> r.sizeInBytes()).sum())
                .isLessThanOrEqualTo(2000);
        assertThat(w.sourceRecords().dropped()).isEqualTo(1000 - w.sourceRecords().records().size()).isPositive();
    }

    @Test
    void aFileCutShortIsOneProblem() throws IOException {
        Path file = write();
        byte[] all = Files.readAllBytes(file);
        for (int cut : new int[] {all.length - 1, all.length - 30, all.length / 2, 10, 0}) {
            Path cutFile = dir.resolve("cut-" + cut + ".msnap");
            Files.write(cutFile, Arrays.copyOf(all, cut));
            assertProblem(cutFile, "not a complete snapshot file");
        }
    }

    @Test
    void aNewerVersionSaysUpdate() throws IOException {
        int newer = SnapshotFormat.VERSION + 1;
        Path file = rewrite(write(), SnapshotFormat.MANIFEST, m -> ((ObjectNode) m).put("version", newer));
        assertThatThrownBy(() -> SnapshotReader.read(file)).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.problem().title()).contains("written by a newer MirrorScope")
                    .contains("format version " + newer);
            assertThat(e.problem().hint()).isEqualTo("Update MirrorScope to open it");
        });
    }

    @Test
    void unknownOrMissingVersionsAndFormatsAreRefused() throws IOException {
        Path base = write();
        assertProblem(rewrite(base, SnapshotFormat.MANIFEST, m -> ((ObjectNode) m).put("version", 0)),
                "there is no format version 0");
        assertProblem(rewrite(base, SnapshotFormat.MANIFEST, m -> ((ObjectNode) m).put("version", "1")),
                "field 'version' must be a whole number");
        assertProblem(rewrite(base, SnapshotFormat.MANIFEST, m -> ((ObjectNode) m).remove("version")),
                "field 'version' must be a whole number");
        assertProblem(rewrite(base, SnapshotFormat.MANIFEST, m -> ((ObjectNode) m).put("format", "zip")),
                "is it a MirrorScope snapshot?");
    }

    @Test
    void handEditedJsonIsOneProblemNamingTheEntryAndField() throws IOException {
        Path base = write();
        assertProblem(rewrite(base, SnapshotFormat.FINDINGS, f -> ((ObjectNode) f).put("missing", "one")),
                "mirror/findings.json: field 'missing' must be a whole number");
        assertProblem(rewrite(base, SnapshotFormat.FINDINGS, f -> ((ObjectNode) f).remove("partitions")),
                "mirror/findings.json: field 'partitions' is missing");
        assertProblem(rewrite(base, SnapshotFormat.WINDOW, w -> ((ObjectNode) w).put("extra", 1)),
                "mirror/window.json: unknown field 'extra'");
        assertProblem(rewrite(base, SnapshotFormat.SOURCE_RECORDS, r -> ((ObjectNode) r.path("records").get(0))
                .put("value", "%%%")), "field 'value' is not base64");
        assertProblem(rewrite(base, SnapshotFormat.RESOURCES, r -> ((ObjectNode) r.path("clusters").get(0))
                .put("brokers", "three")), "resources.json does not match the snapshot format");
        assertProblem(rewrite(base, SnapshotFormat.RESOURCES, r -> ((ObjectNode) r).put("colour", "red")),
                "resources.json does not match the snapshot format");
        assertProblem(rewrite(base, SnapshotFormat.PAIRS, p -> ((com.fasterxml.jackson.databind.node.ArrayNode)
                p.path("rows").get(0)).set(4, JSON.getNodeFactory().textNode("LOST"))), "'LOST' is not a pair state");
        // not JSON at all
        assertProblem(replace(base, SnapshotFormat.FINDINGS, "{\"missing\": ".getBytes(StandardCharsets.UTF_8)),
                "mirror/findings.json does not match the snapshot format");
        assertProblem(replace(base, "traces/7f3a9c2e1b4d5f60a1b2c3d4e5f60718.json",
                "{\"data\": [".getBytes(StandardCharsets.UTF_8)), "traces/7f3a9c2e1b4d5f60a1b2c3d4e5f60718.json");
    }

    @Test
    void entriesAddedOrRemovedAreRefused() throws IOException {
        Path base = write();
        assertProblem(replace(base, "notes.txt", "hi".getBytes(StandardCharsets.UTF_8)),
                "holds the entry notes.txt, which its manifest does not list");
        assertProblem(replace(base, SnapshotFormat.PAIRS, null),
                "its manifest lists mirror/pairs.json, which is missing");
        assertProblem(replace(base, SnapshotFormat.MANIFEST, null), "has no manifest.json");
    }

    @Test
    void aMissingFileIsNotFound() {
        assertThatThrownBy(() -> SnapshotReader.read(dir.resolve("nope.msnap")))
                .isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.problem().kind()).isEqualTo(Problem.Kind.NOT_FOUND));
    }

    private Path write() {
        Path file = dir.resolve("base-" + System.nanoTime() + ".msnap");
        SnapshotWriter.write(SnapshotSamples.full(seed, 40), file);
        return file;
    }

    private static void assertProblem(Path file, String text) {
        assertThatThrownBy(() -> SnapshotReader.read(file)).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.problem().kind()).isEqualTo(Problem.Kind.USAGE);
            assertThat(e.problem().title() + " " + e.problem().detail()).contains(text);
            assertThat(e.problem().title()).startsWith("Cannot open the snapshot " + file);
        });
    }

    static byte[] entry(Path file, String name) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            return zip.getInputStream(zip.getEntry(name)).readAllBytes();
        }
    }

    private Path rewrite(Path file, String name, java.util.function.Consumer<JsonNode> edit) throws IOException {
        JsonNode n = JSON.readTree(entry(file, name));
        edit.accept(n);
        return replace(file, name, JSON.writeValueAsBytes(n));
    }

    /** A copy of {@code file} with entry {@code name} replaced (added when new; removed when bytes is null). */
    private Path replace(Path file, String name, byte[] bytes) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                entries.put(e.getName(), zip.getInputStream(e).readAllBytes());
            }
        }
        if (bytes == null) {
            entries.remove(name);
        } else {
            entries.put(name, bytes);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        Path edited = dir.resolve("edited-" + System.nanoTime() + ".msnap");
        Files.write(edited, out.toByteArray());
        return edited;
    }
}
