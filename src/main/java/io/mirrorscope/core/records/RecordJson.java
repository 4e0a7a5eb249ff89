package io.mirrorscope.core.records;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One record as one line of JSON, the same wherever a record leaves the app as JSON (the CLI's {@code records -o
 * json}, the topic browser's "Copy row as JSON"): partition, offset, timestamp, timestampType, key, value, headers
 * (name → value; the last of a repeated name), keyEncoding, valueEncoding ({@code utf8}, {@code base64},
 * {@code hex} or null for absent bytes).
 */
public final class RecordJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RecordJson() {
    }

    /** {@code r} as one line of JSON. */
    public static String line(DecodedRecord r) {
        ObjectNode o = JSON.createObjectNode();
        o.put("partition", r.partition());
        o.put("offset", r.offset());
        o.put("timestamp", r.timestamp());
        o.put("timestampType", r.timestampType());
        o.put("key", r.key().text());
        o.put("value", r.value().text());
        ObjectNode headers = o.putObject("headers");
        for (DecodedRecord.DecodedHeader h : r.headers()) {
            headers.put(h.name(), h.value().text());
        }
        o.put("keyEncoding", encoding(r.key()));
        o.put("valueEncoding", encoding(r.value()));
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("JSON of a record", e);
        }
    }

    private static String encoding(DecodedValue v) {
        return v.text() == null ? null : v.encoding().label();
    }
}
