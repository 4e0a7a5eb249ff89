package io.mirrorscope.core.trace;

import static org.assertj.core.api.Assertions.assertThat;

import io.mirrorscope.core.trace.EndToEndPath.Role;
import io.mirrorscope.core.trace.EndToEndPath.Segment;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EndToEndPathTest {

    static final String SOURCE_TRACE = "0000000000000000000000000000aaaa";
    static final String TARGET_TRACE = "0000000000000000000000000000bbbb";
    static final String MIRROR_TRACE = "0000000000000000000000000000cccc";

    /** Hand-built spans with messaging attributes and references, like the sandbox's interceptors write them. */
    static final class Builder {
        private final TraceBuilder b;

        Builder(String traceId) {
            b = new TraceBuilder(traceId);
        }

        /** {@code parent} 0 for a root; {@code link} a "traceId:spanId" FOLLOWS_FROM reference or null. */
        Builder span(long id, long parent, long start, long duration, SpanKind kind, String service, String topic,
                     Integer partition, Long offset, String link) {
            b.beginSpan();
            b.spanId(id);
            b.operation(topic == null ? "work" + id : (kind == SpanKind.PRODUCER ? "To_" : "From_") + topic);
            b.startMicros(start);
            b.durationMicros(duration);
            int p = b.process(service);
            b.defineProcess(p, service);
            b.process(p);
            b.kind(kind);
            if (parent > 0) {
                b.reference(true, null, parent);
            }
            if (link != null) {
                String[] parts = link.split(":");
                b.reference(false, parts[0], Long.parseLong(parts[1]));
            }
            if (topic != null) {
                b.tag("messaging.destination.name", Trace.STRING, topic);
            }
            if (partition != null) {
                b.tag("messaging.kafka.destination.partition", Trace.INT64, partition.toString());
            }
            if (offset != null) {
                b.tag("messaging.kafka.message.offset", Trace.INT64, offset.toString());
            }
            b.endSpan();
            return this;
        }

        Builder internal(long id, long parent, long start, long duration, String service) {
            return span(id, parent, start, duration, SpanKind.INTERNAL, service, null, null, null, null);
        }

        Trace build() {
            return b.build();
        }
    }

    /** The sandbox's default: one trace per record (the mirror parents on the record's headers). */
    static Trace oneTracePerRecord() {
        return new Builder(SOURCE_TRACE)
                .span(1, 0, 1_000, 200, SpanKind.PRODUCER, "hello-world-producer", "my-topic", 3, 42L, null)
                .span(2, 1, 5_000, 100, SpanKind.CONSUMER, "my-mirror-maker2", "my-topic", 3, 42L, null)
                .span(3, 2, 5_300, 400, SpanKind.PRODUCER, "my-mirror-maker2", "europe-cluster.my-topic", 3, null,
                        null)
                .span(4, 3, 9_000, 50, SpanKind.CONSUMER, "hello-world-consumer", "europe-cluster.my-topic", 3, 40L,
                        null)
                .internal(5, 4, 9_100, 900, "hello-world-consumer")
                .build();
    }

    static Stream<Arguments> singleTraces() {
        Trace direct = new Builder(SOURCE_TRACE)
                .span(1, 0, 100, 10, SpanKind.PRODUCER, "p", "t", 0, 7L, null)
                .span(2, 1, 150, 20, SpanKind.CONSUMER, "c", "t", 0, 7L, null)
                .build();
        // the consumer carries no reference, only the record's coordinates (a consumer that started its own trace
        // but logged the offset); its processing runs until its last child ends
        Trace byOffset = new Builder(SOURCE_TRACE)
                .internal(9, 0, 50, 500, "p")
                .span(1, 9, 100, 10, SpanKind.PRODUCER, "p", "t", 0, 7L, null)
                .span(2, 0, 300, 20, SpanKind.CONSUMER, "c", "t", 0, 7L, null)
                .internal(3, 2, 310, 90, "c")
                .span(4, 0, 200, 20, SpanKind.CONSUMER, "c", "t", 0, 8L, null)
                .build();
        Trace noConsumer = new Builder(SOURCE_TRACE)
                .span(1, 0, 100, 10, SpanKind.PRODUCER, "p", "t", 0, 7L, null)
                .build();
        // clock skew: the consumer's host is behind, the queue time comes out negative and stays visible
        Trace skewed = new Builder(SOURCE_TRACE)
                .span(1, 0, 100, 50, SpanKind.PRODUCER, "p", "t", 0, 7L, null)
                .span(2, 1, 120, 20, SpanKind.CONSUMER, "c", "t", 0, 7L, null)
                .build();
        return Stream.of(
                Arguments.of("one trace per record", oneTracePerRecord(), List.of(
                        "producer send 1-1 1000..1200", "queue 1-2 1200..5000", "mirror 2-3 5000..5700",
                        "replication 3-4 5700..9000", "consumer processing 4-4 9000..10000")),
                Arguments.of("producer then consumer", direct, List.of(
                        "producer send 1-1 100..110", "queue 1-2 110..150", "consumer processing 2-2 150..170")),
                Arguments.of("joined by offset", byOffset, List.of(
                        "producer send 1-1 100..110", "queue 1-2 110..300", "consumer processing 2-2 300..400")),
                Arguments.of("no consumer", noConsumer, List.of("producer send 1-1 100..110")),
                Arguments.of("clock skew", skewed, List.of(
                        "producer send 1-1 100..150", "queue 1-2 150..120", "consumer processing 2-2 120..140")));
    }

    static List<String> describe(EndToEndPath path) {
        List<String> out = new ArrayList<>();
        for (Segment s : path.segments()) {
            out.add(s.segment() + " " + path.traces().get(s.from().trace()).spanId(s.from().span()) + "-"
                    + path.traces().get(s.to().trace()).spanId(s.to().span()) + " " + s.startMicros() + ".."
                    + s.endMicros());
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("singleTraces")
    void segmentsOfOneTrace(String name, Trace trace, List<String> expected) {
        assertThat(describe(EndToEndPath.of(trace))).containsExactlyElementsOf(expected);
    }

    @Test
    void theMirrorHopsAndTheDelayFromSpans() {
        EndToEndPath path = EndToEndPath.of(oneTracePerRecord());
        assertThat(path.hops()).extracting(EndToEndPath.Hop::role).containsExactly(Role.PRODUCE,
                Role.MIRROR_CONSUME, Role.MIRROR_PRODUCE, Role.CONSUME);
        // mirror produce end (5700) - source send start (1000)
        assertThat(path.replicationDelayMicros()).isEqualTo(4_700);
        assertThat(path.warnings()).isEmpty();
        // Jaeger's critical path drops messaging spans: the hops are only on this path
        assertThat(CriticalPath.spanIds(oneTracePerRecord(), CriticalPath.jaeger(oneTracePerRecord())))
                .doesNotContain(path.spanIdHex(path.hop(Role.CONSUME)));
    }

    @Test
    void withoutAMirrorThereIsNoTraceDelay() {
        Trace direct = new Builder(SOURCE_TRACE)
                .span(1, 0, 100, 10, SpanKind.PRODUCER, "p", "t", 0, 7L, null)
                .span(2, 1, 150, 20, SpanKind.CONSUMER, "c", "t", 0, 7L, null)
                .build();
        assertThat(EndToEndPath.of(direct).replicationDelayMicros()).isEqualTo(-1);
    }

    @Test
    void aTraceWithoutProducerHasNoPathAndSaysSo() {
        Trace t = new Builder(SOURCE_TRACE).internal(1, 0, 0, 10, "x").build();
        EndToEndPath path = EndToEndPath.of(t);
        assertThat(path.segments()).isEmpty();
        assertThat(path.warnings()).singleElement().asString().contains("no PRODUCER");
    }

    /** Stock OpenTelemetry interceptors in the mirror: the source trace, the mirror's consume trace, the copy's. */
    static Trace sourceOnly() {
        return new Builder(SOURCE_TRACE)
                .span(1, 0, 1_000, 200, SpanKind.PRODUCER, "hello-world-producer", "my-topic", 3, 42L, null)
                .build();
    }

    static Trace mirrorConsumeTrace() {
        return new Builder(MIRROR_TRACE)
                .span(20, 0, 5_000, 100, SpanKind.CONSUMER, "my-mirror-maker2", "my-topic", 3, 42L,
                        SOURCE_TRACE + ":1")
                .build();
    }

    static Trace copyTrace() {
        return new Builder(TARGET_TRACE)
                .span(30, 0, 5_300, 400, SpanKind.PRODUCER, "my-mirror-maker2", "europe-cluster.my-topic", 3, null,
                        null)
                .span(31, 30, 9_000, 50, SpanKind.CONSUMER, "hello-world-consumer", "europe-cluster.my-topic", 3,
                        40L, null)
                .build();
    }

    static Stream<Arguments> splitTraces() {
        EndToEndPath.RecordKey source = EndToEndPath.RecordKey.of("my-topic", 3, 42);
        EndToEndPath.RecordKey target = EndToEndPath.RecordKey.of("europe-cluster.my-topic", 3, 40);
        return Stream.of(
                Arguments.of("two traces: the mirror's consume is in neither", List.of(sourceOnly(), copyTrace()),
                        source, target, List.of("producer send 1-1 1000..1200", "queue + mirror 1-30 1200..5700",
                                "replication 30-31 5700..9000", "consumer processing 31-31 9000..9050")),
                Arguments.of("three traces: the mirror's consume links to the source",
                        List.of(sourceOnly(), copyTrace(), mirrorConsumeTrace()), source, target, List.of(
                                "producer send 1-1 1000..1200", "queue 1-20 1200..5000", "mirror 20-30 5000..5700",
                                "replication 30-31 5700..9000", "consumer processing 31-31 9000..9050")),
                Arguments.of("the copy's header names the mirror's produce span",
                        List.of(sourceOnly(), copyTrace()), new EndToEndPath.RecordKey(null, -1, -1, 1),
                        new EndToEndPath.RecordKey(null, -1, -1, 30), List.of("producer send 1-1 1000..1200",
                                "queue + mirror 1-30 1200..5700", "replication 30-31 5700..9000",
                                "consumer processing 31-31 9000..9050")),
                Arguments.of("without the pairing the traces do not join", List.of(sourceOnly(), copyTrace()), null,
                        null, List.of("producer send 1-1 1000..1200")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("splitTraces")
    void segmentsAcrossTraces(String name, List<Trace> traces, EndToEndPath.RecordKey source,
                              EndToEndPath.RecordKey target, List<String> expected) {
        assertThat(describe(EndToEndPath.of(traces, source, target))).containsExactlyElementsOf(expected);
    }

    @Test
    void aCopyOnAnotherPartitionDoesNotJoin() {
        EndToEndPath path = EndToEndPath.of(List.of(sourceOnly(), copyTrace()),
                EndToEndPath.RecordKey.of("my-topic", 3, 42), EndToEndPath.RecordKey.of("europe-cluster.my-topic",
                        4, 40));
        assertThat(describe(path)).containsExactly("producer send 1-1 1000..1200");
        assertThat(path.replicationDelayMicros()).isEqualTo(-1);
        assertThat(path.warnings()).isNotEmpty();
    }
}
