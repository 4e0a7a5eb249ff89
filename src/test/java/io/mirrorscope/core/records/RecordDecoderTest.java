package io.mirrorscope.core.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RecordDecoderTest {

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void nullStaysNull() {
        assertThat(RecordDecoder.CLI.decode((byte[]) null)).isEqualTo(DecodedValue.NULL);
        assertThat(DecodedValue.NULL.text()).isNull();
    }

    @Test
    void validUtf8IsText() {
        DecodedValue v = RecordDecoder.CLI.decode(utf8("Hello world - 7 — ünïcödé 🚀"));
        assertThat(v.encoding()).isEqualTo(Encoding.UTF8);
        assertThat(v.text()).isEqualTo("Hello world - 7 — ünïcödé 🚀");
        assertThat(v.truncated()).isFalse();
    }

    @Test
    void invalidUtf8BecomesBase64ForCliAndHexForScreens() {
        byte[] bytes = {(byte) 0xff, (byte) 0xfe, 0x41, 0x00};
        DecodedValue cli = RecordDecoder.CLI.decode(bytes);
        assertThat(cli.encoding()).isEqualTo(Encoding.BASE64);
        assertThat(Base64.getDecoder().decode(cli.text())).isEqualTo(bytes);
        DecodedValue screen = RecordDecoder.PREVIEW.decode(bytes);
        assertThat(screen.encoding()).isEqualTo(Encoding.HEX);
        assertThat(screen.text()).isEqualTo("ff fe 41 00");
    }

    @Test
    void controlCharactersAreBinaryOnScreensButTextInCli() {
        byte[] bytes = {0x01, 0x02, 'a'};
        assertThat(RecordDecoder.CLI.decode(bytes).encoding()).isEqualTo(Encoding.UTF8);
        assertThat(RecordDecoder.PREVIEW.decode(bytes).encoding()).isEqualTo(Encoding.HEX);
        assertThat(RecordDecoder.PREVIEW.decode(utf8("a\tb\r\nc")).encoding()).isEqualTo(Encoding.UTF8);
    }

    @Test
    void jsonIsPrettyPrintedInDetailOnly() {
        byte[] json = utf8("{\"a\":1,\"b\":[true,null]}");
        DecodedValue detail = RecordDecoder.DETAIL.decode(json);
        assertThat(detail.encoding()).isEqualTo(Encoding.JSON);
        assertThat(detail.text()).contains("\n").contains("\"a\" : 1");
        assertThat(RecordDecoder.CLI.decode(json).text()).isEqualTo("{\"a\":1,\"b\":[true,null]}");
        // not JSON after all: trailing garbage keeps it plain text
        assertThat(RecordDecoder.DETAIL.decode(utf8("{\"a\":1} x")).encoding()).isEqualTo(Encoding.UTF8);
        assertThat(RecordDecoder.DETAIL.decode(utf8("{not json")).encoding()).isEqualTo(Encoding.UTF8);
    }

    @Test
    void capTruncatesAndMarksWithoutSplittingACharacter() {
        RecordDecoder small = new RecordDecoder(5, Encoding.HEX, true, true);
        // "aaaa" + 'é' (2 bytes): the cut at 5 falls inside é
        DecodedValue v = small.decode(utf8("aaaaébc"));
        assertThat(v.encoding()).isEqualTo(Encoding.UTF8);
        assertThat(v.text()).isEqualTo("aaaa");
        assertThat(v.truncated()).isTrue();
        assertThat(v.size()).isEqualTo(8);
        assertThat(v.display()).contains("truncated").contains("8 bytes");
        DecodedValue bin = small.decode(new byte[] {(byte) 0xff, 1, 2, 3, 4, 5, 6});
        assertThat(bin.text()).isEqualTo("ff 01 02 03 04");
        assertThat(bin.truncated()).isTrue();
    }

    @Test
    void headersDecodeToo() {
        RawRecord raw = new RawRecord(2, 9, 1000L, "CreateTime", null, utf8("v"),
                List.of(new RawRecord.Header("traceparent", utf8("00-abc-def-01")),
                        new RawRecord.Header("bin", new byte[] {(byte) 0xc3}),
                        new RawRecord.Header("nothing", null)));
        DecodedRecord d = RecordDecoder.CLI.decode(raw);
        assertThat(d.key()).isEqualTo(DecodedValue.NULL);
        assertThat(d.headers()).extracting(h -> h.value().encoding())
                .containsExactly(Encoding.UTF8, Encoding.BASE64, Encoding.NULL);
        assertThat(d.headers().getFirst().value().text()).isEqualTo("00-abc-def-01");
    }

    @Test
    void randomBytesNeverThrowAndBase64RoundTrips() {
        Random random = new Random(42);
        for (int i = 0; i < 2000; i++) {
            byte[] bytes = new byte[random.nextInt(64)];
            random.nextBytes(bytes);
            for (RecordDecoder decoder : List.of(RecordDecoder.CLI, RecordDecoder.PREVIEW, RecordDecoder.DETAIL,
                    new RecordDecoder(7, Encoding.BASE64, true, false))) {
                DecodedValue v = decoder.decode(bytes);
                assertThat(v.text()).isNotNull();
                if (decoder == RecordDecoder.CLI) {
                    byte[] back = v.encoding() == Encoding.BASE64
                            ? Base64.getDecoder().decode(v.text())
                            : v.text().getBytes(StandardCharsets.UTF_8);
                    assertThat(back).isEqualTo(bytes);
                }
            }
        }
    }
}
