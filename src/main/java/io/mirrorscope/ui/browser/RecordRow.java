package io.mirrorscope.ui.browser;

import io.mirrorscope.core.records.DecodedRecord;
import io.mirrorscope.core.records.RawRecord;
import io.mirrorscope.core.records.RecordDecoder;
import java.time.Instant;
import java.util.stream.Collectors;

/**
 * One row of the record table. Holds the raw record and decodes it only when a cell asks (table cells exist only
 * for visible rows), once.
 */
public final class RecordRow {

    private final RawRecord raw;
    private DecodedRecord preview;

    RecordRow(RawRecord raw) {
        this.raw = raw;
    }

    public RawRecord raw() {
        return raw;
    }

    /** The preview decoding (4 KiB cap, hex for binary), made on first use. */
    public DecodedRecord preview() {
        if (preview == null) {
            preview = RecordDecoder.PREVIEW.decode(raw);
        }
        return preview;
    }

    public int getPartition() {
        return raw.partition();
    }

    public long getOffset() {
        return raw.offset();
    }

    public String getTimestamp() {
        return Instant.ofEpochMilli(raw.timestamp()).toString();
    }

    public String getKey() {
        return oneLine(preview().key().display());
    }

    public String getValue() {
        return oneLine(preview().value().display());
    }

    public String getHeaders() {
        return preview().headers().stream().map(h -> h.name() + "=" + h.value().display())
                .map(RecordRow::oneLine).collect(Collectors.joining(", "));
    }

    private static String oneLine(String s) {
        String flat = s.replace('\n', ' ').replace('\r', ' ');
        return flat.length() > 200 ? flat.substring(0, 199) + "…" : flat;
    }
}
