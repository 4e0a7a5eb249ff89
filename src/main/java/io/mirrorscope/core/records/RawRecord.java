package io.mirrorscope.core.records;

import java.util.List;
import java.util.Objects;

/**
 * One record as read from a partition, bytes untouched. Decoding happens later and only for what is shown
 * ({@link RecordDecoder}), so a buffer of these costs little more than the bytes themselves.
 *
 * @param partition     partition number
 * @param offset        offset within the partition
 * @param timestamp     epoch milliseconds
 * @param timestampType "CreateTime", "LogAppendTime" or "NoTimestampType", as Kafka names them
 * @param key           key bytes; null when the record has no key
 * @param value         value bytes; null for a tombstone
 * @param headers       headers in record order (names may repeat)
 */
public record RawRecord(int partition, long offset, long timestamp, String timestampType, byte[] key, byte[] value,
        List<Header> headers) {

    /** A record header: a name and raw bytes (null allowed, as Kafka allows it). */
    public record Header(String name, byte[] value) {
        public Header {
            Objects.requireNonNull(name, "name");
        }
    }

    public RawRecord {
        Objects.requireNonNull(timestampType, "timestampType");
        headers = headers == null ? List.of() : List.copyOf(headers);
    }

    /** Bytes of key, value and headers: what this record costs in a buffer. */
    public int sizeInBytes() {
        int size = (key == null ? 0 : key.length) + (value == null ? 0 : value.length);
        for (Header h : headers) {
            size += h.name().length() + (h.value() == null ? 0 : h.value().length);
        }
        return size;
    }
}
