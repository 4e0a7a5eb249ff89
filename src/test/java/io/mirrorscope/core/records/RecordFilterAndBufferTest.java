package io.mirrorscope.core.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordFilterAndBufferTest {

    private static RawRecord rec(long offset, String key, String value, String header, String headerValue) {
        List<RawRecord.Header> headers = header == null ? List.of()
                : List.of(new RawRecord.Header(header, headerValue.getBytes(StandardCharsets.UTF_8)));
        return new RawRecord(0, offset, offset, "CreateTime",
                key == null ? null : key.getBytes(StandardCharsets.UTF_8),
                value.getBytes(StandardCharsets.UTF_8), headers);
    }

    private static DecodedRecord d(RawRecord r) {
        return RecordDecoder.PREVIEW.decode(r);
    }

    @Test
    void substringIsCaseInsensitiveOnKeyOrValue() {
        RecordFilter f = new RecordFilter("WORLD", false, "", "");
        assertThat(f.test(d(rec(1, null, "Hello world - 1", null, null)))).isTrue();
        assertThat(f.test(d(rec(2, "world-key", "x", null, null)))).isTrue();
        assertThat(f.test(d(rec(3, "k", "other", null, null)))).isFalse();
        assertThat(RecordFilter.NONE.test(d(rec(3, "k", "other", null, null)))).isTrue();
    }

    @Test
    void substringSearchIgnoresCaseWithoutCopying() {
        assertThat(RecordFilter.containsIgnoreCase("payload ... END", "end")).isTrue();
        assertThat(RecordFilter.containsIgnoreCase("Straße in München", "MÜNCHEN")).isTrue();
        assertThat(RecordFilter.containsIgnoreCase("eeeeeeEnd", "eNd")).isTrue();
        assertThat(RecordFilter.containsIgnoreCase("en", "end")).isFalse();
        assertThat(RecordFilter.containsIgnoreCase("abc", "")).isTrue();
        assertThat(RecordFilter.containsIgnoreCase("a-b-c", "b-d")).isFalse();
        RecordFilter compiled = new RecordFilter("NEEDLE", false, "", "");
        assertThat(compiled.compiled().test(d(rec(1, null, "x".repeat(10_000) + "needle", null, null))))
                .as("the preview decoder cuts at 4 KiB: whole values come from the caller's decoding").isFalse();
        assertThat(compiled.compiled().test(RecordDecoder.CLI.decode(rec(1, null, "x".repeat(10_000) + "needle",
                null, null)))).isTrue();
    }

    @Test
    void regexAndItsErrors() {
        RecordFilter f = new RecordFilter("- \\d{2}$", true, "", "");
        assertThat(f.regexError()).isNull();
        assertThat(f.test(d(rec(1, null, "Hello world - 12", null, null)))).isTrue();
        assertThat(f.test(d(rec(1, null, "Hello world - 1", null, null)))).isFalse();
        RecordFilter bad = new RecordFilter("([", true, "", "");
        assertThat(bad.regexError()).isNotNull();
        assertThat(bad.test(d(rec(1, null, "([", null, null)))).isFalse();
    }

    @Test
    void headerNameAndValue() {
        RecordFilter f = new RecordFilter("", false, "traceparent", "abc");
        assertThat(f.test(d(rec(1, null, "v", "traceparent", "00-ABC-1")))).isTrue();
        assertThat(f.test(d(rec(1, null, "v", "traceparent", "00-zzz-1")))).isFalse();
        assertThat(f.test(d(rec(1, null, "v", null, null)))).isFalse();
    }

    @Test
    void bufferDropsOldestBeyondCountAndBytes() {
        RecordBuffer buffer = new RecordBuffer(3, 1_000_000);
        buffer.addAll(List.of(rec(1, null, "a", null, null), rec(2, null, "b", null, null)));
        buffer.addAll(List.of(rec(3, null, "c", null, null), rec(4, null, "d", null, null)));
        assertThat(buffer.dropped()).isEqualTo(1);
        assertThat(buffer.drain()).extracting(RawRecord::offset).containsExactly(2L, 3L, 4L);
        assertThat(buffer.size()).isZero();

        RecordBuffer bytes = new RecordBuffer(100, 25);
        bytes.addAll(List.of(rec(1, null, "0123456789", null, null), rec(2, null, "0123456789", null, null),
                rec(3, null, "0123456789", null, null)));
        assertThat(bytes.drain()).extracting(RawRecord::offset).containsExactly(2L, 3L);
        assertThat(bytes.added()).isEqualTo(3);
    }
}
