package io.mirrorscope.snapshot;

import io.mirrorscope.core.inventory.Inventory;
import io.mirrorscope.core.mirror.MatchSnapshot;
import io.mirrorscope.core.mirror.MatcherConfig;
import io.mirrorscope.core.mirror.Pairing;
import io.mirrorscope.core.mirror.RecordFingerprint;
import io.mirrorscope.core.mirror.RecordMatcher;
import io.mirrorscope.core.records.RawRecord;
import io.mirrorscope.core.snapshot.MirrorWindow;
import io.mirrorscope.core.snapshot.RecordSet;
import io.mirrorscope.core.snapshot.Snapshot;
import io.mirrorscope.core.snapshot.SnapshotFormat;
import io.mirrorscope.core.snapshot.TraceDocument;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Snapshots built from real parts: the real matcher pairs records with a missing one and a duplicate, records hold
 * text, binary, null keys, tombstones and trace headers, traces are Jaeger's own JSON from test resources.
 */
public final class SnapshotSamples {

    public static final long T0 = 1_764_400_000_000L;

    private SnapshotSamples() {
    }

    /** A window of {@code n} source records on two partitions (one not copied, one copied twice). */
    public static MirrorWindow window(int n, long recordCap) {
        Random rnd = new Random(42);
        List<RawRecord> source = new ArrayList<>();
        List<RawRecord> target = new ArrayList<>();
        long[] srcOffset = new long[2];
        long[] tgtOffset = new long[2];
        for (int i = 0; i < n; i++) {
            int p = i % 2;
            byte[] value;
            if (i % 7 == 3) {
                value = new byte[24];
                rnd.nextBytes(value);  // binary: not text in any charset
            } else if (i % 11 == 5) {
                value = null;  // tombstone
            } else {
                value = ("Hello world - " + i).getBytes(StandardCharsets.UTF_8);
            }
            byte[] key = i % 5 == 0 ? null : ("key-" + i).getBytes(StandardCharsets.UTF_8);
            String traceId = String.format("%032x", i + 1L);
            List<RawRecord.Header> headers = List.of(
                    new RawRecord.Header("traceparent", ("00-" + traceId + "-00f067aa0ba902b7-01")
                            .getBytes(StandardCharsets.UTF_8)),
                    new RawRecord.Header("empty", null));
            RawRecord r = new RawRecord(p, srcOffset[p]++, T0 + i * 10L, "CreateTime", key, value, headers);
            source.add(r);
            if (i == 4) {
                continue;  // lost: a later record of partition 0 is copied, so this one is missing
            }
            int copies = i == 9 ? 2 : 1;
            for (int c = 0; c < copies; c++) {
                target.add(new RawRecord(p, tgtOffset[p]++, r.timestamp(), "CreateTime", key, value, headers));
            }
        }
        RecordMatcher matcher = new RecordMatcher(MatcherConfig.defaults().withPairing(Pairing.ORDER), null, T0);
        for (int p = 0; p < 2; p++) {
            matcher.sourceRange(p, 0, 0, srcOffset[p]);
            matcher.targetRange(p, 0, 0, tgtOffset[p]);
        }
        RecordFingerprint prints = new RecordFingerprint();
        source.forEach(r -> matcher.addSource(prints.summarize(r, -1)));
        for (RawRecord r : target) {
            matcher.addTarget(prints.summarize(r, r.timestamp() + 25 + r.offset() % 40));
        }
        for (int p = 0; p < 2; p++) {
            matcher.sourceComplete(p);
        }
        matcher.finish(T0 + n * 10L + 60_000);
        MatchSnapshot s = matcher.snapshot(n);
        RecordSet.Builder src = new RecordSet.Builder(recordCap);
        RecordSet.Builder tgt = new RecordSet.Builder(recordCap);
        source.forEach(src::add);
        target.forEach(tgt::add);
        return new MirrorWindow("my-mirror-maker", 0, "europe-cluster-kafka-bootstrap:9092", "my-topic",
                "us-cluster-kafka-bootstrap:9092", "europe-cluster.my-topic", T0 - 1000, T0, T0 + n * 10L + 60_000,
                "mirror keeps partitions and order", List.of("a note"), s, src.build(), tgt.build());
    }

    /** A trace body from the test resources (Jaeger's v1 envelope). */
    public static byte[] resource(String name) {
        try (InputStream in = SnapshotSamples.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<TraceDocument> traces() {
        return List.of(
                new TraceDocument("7f3a9c2e1b4d5f60a1b2c3d4e5f60718", TraceDocument.Format.JAEGER,
                        resource("/jaeger/v1-trace-shapes.json")),
                new TraceDocument("5b8efff798038103d269b633813fc60c", TraceDocument.Format.OTLP,
                        resource("/jaeger/v3-trace-shapes.json")));
    }

    /** Health in the shape of {@code mirrorscope health -o json} (a map tree). */
    public static Map<String, Object> health() {
        Map<String, Object> link = new LinkedHashMap<>();
        link.put("mirror", "my-mirror-maker");
        link.put("verdict", "HEALTHY");
        link.put("lag", 3);
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("at", T0);
        h.put("links", List.of(link));
        return h;
    }

    /** A full snapshot of {@code inventory} with a window of {@code n} records. */
    public static Snapshot full(Inventory inventory, int n) {
        return new Snapshot(new Snapshot.Header(SnapshotFormat.VERSION, "test", Instant.ofEpochMilli(T0),
                inventory.context(), "amq-streams", List.of()), inventory, window(n,
                SnapshotFormat.DEFAULT_RECORD_CAP_BYTES), health(), traces());
    }
}
