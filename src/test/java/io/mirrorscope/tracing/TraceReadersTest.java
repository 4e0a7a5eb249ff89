package io.mirrorscope.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import io.mirrorscope.core.Problem;
import io.mirrorscope.core.trace.SpanKind;
import io.mirrorscope.core.trace.Trace;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TraceReadersTest {

    private static int span(Trace t, String hex) {
        return t.indexOf(Long.parseUnsignedLong(hex, 16));
    }

    @Test
    void v1TraceWithEveryShapeOfTrouble() {
        ParsedTraces parsed = JaegerJsonReader.read(Fixtures.own("v1-trace-shapes.json"), "test");
        assertThat(parsed.problem()).isNull();
        Trace t = parsed.traces().getFirst();
        assertThat(t.traceId()).isEqualTo("7f3a9c2e1b4d5f60a1b2c3d4e5f60718");
        assertThat(t.spanCount()).isEqualTo(7);
        int producer = span(t, "a000000000000001");
        int consumer = span(t, "a000000000000002");
        int audit = span(t, "a000000000000003");
        int process = span(t, "a000000000000004");
        int lost = span(t, "a000000000000005");
        int noProcess = span(t, "a000000000000007");
        assertThat(t.parent(consumer)).isEqualTo(producer);
        assertThat(t.parent(audit)).isEqualTo(producer);
        assertThat(t.has(audit, Trace.FOLLOWS_FROM)).isTrue();
        assertThat(t.has(process, Trace.CLOCK_SKEW)).isTrue();
        assertThat(t.has(process, Trace.ERROR)).isTrue();
        assertThat(t.has(lost, Trace.ORPHAN)).isTrue();
        assertThat(t.orphans()).isEqualTo(1);
        assertThat(t.roots()).extracting(t::spanIdHex).containsExactly("a000000000000001", "a000000000000006");
        assertThat(t.service(noProcess)).isEqualTo("(missing process)");
        assertThat(t.services()).containsExactly("(missing process)", "hello-consumer", "hello-producer");
        assertThat(t.kind(producer)).isEqualTo(SpanKind.PRODUCER);
        assertThat(t.kind(consumer)).isEqualTo(SpanKind.CONSUMER);
        assertThat(t.tag(producer, "record.checksum")).isEqualTo("9007199254740993");
        assertThat(t.tag(producer, "messaging.kafka.message.offset")).isEqualTo("42");
        assertThat(t.tags(producer)).extracting(Trace.Tag::type)
                .containsExactly("string", "string", "int64", "int64", "bool", "float64", "binary");
        assertThat(t.logs(producer)).singleElement().satisfies(log -> {
            assertThat(log.timestampMicros()).isEqualTo(1764400000000100L);
            assertThat(log.fields()).containsExactly(new Trace.Tag("event", "string", "sent"));
        });
        assertThat(t.processTags(producer)).containsExactly(new Trace.Tag("hostname", "string", "node-a"));
        assertThat(t.startMicros()).isEqualTo(1764400000000000L);
        assertThat(t.durationMicros()).isEqualTo(3050);
        assertThat(t.warnings()).anyMatch(w -> w.contains("duplicate"))
                .anyMatch(w -> w.contains("not in the trace"))
                .anyMatch(w -> w.contains("clock skew between hosts"))
                .anyMatch(w -> w.contains("a process the trace does not define"))
                .anyMatch(w -> w.contains("span a000000000000004: clock skew adjustment disabled"));
    }

    @Test
    void aBodyCutShortKeepsWhatParsedAndSaysWhere() {
        ParsedTraces parsed = JaegerJsonReader.read(Fixtures.own("v1-cut-short.json"), "http://jaeger:16686");
        assertThat(parsed.partial()).isTrue();
        assertThat(parsed.problem().kind()).isEqualTo(Problem.Kind.MALFORMED);
        assertThat(parsed.problem().title()).isEqualTo("The answer from http://jaeger:16686 was cut short");
        assertThat(parsed.problem().detail()).contains("at byte");
        assertThat(parsed.problem().hint()).startsWith("showing the 4 spans read before that point");
        Trace t = parsed.traces().getFirst();
        assertThat(t.spanCount()).isEqualTo(4);
        assertThat(t.warnings()).anyMatch(w -> w.contains("cut short"));
    }

    @Test
    void garbageIsMalformedWithNothingParsed() {
        ParsedTraces parsed = JaegerJsonReader.read("<html>502 Bad Gateway</html>".getBytes(StandardCharsets.UTF_8),
                "x");
        assertThat(parsed.traces()).isEmpty();
        assertThat(parsed.problem().title()).isEqualTo("The answer from x is not valid trace JSON");
        assertThat(parsed.problem().hint()).contains("port 16686");
    }

    @Test
    void jsonThatIsNotJaegersIsMalformedNotEmpty() {
        ParsedTraces parsed = JaegerJsonReader.read("{\"apiVersion\":\"v1\",\"kind\":\"List\",\"items\":[]}"
                .getBytes(StandardCharsets.UTF_8), "x");
        assertThat(parsed.problem().title()).isEqualTo("The answer from x is not valid trace JSON");
        assertThat(parsed.problem().detail()).startsWith("no 'data' or trace fields");
    }

    @Test
    void envelopeErrorsAreKept() {
        ParsedTraces parsed = JaegerJsonReader.read(Fixtures.own("v1-not-found.json"), "x");
        assertThat(parsed.traces()).isEmpty();
        assertThat(parsed.errors()).containsExactly("404 trace not found");
        assertThat(parsed.problem()).isNull();
    }

    @Test
    void apiV3OtlpWithItsTraps() {
        ParsedTraces parsed = OtlpJsonReader.read(Fixtures.own("v3-trace-shapes.json"), "test");
        assertThat(parsed.problem()).isNull();
        assertThat(parsed.traces()).hasSize(1);
        Trace t = parsed.traces().getFirst();
        assertThat(t.traceId()).isEqualTo("5b8efff798038103d269b633813fc60c");
        assertThat(t.spanCount()).isEqualTo(3);
        int receive = span(t, "eee19b7ec3c1b174");
        int publish = span(t, "eee19b7ec3c1b175");
        int unnamed = span(t, "1000000000000001");
        assertThat(t.parent(publish)).isEqualTo(receive);
        assertThat(t.roots()).containsExactly(receive, unnamed);
        assertThat(t.kind(receive)).isEqualTo(SpanKind.CONSUMER);
        assertThat(t.kind(publish)).isEqualTo(SpanKind.PRODUCER);
        assertThat(t.kind(unnamed)).isEqualTo(SpanKind.UNSPECIFIED);
        assertThat(t.has(publish, Trace.ERROR)).isTrue();
        assertThat(t.tag(publish, "otel.status_description")).isEqualTo("send failed");
        assertThat(t.references(publish)).extracting(Trace.Reference::type).containsExactly("CHILD_OF",
                "FOLLOWS_FROM");
        assertThat(t.start(receive)).isEqualTo(1764400000000000L);
        assertThat(t.duration(receive)).isEqualTo(2500);
        assertThat(t.tag(receive, "messaging.kafka.message.offset")).isEqualTo("9007199254740993");
        assertThat(t.tag(receive, "messaging.batch")).isEqualTo("true");
        assertThat(t.tag(receive, "partitions")).isEqualTo("[0,3]");
        assertThat(t.tag(receive, "headers")).isEqualTo("{\"k\":\"v\"}");
        assertThat(t.tag(receive, "empty")).isEqualTo("");
        assertThat(t.tag(receive, "otel.scope.name")).isEqualTo("io.opentelemetry.kafka-clients-2.6");
        assertThat(t.service(receive)).isEqualTo("mirror-maker");
        assertThat(t.processTags(receive)).containsExactly(new Trace.Tag("host.cores", "int64", "8"));
        assertThat(t.service(unnamed)).isEqualTo("unknown_service");
        assertThat(t.logs(receive)).singleElement().satisfies(log -> {
            assertThat(log.timestampMicros()).isEqualTo(1764400000001000L);
            assertThat(log.fields()).containsExactly(new Trace.Tag("event", "string", "rebalance"),
                    new Trace.Tag("gen", "int64", "3"));
        });
    }

    @Test
    void upstreamV1FixturesParse() {
        Trace ui01 = JaegerJsonReader.read(Fixtures.upstream("api/v1-ui-trace_ui_01.json"), "ui_01").traces()
                .getFirst();
        // ui_01 repeats span 2 and references 00000000000000ff, which is not in the trace
        assertThat(ui01.warnings()).anyMatch(w -> w.contains("duplicate"));
        assertThat(ui01.tag(0, "javascript_limit")).isNull();
        assertThat(ui01.traceId()).isEqualTo("0000000000000001");
        for (String name : List.of("api/v1-envelope-otlp2jaeger-out.json", "ui/otlp2jaeger-out.json",
                "ui/oltp2jaeger-multi-out.json")) {
            ParsedTraces parsed = JaegerJsonReader.read(Fixtures.upstream(name), name);
            assertThat(parsed.problem()).as(name).isNull();
            assertThat(parsed.traces()).as(name).isNotEmpty();
            assertThat(parsed.traces().getFirst().spanCount()).as(name).isPositive();
        }
    }

    @Test
    void upstreamApiV3FixturesParse() {
        for (String name : List.of("api/api_v3-GetTrace.json", "api/api_v3-FindTraces.json",
                "api/otlp-json-example_trace.json", "api/otlp-json-otlp2jaeger-in.json")) {
            ParsedTraces parsed = OtlpJsonReader.read(Fixtures.upstream(name), name);
            assertThat(parsed.problem()).as(name).isNull();
            assertThat(parsed.traces()).as(name).isNotEmpty();
        }
        Trace getTrace = OtlpJsonReader.read(Fixtures.upstream("api/api_v3-GetTrace.json"), "x").traces().getFirst();
        assertThat(getTrace.kind(0)).isEqualTo(SpanKind.SERVER);
        assertThat(getTrace.has(0, Trace.ERROR)).isTrue();
    }

    /** Jaeger's own pair: the OTLP input and the v1 JSON it becomes must read as the same trace. */
    @Test
    void otlpAndItsJaegerTranslationReadAlike() {
        Trace otlp = OtlpJsonReader.read(Fixtures.upstream("api/otlp-json-otlp2jaeger-in.json"), "in").traces()
                .getFirst();
        Trace v1 = JaegerJsonReader.read(Fixtures.upstream("api/v1-envelope-otlp2jaeger-out.json"), "out")
                .traces().getFirst();
        assertThat(describe(otlp)).isEqualTo(describe(v1));
        assertThat(otlp.spanCount()).isPositive();
    }

    private static List<String> describe(Trace t) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < t.size(); i++) {
            int s = t.preorderAt(i);
            lines.add(t.spanIdHex(s) + " " + t.service(s) + " " + t.operation(s) + " " + t.start(s) + " "
                    + t.duration(s) + " " + t.kind(s) + " " + t.depth(s) + " " + t.flags(s) + " "
                    + t.tag(s, "peer.service"));
        }
        lines.add(t.traceId() + " " + t.orphans() + " " + t.warnings());
        return lines;
    }
}
