package io.mirrorscope.core.records;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * Turns record bytes into text without ever failing: valid UTF-8 stays text, anything else becomes Base64 or hex.
 *
 * <p>Only the first {@code capBytes} bytes are looked at, so a 50 MB value costs no more than the cap; a cut value
 * is marked {@link DecodedValue#truncated()}. A cut never splits a UTF-8 sequence: an incomplete sequence at the
 * cut is dropped, not reported as invalid. JSON objects and arrays are pretty-printed when asked and not cut
 * (a cut document is not JSON any more).
 *
 * @param capBytes       how many bytes to decode at most
 * @param binaryEncoding {@link Encoding#BASE64} or {@link Encoding#HEX}, for bytes that are not text
 * @param prettyJson     pretty-print JSON objects and arrays
 * @param strictText     treat valid UTF-8 with control characters (other than tab, CR, LF) as binary; right for
 *                       screens, wrong for the CLI's JSON output, which must keep every valid UTF-8 string
 */
public record RecordDecoder(int capBytes, Encoding binaryEncoding, boolean prettyJson, boolean strictText) {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** For the CLI: whole values, UTF-8 or Base64, JSON left as it was written. */
    public static final RecordDecoder CLI = new RecordDecoder(Integer.MAX_VALUE, Encoding.BASE64, false, false);

    /** For table cells: 4 KiB, hex for binary, no pretty-printing. */
    public static final RecordDecoder PREVIEW = new RecordDecoder(4 * 1024, Encoding.HEX, false, true);

    /** For the detail pane: 1 MiB, hex for binary, JSON pretty-printed. */
    public static final RecordDecoder DETAIL = new RecordDecoder(1024 * 1024, Encoding.HEX, true, true);

    public RecordDecoder {
        if (capBytes <= 0) {
            throw new IllegalArgumentException("capBytes must be positive: " + capBytes);
        }
        if (binaryEncoding != Encoding.BASE64 && binaryEncoding != Encoding.HEX) {
            throw new IllegalArgumentException("binaryEncoding must be BASE64 or HEX: " + binaryEncoding);
        }
    }

    /** Decodes a whole record. */
    public DecodedRecord decode(RawRecord record) {
        List<DecodedRecord.DecodedHeader> headers = new ArrayList<>(record.headers().size());
        for (RawRecord.Header h : record.headers()) {
            headers.add(new DecodedRecord.DecodedHeader(h.name(), decode(h.value())));
        }
        return new DecodedRecord(record.partition(), record.offset(), record.timestamp(), record.timestampType(),
                decode(record.key()), decode(record.value()), headers);
    }

    /** Decodes one byte array; null gives {@link DecodedValue#NULL}. */
    public DecodedValue decode(byte[] bytes) {
        if (bytes == null) {
            return DecodedValue.NULL;
        }
        int size = bytes.length;
        int length = Math.min(size, capBytes);
        boolean truncated = length < size;
        String text = utf8OrNull(bytes, length, truncated);
        if (text != null && strictText && hasControlCharacters(text)) {
            text = null;
        }
        if (text == null) {
            byte[] head = truncated ? Arrays.copyOf(bytes, length) : bytes;
            String encoded = binaryEncoding == Encoding.HEX
                    ? HexFormat.ofDelimiter(" ").formatHex(head)
                    : Base64.getEncoder().encodeToString(head);
            return new DecodedValue(encoded, binaryEncoding, truncated, size);
        }
        if (prettyJson && !truncated) {
            String pretty = prettyJsonOrNull(text);
            if (pretty != null) {
                return new DecodedValue(pretty, Encoding.JSON, false, size);
            }
        }
        return new DecodedValue(text, Encoding.UTF8, truncated, size);
    }

    private static String utf8OrNull(byte[] bytes, int length, boolean truncated) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, 0, length);
        CharBuffer out = CharBuffer.allocate(length);
        // endOfInput=false when cut: a sequence split by the cut is left over, not an error.
        CoderResult result = decoder.decode(in, out, !truncated);
        if (result.isError()) {
            return null;
        }
        if (!truncated) {
            result = decoder.flush(out);
            if (result.isError() || in.hasRemaining()) {
                return null;
            }
        } else if (in.remaining() > 3) {
            return null;
        }
        out.flip();
        return out.toString();
    }

    private static boolean hasControlCharacters(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) {
                return true;
            }
        }
        return false;
    }

    private static String prettyJsonOrNull(String text) {
        String trimmed = text.strip();
        if (trimmed.isEmpty() || (trimmed.charAt(0) != '{' && trimmed.charAt(0) != '[')) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(trimmed);
            return node == null ? null : JSON.writeValueAsString(node);
        } catch (JsonProcessingException notJson) {
            return null;
        }
    }
}
