package io.mirrorscope.core.trace;

import static org.assertj.core.api.Assertions.assertThat;

import io.mirrorscope.core.trace.CriticalPath.Section;
import java.util.List;
import org.junit.jupiter.api.Test;

class CriticalPathTest {

    private static List<long[]> sections(Trace t, List<Section> path) {
        return path.stream().map(s -> new long[] {t.spanId(s.span()), s.startMicros(), s.endMicros()}).toList();
    }

    /** Jaeger UI's test2: X [1,101] with A [10,50] and C [20,60]: X 60–101, C 20–60, X 1–20. */
    @Test
    void lastFinishingChildThenBackToTheParentAsJaegerUiDoes() {
        Trace t = new Spans().span(1, 0, 1, 100).span(2, 1, 10, 40).span(3, 1, 20, 40).build();
        assertThat(sections(t, CriticalPath.jaeger(t))).containsExactly(
                new long[] {1, 60, 101}, new long[] {3, 20, 60}, new long[] {1, 1, 20});
        assertThat(CriticalPath.spanIds(t, CriticalPath.jaeger(t)))
                .containsExactly("0000000000000001", "0000000000000003");
    }

    @Test
    void aChildThatEndedBeforeTheReturningChildStartedIsNextOnThePath() {
        // root [0,100]; a [10,30]; b [40,90]: root 90–100, b 40–90, root 30–40, a 10–30, root 0–10
        Trace t = new Spans().span(1, 0, 0, 100).span(2, 1, 10, 20).span(3, 1, 40, 50).build();
        assertThat(sections(t, CriticalPath.jaeger(t))).containsExactly(
                new long[] {1, 90, 100}, new long[] {3, 40, 90}, new long[] {1, 30, 40}, new long[] {2, 10, 30},
                new long[] {1, 0, 10});
    }

    @Test
    void childrenAreClippedToTheirParentAndThoseOutsideDropped() {
        // child 2 overflows the root's end (clipped to 100); child 3 starts after the root ends (dropped)
        Trace t = new Spans().span(1, 0, 0, 100).span(2, 1, 50, 100).span(3, 1, 120, 10).build();
        assertThat(sections(t, CriticalPath.jaeger(t))).containsExactly(
                new long[] {2, 50, 100}, new long[] {1, 0, 50});
    }

    @Test
    void followsFromChildrenAreNotOnThePath() {
        Trace t = new Spans().span(1, 0, 0, 100).span(2, -1, 10, 80).build();
        assertThat(sections(t, CriticalPath.jaeger(t))).containsExactly(new long[] {1, 0, 100});
    }

    @Test
    void messagingChildrenAreDroppedLikeJaegerOrKeptOnRequest() {
        Trace t = new Spans().span(1, 0, 0, 100).span(2, 1, 10, 80, SpanKind.PRODUCER, "app")
                .span(3, 2, 20, 60, SpanKind.INTERNAL, "app").build();
        assertThat(sections(t, CriticalPath.jaeger(t))).containsExactly(new long[] {1, 0, 100});
        assertThat(sections(t, CriticalPath.of(t, false))).containsExactly(
                new long[] {1, 90, 100}, new long[] {2, 80, 90}, new long[] {3, 20, 80}, new long[] {2, 10, 20},
                new long[] {1, 0, 10});
    }

    @Test
    void startsAtTheEarliestRealRoot() {
        Trace t = new Spans().span(9, 0, 50, 10).span(8, 0, 0, 10).span(7, 77, 1, 1).build();
        assertThat(sections(t, CriticalPath.jaeger(t))).containsExactly(new long[] {8, 0, 10});
    }

    @Test
    void aDeepChainDoesNotOverflowTheStack() {
        Spans s = new Spans();
        int n = 200_000;
        for (int i = 1; i <= n; i++) {
            s.span(i, i - 1, i, 2L * (n - i) + 1);
        }
        Trace t = s.build();
        List<Section> path = CriticalPath.jaeger(t);
        assertThat(path.getFirst().span()).isEqualTo(t.indexOf(1));
        int leaf = t.indexOf(n);
        assertThat(path).anyMatch(sec -> sec.span() == leaf);
        assertThat(t.maxDepth()).isEqualTo(n);
    }

    @Test
    void selfTimeSubtractsTheUnionOfClippedChildren() {
        // root [0,100], children [10,30] and [20,50] overlap (union 40), child [90,120] clipped to 10 → self 50
        Trace t = new Spans().span(1, 0, 0, 100).span(2, 1, 10, 20).span(3, 1, 20, 30).span(4, 1, 90, 30).build();
        assertThat(SelfTimes.of(t, t.indexOf(1))).isEqualTo(50);
        assertThat(SelfTimes.of(t, t.indexOf(2))).isEqualTo(20);
        List<SelfTimes.Row> rows = SelfTimes.byServiceAndOperation(t);
        assertThat(rows.getFirst()).isEqualTo(new SelfTimes.Row("svc", "op1", 1, 100, 50));
        assertThat(rows).hasSize(4);
    }
}
