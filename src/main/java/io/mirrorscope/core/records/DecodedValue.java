package io.mirrorscope.core.records;

import java.util.Objects;

/**
 * Bytes made readable.
 *
 * @param text      the text to show; null only when {@code encoding} is {@link Encoding#NULL}
 * @param encoding  how {@code text} relates to the bytes
 * @param truncated true when only the first bytes (up to the decoder's cap) were decoded
 * @param size      the full size in bytes (0 for null)
 */
public record DecodedValue(String text, Encoding encoding, boolean truncated, int size) {

    /** The value of absent bytes. */
    public static final DecodedValue NULL = new DecodedValue(null, Encoding.NULL, false, 0);

    public DecodedValue {
        Objects.requireNonNull(encoding, "encoding");
        if (text == null && encoding != Encoding.NULL) {
            throw new IllegalArgumentException("text is null but encoding is " + encoding);
        }
    }

    /** The text with a visible mark when it was cut, for tables and detail panes. */
    public String display() {
        if (text == null) {
            return "";
        }
        return truncated ? text + " … [truncated, " + size + " bytes]" : text;
    }
}
