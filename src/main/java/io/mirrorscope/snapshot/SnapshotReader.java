package io.mirrorscope.snapshot;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mirrorscope.core.Problem;
import io.mirrorscope.core.ProblemException;
import io.mirrorscope.core.mirror.FindingsJson;
import io.mirrorscope.core.mirror.MatchSnapshot;
import io.mirrorscope.core.records.RawRecord;
import io.mirrorscope.core.snapshot.MirrorWindow;
import io.mirrorscope.core.snapshot.RecordSet;
import io.mirrorscope.core.snapshot.Snapshot;
import io.mirrorscope.core.snapshot.SnapshotFormat;
import io.mirrorscope.core.snapshot.TraceDocument;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Reads a snapshot file of any version this MirrorScope knows (docs/snapshot-format.md), strictly: a file cut short,
 * of an unknown or newer version, with an entry missing or added, or with JSON that does not match the schema,
 * is refused with one {@link Problem} that names the file, the entry and the field. Nothing half-opens: the whole
 * file is read and checked before a {@link Snapshot} exists.
 */
public final class SnapshotReader {

    private static final ObjectMapper JSON = SnapshotJson.READER;
    private static final Set<String> MANIFEST_FIELDS = Set.of("format", "version", "writtenBy", "takenAt",
            "context", "namespace", "notes", "entries");
    private static final Set<String> WINDOW_FIELDS = Set.of("mirror", "link", "fromMillis", "startedAt",
            "endedAt", "pairingReason", "notes");

    private SnapshotReader() {
    }

