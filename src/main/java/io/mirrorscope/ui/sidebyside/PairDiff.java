package io.mirrorscope.ui.sidebyside;

import io.mirrorscope.core.mirror.RecordFingerprint;
import io.mirrorscope.core.records.DecodedRecord;
import io.mirrorscope.core.records.RawRecord;
import io.mirrorscope.core.records.RecordDecoder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A source record and its copy field by field, for the detail pane: coordinates, timestamp, key, value and every
 * header name on either side. A field {@link Line#differs()} when the two texts differ; coordinates always differ
 * and are not flagged. Trace headers a traced mirror rewrites are flagged too (they are real differences), with
 * a note, because the matcher's fingerprint leaves them out.
 */
public final class PairDiff {

    /** One field of both records. */
    public record Line(String field, String source, String target, boolean differs, String note) {
    }

    private PairDiff() {
    }

    /** The lines for a pair; the target column reads "(no copy)" when there is none. */
    public static List<Line> of(RawRecord source, Optional<RawRecord> target) {
        DecodedRecord s = RecordDecoder.DETAIL.decode(source);
        DecodedRecord t = target.map(RecordDecoder.DETAIL::decode).orElse(null);
        List<Line> lines = new ArrayList<>();
        lines.add(new Line("Partition / offset", s.partition() + " / " + s.offset(),
                t == null ? "(no copy)" : t.partition() + " / " + t.offset(), false, ""));
        lines.add(compare("Timestamp", Instant.ofEpochMilli(s.timestamp()) + " " + s.timestampType(),
                t == null ? null : Instant.ofEpochMilli(t.timestamp()) + " " + t.timestampType(), ""));
        lines.add(compare("Key", s.key().display(), t == null ? null : t.key().display(), ""));
        lines.add(compare("Value", s.value().display(), t == null ? null : t.value().display(), ""));
        List<String> names = new ArrayList<>();
        s.headers().forEach(h -> addOnce(names, h.name()));
        if (t != null) {
            t.headers().forEach(h -> addOnce(names, h.name()));
        }
        for (String name : names) {
            String note = RecordFingerprint.isTraceHeader(name)
                    ? "rewritten by a traced mirror; not part of the match" : "";
            lines.add(compare("Header " + name, header(s, name), t == null ? null : header(t, name), note));
        }
        return lines;
    }

    private static Line compare(String field, String source, String target, String note) {
        if (target == null) {
            return new Line(field, source, "", false, "");
        }
        return new Line(field, source, target, !source.equals(target), note);
    }

    private static String header(DecodedRecord r, String name) {
        StringBuilder sb = new StringBuilder();
        for (DecodedRecord.DecodedHeader h : r.headers()) {
            if (h.name().equals(name)) {
                sb.append(sb.isEmpty() ? "" : " | ").append(h.value().display());
            }
        }
        return sb.isEmpty() ? "(absent)" : sb.toString();
    }

    private static void addOnce(List<String> names, String name) {
        if (!names.contains(name)) {
            names.add(name);
        }
    }
}
