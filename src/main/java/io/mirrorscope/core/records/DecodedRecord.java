package io.mirrorscope.core.records;

import java.util.List;

/**
 * A record made readable: what tables, detail panes and the CLI show.
 *
 * @param partition     partition number
 * @param offset        offset
 * @param timestamp     epoch milliseconds
 * @param timestampType Kafka's timestamp type name
 * @param key           the key as text
 * @param value         the value as text
 * @param headers       headers as text, in record order
 */
public record DecodedRecord(int partition, long offset, long timestamp, String timestampType, DecodedValue key,
        DecodedValue value, List<DecodedHeader> headers) {

    /** A header made readable. */
    public record DecodedHeader(String name, DecodedValue value) {
    }

    public DecodedRecord {
        headers = List.copyOf(headers);
    }
}
