package io.mirrorscope.ui.browser;

import io.mirrorscope.core.records.DecodedRecord;
import io.mirrorscope.core.records.RawRecord;
import io.mirrorscope.core.records.RecordDecoder;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One row of the record table. Holds a preview of the record (key, value and header values cut to
 * {@code previewBytes}), never the full record: a table of large records costs its previews, and the detail pane
 * reads a cut record again by partition and offset. Decodes only when a cell asks, once.
 */
public final class RecordRow {

    /** What a row costs beyond its bytes (objects, the table's bookkeeping); part of the byte budget. */
    static final int OVERHEAD_BYTES = 160;

    private final RawRecord raw;
    private final int fullSize;
    private final boolean cut;
    private DecodedRecord preview;

    private RecordRow(RawRecord raw, int fullSize, boolean cut) {
        this.raw = raw;
        this.fullSize = fullSize;
        this.cut = cut;
    }

    /** A row of {@code record}, keeping at most {@code previewBytes} of each byte array. */
    static RecordRow of(RawRecord record, int previewBytes) {
        boolean[] cut = {false};
        byte[] key = cut(record.key(), previewBytes, cut);
        byte[] value = cut(record.value(), previewBytes, cut);
        List<RawRecord.Header> headers = record.headers().stream()
                .map(h -> new RawRecord.Header(h.name(), cut(h.value(), previewBytes, cut))).toList();
        RawRecord kept = cut[0] ? new RawRecord(record.partition(), record.offset(), record.timestamp(),
                record.timestampType(), key, value, headers) : record;
        return new RecordRow(kept, record.sizeInBytes(), cut[0]);
    }

    private static byte[] cut(byte[] bytes, int max, boolean[] cut) {
        if (bytes == null || bytes.length <= max) {
            return bytes;
        }
        cut[0] = true;
        return Arrays.copyOf(bytes, max);
    }

    /** The record as kept: the full record when it fit the preview size, its preview otherwise. */
    public RawRecord raw() {
        return raw;
    }

    /** Whether the row holds only a preview (the detail pane reads the record again). */
    public boolean isCut() {
        return cut;
    }

    /** Bytes of the record as read from the broker. */
    public int fullSize() {
        return fullSize;
    }

    /** What this row holds in memory, for the table's byte budget. */
    long cost() {
        return raw.sizeInBytes() + OVERHEAD_BYTES;
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
