package io.mirrorscope.snapshot;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mirrorscope.core.Problem;
import io.mirrorscope.core.ProblemException;
import io.mirrorscope.core.Redactor;
import io.mirrorscope.core.inventory.InventoryReport;
import io.mirrorscope.core.mirror.FindingsJson;
import io.mirrorscope.core.mirror.MatchSnapshot;
import io.mirrorscope.core.records.RawRecord;
import io.mirrorscope.core.snapshot.MirrorWindow;
import io.mirrorscope.core.snapshot.RecordSet;
import io.mirrorscope.core.snapshot.Snapshot;
import io.mirrorscope.core.snapshot.SnapshotFormat;
import io.mirrorscope.core.snapshot.TraceDocument;
import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a {@link Snapshot} as a snapshot file (docs/snapshot-format.md): a zip of JSON entries, the manifest first.
 * The file appears whole or not at all (written beside the target, then moved over it). Nothing secret enters: every
 * JSON string passes the {@link Redactor} ({@link SnapshotJson#WRITER}), and record bytes and trace bodies that hold
 * a secret value the session read are scrubbed too (the record is marked {@code redacted}).
 */
public final class SnapshotWriter {

    private static final ObjectMapper JSON = SnapshotJson.WRITER;
    /** The pair table's columns, in order (a row is an array of these). */
    static final List<String> PAIR_COLUMNS = List.of("partition", "offset", "timestamp", "key", "state",
            "targetPartition", "targetOffset", "copies", "delayMs", "method");

    private SnapshotWriter() {
    }

    /** Writes {@code snapshot} to {@code file}; a failure is one {@link Problem}. */
    public static void write(Snapshot snapshot, Path file) {
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            tmp = Files.createTempFile(dir, "." + file.getFileName(), ".part");
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
                write(snapshot, out);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new ProblemException(new Problem(Problem.Kind.USAGE, "Cannot write the snapshot " + file,
                    e.getMessage(), "Check that the folder exists and can be written, and that the disk has space", e));
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException leftover) {
                    // a hidden .part file that cannot be deleted now goes when the process ends
                    tmp.toFile().deleteOnExit();
                }
            }
        }
    }

    /** Writes {@code snapshot} as a zip to {@code out} (left open). */
    public static void write(Snapshot snapshot, OutputStream out) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        zip.setLevel(Deflater.BEST_SPEED);
        List<String> entries = entryNames(snapshot);
        Snapshot.Header h = snapshot.header();
        ObjectNode manifest = JSON.createObjectNode();
        manifest.put("format", SnapshotFormat.FORMAT);
        manifest.put("version", SnapshotFormat.VERSION);
        manifest.put("writtenBy", h.writtenBy());
        manifest.put("takenAt", h.takenAt().toString());
        manifest.put("context", h.context());
        manifest.put("namespace", h.namespace());
        h.notes().forEach(manifest.putArray("notes")::add);
        if (h.notes().isEmpty()) {
            manifest.putArray("notes");
        }
        entries.forEach(manifest.putArray("entries")::add);
        json(zip, SnapshotFormat.MANIFEST, manifest);
        json(zip, SnapshotFormat.INVENTORY, InventoryReport.tree(snapshot.inventory()));
        json(zip, SnapshotFormat.RESOURCES, InventoryDoc.of(snapshot.inventory()));
        MirrorWindow w = snapshot.window();
        if (w != null) {
            ObjectNode window = JSON.createObjectNode();
            window.put("mirror", w.mirror());
            window.put("link", w.link());
            window.put("fromMillis", w.fromMillis());
            window.put("startedAt", w.startedAt());
            window.put("endedAt", w.endedAt());
            window.put("pairingReason", w.pairingReason());
            w.notes().forEach(window.putArray("notes")::add);
            if (w.notes().isEmpty()) {
                window.putArray("notes");
            }
            json(zip, SnapshotFormat.WINDOW, window);
            json(zip, SnapshotFormat.FINDINGS, FindingsJson.of(JSON, w.findings(), w.sourceBootstrap(),
                    w.sourceTopic(), w.targetBootstrap(), w.targetTopic()));
            pairs(zip, w.findings().recentPairs());
            records(zip, SnapshotFormat.SOURCE_RECORDS, w.sourceRecords());
            records(zip, SnapshotFormat.TARGET_RECORDS, w.targetRecords());
        }
        if (snapshot.health() != null) {
            json(zip, SnapshotFormat.HEALTH, snapshot.health());
        }
        if (!snapshot.traces().isEmpty()) {
            List<ObjectNode> index = new ArrayList<>();
            for (TraceDocument t : snapshot.traces()) {
                ObjectNode n = JSON.createObjectNode();
                n.put("traceId", t.traceId());
                n.put("format", t.format().name().toLowerCase(Locale.ROOT));
                n.put("file", traceFile(t));
                index.add(n);
            }
            json(zip, SnapshotFormat.TRACES_INDEX, index);
            for (TraceDocument t : snapshot.traces()) {
                zip.putNextEntry(new ZipEntry(traceFile(t)));
                zip.write(scrubbed(t.body()));
                zip.closeEntry();
            }
        }
        zip.finish();
        zip.flush();
    }

    /** Every entry the snapshot will hold, manifest included, in write order (listed in the manifest). */
    static List<String> entryNames(Snapshot s) {
        List<String> names = new ArrayList<>(List.of(SnapshotFormat.MANIFEST, SnapshotFormat.INVENTORY,
                SnapshotFormat.RESOURCES));
        if (s.window() != null) {
            names.addAll(List.of(SnapshotFormat.WINDOW, SnapshotFormat.FINDINGS, SnapshotFormat.PAIRS,
                    SnapshotFormat.SOURCE_RECORDS, SnapshotFormat.TARGET_RECORDS));
        }
        if (s.health() != null) {
            names.add(SnapshotFormat.HEALTH);
        }
        if (!s.traces().isEmpty()) {
            names.add(SnapshotFormat.TRACES_INDEX);
            s.traces().forEach(t -> names.add(traceFile(t)));
        }
        return names;
    }

    static String traceFile(TraceDocument t) {
        return SnapshotFormat.TRACES_DIR + t.traceId().toLowerCase(Locale.ROOT).replaceAll("[^0-9a-z]", "_")
                + ".json";
    }

    private static void json(ZipOutputStream zip, String name, Object value) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        JSON.writeValue(new KeepOpen(zip), value);
        zip.closeEntry();
    }

    private static void pairs(ZipOutputStream zip, List<MatchSnapshot.PairRow> rows) throws IOException {
        zip.putNextEntry(new ZipEntry(SnapshotFormat.PAIRS));
        try (JsonGenerator g = JSON.createGenerator(new KeepOpen(zip))) {
            g.writeStartObject();
            g.writeArrayFieldStart("columns");
            for (String c : PAIR_COLUMNS) {
                g.writeString(c);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("rows");
            for (MatchSnapshot.PairRow r : rows) {
                g.writeStartArray();
                g.writeNumber(r.partition());
                g.writeNumber(r.offset());
                g.writeNumber(r.timestamp());
                g.writeString(r.key());
                g.writeString(r.state().name());
                g.writeNumber(r.targetPartition());
                g.writeNumber(r.targetOffset());
                g.writeNumber(r.copies());
                g.writeNumber(r.delayMs());
                g.writeString(FindingsJson.label(r.method()));
                g.writeEndArray();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        zip.closeEntry();
    }

    private static void records(ZipOutputStream zip, String name, RecordSet set) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        try (JsonGenerator g = JSON.createGenerator(new KeepOpen(zip))) {
            g.writeStartObject();
            g.writeNumberField("capBytes", set.capBytes());
            g.writeNumberField("dropped", set.dropped());
            g.writeArrayFieldStart("records");
            for (RawRecord r : set.records()) {
                byte[] key = scrubbed(r.key());
                byte[] value = scrubbed(r.value());
                boolean redacted = key != r.key() || value != r.value();
                g.writeStartObject();
                g.writeNumberField("partition", r.partition());
                g.writeNumberField("offset", r.offset());
                g.writeNumberField("timestamp", r.timestamp());
                g.writeStringField("timestampType", r.timestampType());
                bytes(g, "key", key);
                bytes(g, "value", value);
                g.writeArrayFieldStart("headers");
                for (RawRecord.Header h : r.headers()) {
                    byte[] hv = scrubbed(h.value());
                    redacted |= hv != h.value();
                    g.writeStartObject();
                    g.writeStringField("name", h.name());
                    bytes(g, "value", hv);
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeBooleanField("redacted", redacted);
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        zip.closeEntry();
    }

    /** Binary kept: base64 (RFC 4648, with padding); null stays null. */
    private static void bytes(JsonGenerator g, String field, byte[] b) throws IOException {
        g.writeFieldName(field);
        if (b == null) {
            g.writeNull();
        } else {
            g.writeBinary(b);
        }
    }

    /**
     * The bytes, or, when their UTF-8 text holds a secret value the session read, that text scrubbed (a new array,
     * so the caller sees that it changed).
     */
    static byte[] scrubbed(byte[] b) {
        if (b == null || b.length < Redactor.MIN_LENGTH) {
            return b;
        }
        String text = new String(b, StandardCharsets.UTF_8);
        if (!Redactor.containsSecret(text) && !text.contains("Bearer ") && !text.contains("Basic ")) {
            return b;
        }
        String scrubbed = Redactor.scrub(text);
        return scrubbed.equals(text) ? b : scrubbed.getBytes(StandardCharsets.UTF_8);
    }

    /** Jackson closes what it writes to; a zip entry must stay open for the next one. */
    private static final class KeepOpen extends FilterOutputStream {
        KeepOpen(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
