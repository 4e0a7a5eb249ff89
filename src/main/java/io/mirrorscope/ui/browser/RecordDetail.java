package io.mirrorscope.ui.browser;

import io.mirrorscope.core.records.DecodedRecord;
import io.mirrorscope.core.records.DecodedValue;
import io.mirrorscope.core.records.Encoding;
import io.mirrorscope.core.records.RawRecord;
import io.mirrorscope.core.records.RecordDecoder;
import java.time.Instant;

/** The text of the detail pane: coordinates, key and value in full (1 MiB cap, JSON pretty-printed), headers. */
final class RecordDetail {

    private RecordDetail() {
    }

    static String of(RawRecord raw) {
        DecodedRecord d = RecordDecoder.DETAIL.decode(raw);
        StringBuilder sb = new StringBuilder();
        sb.append("Partition ").append(d.partition()).append(", offset ").append(d.offset()).append('\n');
        sb.append(Instant.ofEpochMilli(d.timestamp())).append(" (").append(d.timestampType()).append(")\n\n");
        sb.append("Key").append(describe(d.key())).append('\n').append(d.key().display()).append("\n\n");
        sb.append("Value").append(describe(d.value())).append('\n').append(d.value().display()).append("\n\n");
        sb.append("Headers (").append(d.headers().size()).append(")\n");
        for (DecodedRecord.DecodedHeader h : d.headers()) {
            sb.append("  ").append(h.name()).append(": ").append(h.value().display()).append('\n');
        }
        return sb.toString();
    }

    private static String describe(DecodedValue v) {
        return v.encoding() == Encoding.NULL ? " (null)" : " (" + v.encoding().label() + ", " + v.size() + " bytes)";
    }
}
