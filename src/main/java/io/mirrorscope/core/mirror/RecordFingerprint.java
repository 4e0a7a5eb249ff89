package io.mirrorscope.core.mirror;

import io.mirrorscope.core.records.RawRecord;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * Summarises a record for the matcher: a 128-bit MurmurHash3 fingerprint of timestamp, key, value and headers, a
 * key hash and a key preview. Trace headers are left out of the fingerprint because a traced mirror rewrites them
 * on the copy (OpenTelemetry's producer interceptor replaces {@code traceparent}); 128 bits because 64 give about a
 * 3 % chance of one collision in a billion-record partition.
 *
 * <p>Each part is length-prefixed, so moving bytes between key and value changes the fingerprint. Header order
 * counts (Kafka keeps it, and MM2 copies it). One instance per thread (it reuses its hasher).
 */
public final class RecordFingerprint {

    /** Length of {@link RecordSummary#keyPreview()}. */
    public static final int PREVIEW_CHARS = 32;

    private static final Set<String> TRACE_HEADERS = Set.of("traceparent", "tracestate", "uber-trace-id", "b3");
    private static final long KEY_SEED = 0x6b65794b6579L;

    private final String sourcePartitionHeader;
    private final String sourceOffsetHeader;
    private final Murmur3 hasher = new Murmur3();
    private final long[] out = new long[2];

    /** A fingerprinter that reads no source-coordinate headers. */
    public RecordFingerprint() {
        this(null, null);
    }

    /**
     * A fingerprinter that also reads a copy's source coordinates from headers.
     *
     * @param sourcePartitionHeader header naming the source partition on a copy (e.g. Lenses K2K's); null for none
     * @param sourceOffsetHeader    header naming the source offset on a copy; null for none
     */
    public RecordFingerprint(String sourcePartitionHeader, String sourceOffsetHeader) {
        this.sourcePartitionHeader = sourcePartitionHeader;
        this.sourceOffsetHeader = sourceOffsetHeader;
    }

    /** True for the trace headers a traced mirror rewrites: traceparent, tracestate, uber-trace-id, b3, X-B3-*. */
    public static boolean isTraceHeader(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return TRACE_HEADERS.contains(n) || n.startsWith("x-b3-");
    }

    /**
     * The summary of a record.
     *
     * @param observedAt wall-clock ms of a live read, or -1 for history
     */
    public RecordSummary summarize(RawRecord r, long observedAt) {
        Murmur3 h = hasher.reset(0);
        h.putLong(r.timestamp());
        putNullable(h, r.key());
        putNullable(h, r.value());
        int sourcePartition = -1;
        long sourceOffset = -1;
        for (RawRecord.Header header : r.headers()) {
            String name = header.name();
            if (sourcePartitionHeader != null && name.equals(sourcePartitionHeader)) {
                sourcePartition = (int) number(header.value());
            } else if (sourceOffsetHeader != null && name.equals(sourceOffsetHeader)) {
                sourceOffset = number(header.value());
            }
            if (isTraceHeader(name)) {
                continue;
            }
            h.putInt(name.length()).putChars(name);
            putNullable(h, header.value());
        }
        h.finish(out);
        long hi = out[0];
        long lo = out[1];
        long keyHash = 0;
        if (r.key() != null) {
            h.reset(KEY_SEED).putBytes(r.key()).finish(out);
            keyHash = out[0] == 0 ? 1 : out[0];
        }
        return new RecordSummary(r.partition(), r.offset(), r.timestamp(), "LogAppendTime".equals(r.timestampType()),
                keyHash, preview(r.key()), hi, lo, observedAt, sourceOffset < 0 ? -1 : sourcePartition,
                sourcePartition < 0 ? -1 : sourceOffset);
    }

    private static void putNullable(Murmur3 h, byte[] b) {
        if (b == null) {
            h.putInt(-1);
        } else {
            h.putInt(b.length).putBytes(b);
        }
    }

    /** A header value as a number: ASCII decimal, or a 4- or 8-byte big-endian integer; -1 when neither. */
    static long number(byte[] v) {
        if (v == null || v.length == 0) {
            return -1;
        }
        boolean digits = true;
        for (byte b : v) {
            digits &= b >= '0' && b <= '9';
        }
        if (digits && v.length <= 18) {
            return Long.parseLong(new String(v, StandardCharsets.US_ASCII));
        }
        if (v.length == 4 || v.length == 8) {
            long n = 0;
            for (byte b : v) {
                n = (n << 8) | (b & 0xff);
            }
            return n;
        }
        return -1;
    }

    /** Short text of a key: UTF-8 when printable, else hex; cut with "…". */
    static String preview(byte[] key) {
        if (key == null) {
            return "";
        }
        int n = Math.min(key.length, PREVIEW_CHARS * 4);
        String text = new String(key, 0, n, StandardCharsets.UTF_8);
        boolean printable = text.chars().allMatch(c -> c >= 0x20 && c != 0x7f && c != 0xfffd);
        if (!printable) {
            StringBuilder hex = new StringBuilder("0x");
            for (int i = 0; i < Math.min(key.length, PREVIEW_CHARS / 2 - 1); i++) {
                hex.append(Character.forDigit((key[i] >> 4) & 0xf, 16)).append(Character.forDigit(key[i] & 0xf, 16));
            }
            return key.length > PREVIEW_CHARS / 2 - 1 ? hex + "…" : hex.toString();
        }
        return text.length() > PREVIEW_CHARS || n < key.length ? text.substring(0, Math.min(text.length(),
                PREVIEW_CHARS - 1)) + "…" : text;
    }
}