    /** Reads {@code file}; every failure is a {@link ProblemException}. */
    public static Snapshot read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ProblemException(Problem.of(Problem.Kind.NOT_FOUND, "No snapshot file " + file, "",
                    "Check the path; snapshots end in " + SnapshotFormat.EXTENSION));
        }
        Map<String, byte[]> entries = new HashMap<>();
        List<String> order = new ArrayList<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Enumeration<? extends ZipEntry> all = zip.entries();
            while (all.hasMoreElements()) {
                ZipEntry e = all.nextElement();
                if (e.isDirectory()) {
                    continue;
                }
                try (InputStream in = zip.getInputStream(e)) {
                    if (entries.put(e.getName(), in.readAllBytes()) != null) {
                        throw bad(file, "it holds the entry " + e.getName() + " twice");
                    }
                    order.add(e.getName());
                }
            }
        } catch (ZipException | EOFException e) {
            throw new ProblemException(new Problem(Problem.Kind.USAGE, "Cannot open the snapshot " + file
                    + ": it is not a complete snapshot file (cut short, or not a zip)", e.getMessage(),
                    "Copy the file again in full, or take a new snapshot", e));
        } catch (IOException e) {
            throw new ProblemException(new Problem(Problem.Kind.USAGE, "Cannot read the snapshot " + file,
                    e instanceof NoSuchFileException ? "no such file" : e.getMessage(), "", e));
        }
        return read(file, entries);
    }

    private static Snapshot read(Path file, Map<String, byte[]> entries) {
        byte[] manifestBytes = entries.get(SnapshotFormat.MANIFEST);
        if (manifestBytes == null) {
            throw bad(file, "it has no " + SnapshotFormat.MANIFEST + " (is it a MirrorScope snapshot?)");
        }
        JsonNode manifest = tree(file, SnapshotFormat.MANIFEST, manifestBytes);
        if (!manifest.isObject() || !SnapshotFormat.FORMAT.equals(manifest.path("format").asText(null))) {
            throw bad(file, SnapshotFormat.MANIFEST + " does not say format \"" + SnapshotFormat.FORMAT
                    + "\" (is it a MirrorScope snapshot?)");
        }
        JsonNode version = manifest.get("version");
        if (version == null || !version.isIntegralNumber() || !version.canConvertToInt()) {
            throw bad(file, SnapshotFormat.MANIFEST + ": field 'version' must be a whole number");
        }
        int v = version.intValue();
        if (v > SnapshotFormat.VERSION) {
            throw new ProblemException(Problem.of(Problem.Kind.USAGE, "Cannot open the snapshot " + file
                            + ": it was written by a newer MirrorScope (" + manifest.path("writtenBy").asText("?")
                            + ", format version " + v + ")",
                    "this MirrorScope " + "reads format versions 1 to " + SnapshotFormat.VERSION,
                    "Update MirrorScope to open it"));
        }
        if (v < 1) {
            throw bad(file, SnapshotFormat.MANIFEST + ": there is no format version " + v);
        }
        // one reader per version; version 1 is the only one so far
        try {
            return readV1(file, manifest, entries);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw bad(file, e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    private static Snapshot readV1(Path file, JsonNode manifest, Map<String, byte[]> entries) {
        exactFields(SnapshotFormat.MANIFEST, manifest, MANIFEST_FIELDS);
        Set<String> listed = new LinkedHashSet<>();
        for (JsonNode n : array(SnapshotFormat.MANIFEST, manifest, "entries")) {
            listed.add(n.asText());
        }
        for (String name : entries.keySet()) {
            if (!listed.contains(name)) {
                throw new IllegalArgumentException("it holds the entry " + name + ", which its manifest does not "
                        + "list (the file was changed after it was written)");
            }
        }
        for (String name : listed) {
            if (!entries.containsKey(name)) {
                throw new IllegalArgumentException("its manifest lists " + name + ", which is missing");
            }
        }
        Instant takenAt;
        try {
            takenAt = Instant.parse(text(SnapshotFormat.MANIFEST, manifest, "takenAt"));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(SnapshotFormat.MANIFEST + ": field 'takenAt' is not an ISO-8601 time");
        }
        List<String> notes = strings(SnapshotFormat.MANIFEST, manifest, "notes");
        Snapshot.Header header = new Snapshot.Header(1, text(SnapshotFormat.MANIFEST, manifest, "writtenBy"),
                takenAt, text(SnapshotFormat.MANIFEST, manifest, "context"),
                text(SnapshotFormat.MANIFEST, manifest, "namespace"), notes);
        // inventory.json is the CLI's document for tools; it must be JSON, the model comes from resources.json
        require(SnapshotFormat.INVENTORY, tree(file, SnapshotFormat.INVENTORY, entries.get(SnapshotFormat.INVENTORY))
                .isObject(), "must be an object");
        InventoryDoc inventory = inventoryV1(file, entries.get(SnapshotFormat.RESOURCES));
        MirrorWindow window = listed.contains(SnapshotFormat.WINDOW) ? window(file, entries) : null;
        Map<String, Object> health = null;
        if (listed.contains(SnapshotFormat.HEALTH)) {
            JsonNode h = tree(file, SnapshotFormat.HEALTH, entries.get(SnapshotFormat.HEALTH));
            require(SnapshotFormat.HEALTH, h.isObject(), "must be an object");
            health = JSON.convertValue(h, Map.class);
        }
        List<TraceDocument> traces = new ArrayList<>();
        if (listed.contains(SnapshotFormat.TRACES_INDEX)) {
            JsonNode index = tree(file, SnapshotFormat.TRACES_INDEX, entries.get(SnapshotFormat.TRACES_INDEX));
            require(SnapshotFormat.TRACES_INDEX, index.isArray(), "must be an array");
            for (JsonNode t : index) {
                exactFields(SnapshotFormat.TRACES_INDEX, t, Set.of("traceId", "format", "file"));
                String name = text(SnapshotFormat.TRACES_INDEX, t, "file");
                byte[] body = entries.get(name);
                require(SnapshotFormat.TRACES_INDEX, body != null, "names " + name + ", which is missing");
                tree(file, name, body);  // a trace body must still be JSON
                TraceDocument.Format format;
                try {
                    format = TraceDocument.Format.valueOf(text(SnapshotFormat.TRACES_INDEX, t, "format")
                            .toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(SnapshotFormat.TRACES_INDEX + ": format '"
                            + t.path("format").asText() + "' is neither jaeger nor otlp");
                }
                traces.add(new TraceDocument(text(SnapshotFormat.TRACES_INDEX, t, "traceId"), format, body));
            }
        }
        return new Snapshot(header, inventory.toInventory(), window, health, traces);
    }

    private static MirrorWindow window(Path file, Map<String, byte[]> entries) {
        JsonNode w = tree(file, SnapshotFormat.WINDOW, entries.get(SnapshotFormat.WINDOW));
        exactFields(SnapshotFormat.WINDOW, w, WINDOW_FIELDS);
        JsonNode f = tree(file, SnapshotFormat.FINDINGS, entries.get(SnapshotFormat.FINDINGS));
        require(SnapshotFormat.FINDINGS, f.isObject(), "must be an object");
        List<MatchSnapshot.PairRow> pairs = pairs(file, entries.get(SnapshotFormat.PAIRS));
        MatchSnapshot findings;
        try {
            findings = FindingsJson.read(f, pairs);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(SnapshotFormat.FINDINGS + ": " + e.getMessage());
        }
        return new MirrorWindow(text(SnapshotFormat.WINDOW, w, "mirror"), (int) num(SnapshotFormat.WINDOW, w, "link"),
                f.path("source").path("bootstrap").asText(""), f.path("source").path("topic").asText(""),
                f.path("target").path("bootstrap").asText(""), f.path("target").path("topic").asText(""),
                num(SnapshotFormat.WINDOW, w, "fromMillis"), num(SnapshotFormat.WINDOW, w, "startedAt"),
                num(SnapshotFormat.WINDOW, w, "endedAt"), text(SnapshotFormat.WINDOW, w, "pairingReason"),
                strings(SnapshotFormat.WINDOW, w, "notes"), findings,
                records(file, SnapshotFormat.SOURCE_RECORDS, entries.get(SnapshotFormat.SOURCE_RECORDS)),
                records(file, SnapshotFormat.TARGET_RECORDS, entries.get(SnapshotFormat.TARGET_RECORDS)));
    }

    /** The pair table, streamed: it may have hundreds of thousands of rows. */
    private static List<MatchSnapshot.PairRow> pairs(Path file, byte[] bytes) {
        String entry = SnapshotFormat.PAIRS;
        List<MatchSnapshot.PairRow> rows = new ArrayList<>();
        try (JsonParser p = JSON.createParser(bytes)) {
            expect(p, JsonToken.START_OBJECT, entry, "the document");
            expectField(p, "columns", entry);
            expect(p, JsonToken.START_ARRAY, entry, "columns");
            List<String> columns = new ArrayList<>();
            while (p.nextToken() == JsonToken.VALUE_STRING) {
                columns.add(p.getText());
            }
            require(entry, columns.equals(SnapshotWriter.PAIR_COLUMNS) && p.currentToken() == JsonToken.END_ARRAY,
                    "columns must be " + SnapshotWriter.PAIR_COLUMNS);
            expectField(p, "rows", entry);
            expect(p, JsonToken.START_ARRAY, entry, "rows");
            while (p.nextToken() == JsonToken.START_ARRAY) {
                int partition = (int) nextLong(p, entry);
                long offset = nextLong(p, entry);
                long timestamp = nextLong(p, entry);
                String key = nextText(p, entry, true);
                MatchSnapshot.PairState state;
                String stateText = nextText(p, entry, false);
                try {
                    state = MatchSnapshot.PairState.valueOf(stateText);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(entry + ": '" + stateText + "' is not a pair state");
                }
                int targetPartition = (int) nextLong(p, entry);
                long targetOffset = nextLong(p, entry);
                int copies = (int) nextLong(p, entry);
                long delay = nextLong(p, entry);
                var method = FindingsJson.method(nextText(p, entry, false));
                expect(p, JsonToken.END_ARRAY, entry, "a row (10 columns)");
                rows.add(new MatchSnapshot.PairRow(partition, offset, timestamp, key, state, targetPartition,
                        targetOffset, copies, delay, method));
            }
            require(entry, p.currentToken() == JsonToken.END_ARRAY, "rows must be arrays");
            expect(p, JsonToken.END_OBJECT, entry, "the end of the document");
            require(entry, p.nextToken() == null, "has text after the document");
        } catch (JsonProcessingException e) {
            throw notJson(file, entry, e);
        } catch (IOException e) {
            throw new IllegalArgumentException(entry + ": " + e.getMessage());
        }
        return rows;
    }

    /** Raw records, streamed (hundreds of thousands per side); binary from base64; every field exactly once. */
    private static RecordSet records(Path file, String entry, byte[] bytes) {
        try (JsonParser p = JSON.createParser(bytes)) {
            expect(p, JsonToken.START_OBJECT, entry, "an object");
            long cap = -1;
            long dropped = -1;
            List<RawRecord> records = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                switch (name) {
                    case "capBytes" -> cap = nextLong(p, entry, name);
                    case "dropped" -> dropped = nextLong(p, entry, name);
                    case "records" -> {
                        expect(p, JsonToken.START_ARRAY, entry, "field 'records' to be an array");
                        records = new ArrayList<>();
                        while (p.nextToken() == JsonToken.START_OBJECT) {
                            records.add(record(p, entry));
                        }
                        require(entry, p.currentToken() == JsonToken.END_ARRAY, "records must be objects");
                    }
                    default -> throw new IllegalArgumentException(entry + ": unknown field '" + name + "'");
                }
            }
            require(entry, p.currentToken() == JsonToken.END_OBJECT, "expected the end of the document");
            require(entry, cap >= 0 && dropped >= 0 && records != null,
                    "fields 'capBytes', 'dropped' and 'records' are required");
            require(entry, p.nextToken() == null, "has text after the document");
            return new RecordSet(records, cap, dropped);
        } catch (JsonProcessingException e) {
            throw notJson(file, entry, e);
        } catch (IOException e) {
            throw new IllegalArgumentException(entry + ": " + e.getMessage());
        }
    }

    private static final List<String> RECORD_ORDER = List.of("partition", "offset", "timestamp", "timestampType",
            "key", "value", "headers", "redacted");

    /** One record object, the parser on its START_OBJECT. */
    private static RawRecord record(JsonParser p, String entry) throws IOException {
        int seen = 0;
        int partition = 0;
        long offset = 0;
        long timestamp = 0;
        String timestampType = null;
        byte[] key = null;
        byte[] value = null;
        List<RawRecord.Header> headers = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            int bit = RECORD_ORDER.indexOf(name);
            require(entry, bit >= 0, "unknown field '" + name + "' in a record");
            require(entry, (seen & (1 << bit)) == 0, "field '" + name + "' twice in a record");
            seen |= 1 << bit;
            switch (name) {
                case "partition" -> partition = (int) nextLong(p, entry, name);
                case "offset" -> offset = nextLong(p, entry, name);
                case "timestamp" -> timestamp = nextLong(p, entry, name);
                case "timestampType" -> timestampType = nextText(p, entry, false);
                case "key" -> key = nextBinary(p, entry, name);
                case "value" -> value = nextBinary(p, entry, name);
                case "headers" -> headers = headers(p, entry);
                default -> {
                    JsonToken t = p.nextToken();
                    require(entry, t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE,
                            "field 'redacted' must be true or false");
                }
            }
        }
        if (seen != (1 << RECORD_ORDER.size()) - 1) {
            for (int i = 0; i < RECORD_ORDER.size(); i++) {
                require(entry, (seen & (1 << i)) != 0, "field '" + RECORD_ORDER.get(i) + "' is missing in a record");
            }
        }
        return new RawRecord(partition, offset, timestamp, timestampType, key, value, headers);
    }

    private static List<RawRecord.Header> headers(JsonParser p, String entry) throws IOException {
        expect(p, JsonToken.START_ARRAY, entry, "field 'headers' to be an array");
        List<RawRecord.Header> out = new ArrayList<>(2);
        while (p.nextToken() == JsonToken.START_OBJECT) {
            String name = null;
            byte[] value = null;
            int seen = 0;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                switch (p.currentName()) {
                    case "name" -> {
                        name = nextText(p, entry, false);
                        seen |= 1;
                    }
                    case "value" -> {
                        value = nextBinary(p, entry, "value");
                        seen |= 2;
                    }
                    default -> throw new IllegalArgumentException(entry + ": unknown field '" + p.currentName()
                            + "' in a header");
                }
            }
            require(entry, seen == 3, "a header needs 'name' and 'value'");
            out.add(new RawRecord.Header(name, value));
        }
        require(entry, p.currentToken() == JsonToken.END_ARRAY, "headers must be objects");
        return out;
    }

    private static byte[] nextBinary(JsonParser p, String entry, String field) throws IOException {
        JsonToken t = p.nextToken();
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        require(entry, t == JsonToken.VALUE_STRING, "field '" + field + "' must be base64 text or null");
        try {
            return Base64.getDecoder().decode(p.getText());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(entry + ": field '" + field + "' is not base64");
        }
    }

    private static long nextLong(JsonParser p, String entry, String field) throws IOException {
        require(entry, p.nextToken() == JsonToken.VALUE_NUMBER_INT, "field '" + field + "' must be a whole number");
        return p.getLongValue();
    }

    private static JsonNode tree(Path file, String entry, byte[] bytes) {
        try {
            JsonNode n = JSON.readTree(bytes);
            if (n == null || n.isMissingNode()) {
                throw new IllegalArgumentException(entry + " is empty");
            }
            return n;
        } catch (JsonProcessingException e) {
            throw notJson(file, entry, e);
        } catch (IOException e) {
            throw new IllegalArgumentException(entry + ": " + e.getMessage());
        }
    }

    /**
     * resources.json of version 1. Version-1 files written before mirror links carried their connector's
     * configuration (the checked-in samples) have no {@code connectorConfig}: read as none, as a live read of a
     * mirror without one gives. Everything else stays strict.
     */
    private static InventoryDoc inventoryV1(Path file, byte[] bytes) {
        JsonNode tree = tree(file, SnapshotFormat.RESOURCES, bytes);
        for (JsonNode mirror : tree.path("mirrors")) {
            for (JsonNode link : mirror.path("links")) {
                if (link instanceof com.fasterxml.jackson.databind.node.ObjectNode o && !o.has("connectorConfig")) {
                    o.putObject("connectorConfig");
                }
            }
        }
        try {
            return JSON.treeToValue(tree, InventoryDoc.class);
        } catch (JsonProcessingException e) {
            throw notJson(file, SnapshotFormat.RESOURCES, e);
        }
    }

    private static <T> T value(Path file, String entry, byte[] bytes, Class<T> type) {
        try {
            return JSON.readValue(bytes, type);
        } catch (JsonProcessingException e) {
            throw notJson(file, entry, e);
        } catch (IOException e) {
            throw new IllegalArgumentException(entry + ": " + e.getMessage());
        }
    }

    private static ProblemException notJson(Path file, String entry, JsonProcessingException e) {
        String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                + e.getLocation().getColumnNr() + ")";
        String path = e instanceof com.fasterxml.jackson.databind.JsonMappingException m && !m.getPath().isEmpty()
                ? " at " + m.getPathReference() : "";
        return new ProblemException(new Problem(Problem.Kind.USAGE, "Cannot open the snapshot " + file + ": "
                + entry + " does not match the snapshot format" + where + path, e.getOriginalMessage(),
                "The file was changed after it was written; open the original, or take a new snapshot", e));
    }

    private static ProblemException bad(Path file, String what) {
        return new ProblemException(Problem.of(Problem.Kind.USAGE, "Cannot open the snapshot " + file + ": "
                + what, "", "The file was changed after it was written; open the original, or take a new snapshot"));
    }

    private static void require(String entry, boolean ok, String what) {
        if (!ok) {
            throw new IllegalArgumentException(entry + ": " + what);
        }
    }

    private static void exactFields(String entry, JsonNode o, Set<String> fields) {
        require(entry, o != null && o.isObject(), "expected an object");
        for (String f : fields) {
            require(entry, o.has(f), "field '" + f + "' is missing");
        }
        o.fieldNames().forEachRemaining(f -> require(entry, fields.contains(f), "unknown field '" + f + "'"));
    }

    private static JsonNode array(String entry, JsonNode o, String field) {
        JsonNode n = o.get(field);
        require(entry, n != null && n.isArray(), "field '" + field + "' must be an array");
        return n;
    }

    private static List<String> strings(String entry, JsonNode o, String field) {
        List<String> out = new ArrayList<>();
        for (JsonNode n : array(entry, o, field)) {
            require(entry, n.isTextual(), "field '" + field + "' must hold text");
            out.add(n.textValue());
        }
        return out;
    }

    private static String text(String entry, JsonNode o, String field) {
        JsonNode n = o.get(field);
        require(entry, n != null && n.isTextual(), "field '" + field + "' must be text");
        return n.textValue();
    }

    private static long num(String entry, JsonNode o, String field) {
        JsonNode n = o.get(field);
        require(entry, n != null && n.isIntegralNumber() && n.canConvertToLong(),
                "field '" + field + "' must be a whole number");
        return n.longValue();
    }

    private static void expect(JsonParser p, JsonToken token, String entry, String what) throws IOException {
        require(entry, p.nextToken() == token, "expected " + what);
    }

    private static void expectField(JsonParser p, String name, String entry) throws IOException {
        require(entry, p.nextToken() == JsonToken.FIELD_NAME && name.equals(p.currentName()),
                "expected field '" + name + "'");
    }

    private static long nextLong(JsonParser p, String entry) throws IOException {
        require(entry, p.nextToken() == JsonToken.VALUE_NUMBER_INT, "a row holds a non-number where a number goes");
        return p.getLongValue();
    }

    private static String nextText(JsonParser p, String entry, boolean nullable) throws IOException {
        JsonToken t = p.nextToken();
        if (nullable && t == JsonToken.VALUE_NULL) {
            return null;
        }
        require(entry, t == JsonToken.VALUE_STRING, "a row holds a non-text where text goes");
        return p.getText();
    }
}
