package io.mirrorscope.ui.sidebyside;

/**
 * What the feed keeps of a source record for the table and the filters, beyond the matcher's key preview: a short
 * value preview and the headers as "name=value" text. The matcher keeps neither (it keeps fingerprints).
 */
public record RecordPreview(String value, String headers) {

    public static final RecordPreview NONE = new RecordPreview("", "");

    public RecordPreview {
        value = value == null ? "" : value;
        headers = headers == null ? "" : headers;
    }
}
