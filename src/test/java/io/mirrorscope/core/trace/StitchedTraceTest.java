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
}
