package io.mirrorscope.core.records;

/** How a key, value or header was turned into text. */
public enum Encoding {
    /** The bytes were absent (null key, tombstone value). */
    NULL("null"),
    /** Valid UTF-8 text, shown as is. */
    UTF8("utf8"),
    /** Valid UTF-8 that parsed as a JSON object or array; shown pretty-printed where asked. */
    JSON("json"),
    /** Not text: Base64 of the bytes. */
    BASE64("base64"),
    /** Not text: hexadecimal bytes separated by spaces. */
    HEX("hex");

    private final String label;

    Encoding(String label) {
        this.label = label;
    }

    /** The lowercase name used in JSON output and in the UI. */
    public String label() {
        return label;
    }

    /** True when the text is the bytes themselves (UTF-8 or JSON), not an encoding of them. */
    public boolean isText() {
        return this == UTF8 || this == JSON;
    }
}
