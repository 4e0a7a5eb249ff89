package io.mirrorscope.core.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class TraceContextTest {

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "traceparent|00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01|4bf92f3577b34da6a3ce929d0e0e4736|"
                + "00f067aa0ba902b7|true",
        "traceparent|00-4BF92F3577B34DA6A3CE929D0E0E4736-00F067AA0BA902B7-00|4bf92f3577b34da6a3ce929d0e0e4736|"
                + "00f067aa0ba902b7|false",
        "traceparent|01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-09-extra|4bf92f3577b34da6a3ce929d0e0e4736|"
                + "00f067aa0ba902b7|true",
        "uber-trace-id|3c8b5f1e2a9d4e7f:6a1b2c3d4e5f6071:0:1|3c8b5f1e2a9d4e7f|6a1b2c3d4e5f6071|true",
        "uber-trace-id|3c8b5f1e2a9d4e7f%3A6a1b2c3d4e5f6071%3A0%3A1|3c8b5f1e2a9d4e7f|6a1b2c3d4e5f6071|true",
        "uber-trace-id|5e7f:a1:0:0|0000000000005e7f|00000000000000a1|false",
        "uber-trace-id|4bf92f3577b34da6a3ce929d0e0e4736:00f067aa0ba902b7:0:3|4bf92f3577b34da6a3ce929d0e0e4736|"
                + "00f067aa0ba902b7|true",
        "uber-trace-id|bf92f3577b34da6a3ce929d0e0e4736:f067aa0ba902b7:0:3|0bf92f3577b34da6a3ce929d0e0e4736|"
                + "00f067aa0ba902b7|true",
        "b3|80f198ee56343ba864fe8b2a57d3eff7-e457b5a2e4d86bd1-1-05e3ac9a4f6e3b90|80f198ee56343ba864fe8b2a57d3eff7|"
                + "e457b5a2e4d86bd1|true",
        "b3|a3ce929d0e0e4736-00f067aa0ba902b7|a3ce929d0e0e4736|00f067aa0ba902b7|",
        "b3|80f198ee56343ba864fe8b2a57d3eff7-e457b5a2e4d86bd1-d|80f198ee56343ba864fe8b2a57d3eff7|e457b5a2e4d86bd1|true",
    })
    void parsesEachHeaderForm(String header, String value, String traceId, String spanId, Boolean sampled) {
        TraceContext context = TraceContext.parse(header, value);
        assertThat(context.traceId()).isEqualTo(traceId);
        assertThat(context.spanId()).isEqualTo(spanId);
        assertThat(context.sampled()).isEqualTo(sampled);
    }

    @ParameterizedTest(name = "{0}: ''{1}''")
    @CsvSource(delimiter = '|', value = {
        "traceparent|00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7|version-traceid-spanid-flags",
        "traceparent|ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01|bad version",
        "traceparent|00-00000000000000000000000000000000-00f067aa0ba902b7-01|trace id",
        "traceparent|00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01|parent id",
        "traceparent|00-4bf92f3577b34da6a3ce929d0e0e473-00f067aa0ba902b7-01|trace id",
        "traceparent|00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-x|four fields",
        "traceparent|00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-zz|flags",
        "uber-trace-id|3c8b5f1e2a9d4e7f:6a1b2c3d4e5f6071:0|traceid:spanid",
        "uber-trace-id|0:6a1b2c3d4e5f6071:0:1|trace id",
        "uber-trace-id|xyz:6a1b2c3d4e5f6071:0:1|trace id",
        "uber-trace-id|3c8b5f1e2a9d4e7f:6a1b2c3d4e5f60711:0:1|span id",
        "b3|80f198ee56343ba864fe8b2a57d3eff7|traceid-spanid",
        "b3|80f198ee56343ba8-e457b5a2e4d86bd1-x|sampling state",
        "b3|80f198ee56343ba-e457b5a2e4d86bd1|trace id",
    })
    void rejectsMalformedValuesSayingWhy(String header, String value, String reason) {
        assertThatThrownBy(() -> TraceContext.parse(header, value))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(reason);
    }

    @Test
    void b3SamplingOnlyCarriesNoIds() {
        assertThat(TraceContext.parse("b3", "0")).isNull();
        assertThat(TraceContext.parse("B3", "d")).isNull();
    }

    private static Map.Entry<String, byte[]> h(String name, String value) {
        return Map.entry(name, value.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void headersAreTriedInOrderAndAMalformedOneFallsThroughWithAWarning() {
        TraceContext.Found found = TraceContext.fromHeaders(List.of(
                h("uber-trace-id", "3c8b5f1e2a9d4e7f:6a1b2c3d4e5f6071:0:1"),
                h("traceparent", "garbage")));
        assertThat(found.context().source()).isEqualTo("uber-trace-id");
        assertThat(found.warnings()).singleElement().asString().startsWith("traceparent:");
    }

    @Test
    void b3MultiHeadersWithAnyCase() {
        TraceContext.Found found = TraceContext.fromHeaders(List.of(
                h("X-B3-TraceId", "80f198ee56343ba864fe8b2a57d3eff7"), h("X-B3-SpanId", "e457b5a2e4d86bd1"),
                h("X-B3-Sampled", "1")));
        assertThat(found.context()).isEqualTo(new TraceContext("80f198ee56343ba864fe8b2a57d3eff7",
                "e457b5a2e4d86bd1", true, "X-B3-*"));
        TraceContext.Found noSpan = TraceContext.fromHeaders(List.of(h("x-b3-traceid", "80f198ee56343ba8")));
        assertThat(noSpan.present()).isFalse();
        assertThat(noSpan.warnings()).singleElement().asString().contains("without X-B3-SpanId");
    }

    @Test
    void fromARecordsHeadersTheLastValueOfARepeatedHeaderWins() {
        io.mirrorscope.core.records.RawRecord record = new io.mirrorscope.core.records.RawRecord(0, 7, 0,
                "CreateTime", null, null, List.of(
                new io.mirrorscope.core.records.RawRecord.Header("traceparent",
                        "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01".getBytes(StandardCharsets.UTF_8)),
                new io.mirrorscope.core.records.RawRecord.Header("empty", null),
                new io.mirrorscope.core.records.RawRecord.Header("traceparent",
                        "00-0af7651916cd43dd8448eb211c80319c-00f067aa0ba902b7-01".getBytes(StandardCharsets.UTF_8))));
        assertThat(TraceContext.fromRecord(record).context().spanId()).isEqualTo("00f067aa0ba902b7");
    }

    @Test
    void noTraceHeadersMeansNoContext() {
        TraceContext.Found found = TraceContext.fromHeaders(List.of(h("content-type", "json")));
        assertThat(found.present()).isFalse();
        assertThat(found.warnings()).isEmpty();
    }
}
