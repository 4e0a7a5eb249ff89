package io.mirrorscope.ui.browser;

import io.mirrorscope.core.records.DecodedRecord;
import io.mirrorscope.core.records.DecodedValue;
import io.mirrorscope.core.records.Encoding;
import io.mirrorscope.core.records.RawRecord;
import io.mirrorscope.core.records.RecordDecoder;
import io.mirrorscope.ui.controls.TimeDisplay;

/** The text of the detail pane: coordinates, time, key and value in full (1 MiB cap, JSON pretty-printed), headers. */
final class RecordDetail {

    private RecordDetail() {
    }

    /** The detail of {@code raw}, its time as the table shows it ({@code time}'s zone named). */
    static String of(RawRecord raw, TimeDisplay time) {
        DecodedRecord d = RecordDecoder.DETAIL.decode(raw);
        StringBuilder sb = new StringBuilder();
        sb.append("Partition ").append(d.partition()).append(", offset ").append(d.offset()).append('\n');
        sb.append(time.format(d.timestamp())).append(' ').append(time.zoneLabel()).append(" (")
                .append(d.timestampType()).append(")\n\n");
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
