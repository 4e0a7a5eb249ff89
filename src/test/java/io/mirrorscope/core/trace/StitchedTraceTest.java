package io.mirrorscope.core.trace;

import static org.assertj.core.api.Assertions.assertThat;

import io.mirrorscope.core.trace.EndToEndPath.Role;
import java.util.List;
import org.junit.jupiter.api.Test;

class StitchedTraceTest {

    private static final StitchedTrace.Pair PAIR = StitchedTrace.Pair.of("my-topic", 3, 42,
            "europe-cluster.my-topic", 3, 40);

    @Test
    void aSplitRecordIsOneTimelineWithTheSourceTraceFirst() {
        // the copy's trace is passed first: the rows still start with the source record's trace
        StitchedTrace view = StitchedTrace.of(List.of(EndToEndPathTest.copyTrace(), EndToEndPathTest.sourceOnly()),
                PAIR);
        assertThat(view.split()).isTrue();
        assertThat(view.rows()).extracting(r -> view.traces().get(r.trace()).spanId(r.span()))
                .containsExactly(1L, 30L, 31L);
        assertThat(view.rows()).extracting(StitchedTrace.Row::hop)
                .containsExactly(Role.PRODUCE, Role.MIRROR_PRODUCE, Role.CONSUME);
        assertThat(view.rows()).extracting(StitchedTrace.Row::depth).containsExactly(0, 0, 1);
        assertThat(view.startMicros()).isEqualTo(1_000);
        assertThat(view.endMicros()).isEqualTo(9_050);
        assertThat(view.replicationDelayMicros()).isEqualTo(5_700 - 1_000);
    }

    @Test
    void theMirrorsOwnConsumeTraceSitsBetween() {
        StitchedTrace view = StitchedTrace.of(List.of(EndToEndPathTest.sourceOnly(), EndToEndPathTest.copyTrace(),
                EndToEndPathTest.mirrorConsumeTrace()), PAIR);
        assertThat(view.rows()).extracting(r -> view.traces().get(r.trace()).spanId(r.span()))
                .containsExactly(1L, 20L, 30L, 31L);
        assertThat(view.path().segments()).extracting(EndToEndPath.Segment::segment).containsExactly(
                "producer send", "queue", "mirror", "replication", "consumer processing");
    }

    @Test
    void oneTracePerRecordIsTakenOnceAndIsNotSplit() {
        Trace trace = EndToEndPathTest.oneTracePerRecord();
        StitchedTrace view = StitchedTrace.of(trace, EndToEndPathTest.oneTracePerRecord(), PAIR);
        assertThat(view.traces()).hasSize(1);
        assertThat(view.split()).isFalse();
        assertThat(view.rows()).hasSize(5);
        assertThat(view.path().segments()).hasSize(5);
    }

    @Test
    void tracesOffThePathFollowByStartTime() {
        Trace unrelated = new EndToEndPathTest.Builder("0000000000000000000000000000dddd")
                .internal(1, 0, 10, 5, "x").build();
        StitchedTrace view = StitchedTrace.of(List.of(EndToEndPathTest.sourceOnly(), unrelated,
                EndToEndPathTest.copyTrace()), PAIR);
        assertThat(view.rows()).extracting(StitchedTrace.Row::service).containsExactly("hello-world-producer",
                "my-mirror-maker2", "hello-world-consumer", "x");
    }

    @Test
    void mergedIsOneTraceWithBothTreesAndTheHopsFound() {
        StitchedTrace view = StitchedTrace.of(List.of(EndToEndPathTest.sourceOnly(), EndToEndPathTest.copyTrace(),
                EndToEndPathTest.mirrorConsumeTrace()), PAIR);
        Trace merged = view.merged();
        assertThat(merged.spanCount()).isEqualTo(4);
        assertThat(merged.traceId()).isEqualTo(view.traces().getFirst().traceId());
        // the mirror's consume links (FOLLOWS_FROM) into the source trace: it hangs under the producer; the copy's
        // trace is a second tree, its consumer under the mirror's produce
        assertThat(merged.roots()).extracting(merged::spanId).containsExactly(1L, 30L);
        assertThat(merged.parent(merged.indexOf(20))).isEqualTo(merged.indexOf(1));
        assertThat(merged.has(merged.indexOf(20), Trace.FOLLOWS_FROM)).isTrue();
        assertThat(merged.parent(merged.indexOf(31))).isEqualTo(merged.indexOf(30));
        assertThat(merged.services()).containsExactly("hello-world-consumer", "hello-world-producer",
                "my-mirror-maker2");
        assertThat(merged.tag(merged.indexOf(31), "messaging.kafka.message.offset")).isEqualTo("40");
        assertThat(merged.kind(merged.indexOf(20))).isEqualTo(SpanKind.CONSUMER);
        assertThat(merged.startMicros()).isEqualTo(view.startMicros());
        assertThat(merged.endMicros()).isEqualTo(view.endMicros());
        for (EndToEndPath.Hop hop : view.path().hops()) {
            int at = view.mergedSpan(merged, hop);
            assertThat(merged.spanIdHex(at)).isEqualTo(view.path().spanIdHex(hop));
        }
        assertThat(merged.warnings()).isEmpty();
    }
}
