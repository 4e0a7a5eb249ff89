package io.mirrorscope.ui.browser;

import io.mirrorscope.core.records.DecodedRecord;
import io.mirrorscope.core.records.RawRecord;
import io.mirrorscope.core.records.RecordDecoder;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One row of the record table. Holds the record's bytes whole up to {@code keepBytes} per key, value and header
 * value (1 MiB by default, the detail pane's cap), so the filters search whole values, not previews; the table's
 * byte budget counts what rows hold and drops the oldest. A value beyond {@code keepBytes} is cut, and the detail
 * pane reads it again by partition and offset. Cells decode a 4 KiB preview, on first use, once.
 */
public final class RecordRow {

    /** What a row costs beyond its bytes (objects, the table's bookkeeping); part of the byte budget. */
    static final int OVERHEAD_BYTES = 160;

    /** Whole values, hex for binary (as cells show it), no pretty-printing: what filters search. */
    static final RecordDecoder SEARCH = new RecordDecoder(Integer.MAX_VALUE, io.mirrorscope.core.records.Encoding.HEX,
            false, true);

    private final RawRecord raw;
    private final int fullSize;
    private final boolean cut;
    private final long seq;
    private DecodedRecord preview;

    private RecordRow(RawRecord raw, int fullSize, boolean cut, long seq) {
        this.raw = raw;
        this.fullSize = fullSize;
        this.cut = cut;
        this.seq = seq;
    }

    /**
     * A row of {@code record}, keeping at most {@code keepBytes} of each byte array; {@code seq} counts rows in the
     * order they arrived (a filter pass remembers up to which row it looked).
     */
    static RecordRow of(RawRecord record, int keepBytes, long seq) {
        boolean[] cut = {false};
        byte[] key = cut(record.key(), keepBytes, cut);
        byte[] value = cut(record.value(), keepBytes, cut);
        List<RawRecord.Header> headers = record.headers().stream()
                .map(h -> new RawRecord.Header(h.name(), cut(h.value(), keepBytes, cut))).toList();
        RawRecord kept = cut[0] ? new RawRecord(record.partition(), record.offset(), record.timestamp(),
                record.timestampType(), key, value, headers) : record;
        return new RecordRow(kept, record.sizeInBytes(), cut[0], seq);
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

    /** Arrival order: rows of one read get increasing numbers. */
    long seq() {
        return seq;
    }

    /** The record as the filters search it: every byte the row holds, decoded (not stored: decoded per pass). */
    DecodedRecord searchable() {
        return SEARCH.decode(raw);
    }

    /** Whether the row holds only the first bytes of the record (the detail pane reads the record again). */
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

    /** Epoch milliseconds (the time column formats them per the app's time setting). */
    public long getTimestamp() {
        return raw.timestamp();
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
