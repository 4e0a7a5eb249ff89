package io.mirrorscope.core.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TraceBuilderTest {

    private static List<Long> preorderIds(Trace t) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < t.size(); i++) {
            ids.add(t.spanId(t.preorderAt(i)));
        }
        return ids;
    }

    @Test
    void childrenOrderedByStartWhateverTheInputOrder() {
        Trace t = new Spans().span(3, 1, 30, 5).span(1, 0, 0, 100).span(2, 1, 10, 5).span(4, 2, 11, 1).build();
        assertThat(preorderIds(t)).containsExactly(1L, 2L, 4L, 3L);
        assertThat(t.roots()).hasSize(1);
        assertThat(t.spanId(t.roots().getFirst())).isEqualTo(1);
        assertThat(t.maxDepth()).isEqualTo(3);
        assertThat(t.subtreeSize(t.indexOf(1))).isEqualTo(4);
        assertThat(t.subtreeSize(t.indexOf(2))).isEqualTo(2);
        assertThat(t.durationMicros()).isEqualTo(100);
        assertThat(t.warnings()).isEmpty();
    }

    @Test
    void followsFromMakesAParentWhenNoChildOfExists() {
        Trace t = new Spans().span(1, 0, 0, 10).span(2, -1, 20, 10).build();
        int two = t.indexOf(2);
        assertThat(t.parent(two)).isEqualTo(t.indexOf(1));
        assertThat(t.has(two, Trace.FOLLOWS_FROM)).isTrue();
        assertThat(t.durationMicros()).isEqualTo(30);
    }

    @Test
    void childOfWinsOverAnEarlierFollowsFrom() {
        Spans s = new Spans().span(1, 0, 0, 10).span(2, 0, 0, 10);
        TraceBuilder b = s.builder();
        b.beginSpan();
        b.spanId(3);
        b.startMicros(1);
        b.reference(false, null, 1);
        b.reference(true, null, 2);
        b.endSpan();
        Trace t = s.build();
        assertThat(t.parent(t.indexOf(3))).isEqualTo(t.indexOf(2));
        assertThat(t.has(t.indexOf(3), Trace.FOLLOWS_FROM)).isFalse();
        assertThat(t.references(t.indexOf(3))).extracting(Trace.Reference::type)
                .containsExactly("FOLLOWS_FROM", "CHILD_OF");
    }

    @Test
    void orphansHangUnderOneSyntheticRootWithAWarning() {
        Trace t = new Spans().span(1, 0, 0, 100).span(2, 99, 10, 5).span(3, 98, 50, 20).span(4, 3, 55, 1).build();
        assertThat(t.spanCount()).isEqualTo(4);
        assertThat(t.size()).isEqualTo(5);
        assertThat(t.orphans()).isEqualTo(2);
        int synthetic = 4;
        assertThat(t.has(synthetic, Trace.SYNTHETIC)).isTrue();
        assertThat(t.start(synthetic)).isEqualTo(10);
        assertThat(t.end(synthetic)).isEqualTo(70);
        assertThat(t.parent(t.indexOf(2))).isEqualTo(synthetic);
        assertThat(t.has(t.indexOf(3), Trace.ORPHAN)).isTrue();
        assertThat(t.roots()).containsExactly(t.indexOf(1));
        assertThat(t.topLevel()).containsExactly(t.indexOf(1), synthetic);
        // an orphan counts as the root of its subtree: 3 → 4 is two deep, as is the real root alone (1)
        assertThat(t.maxDepth()).isEqualTo(2);
        assertThat(t.warnings()).anyMatch(w -> w.contains("2 spans' parents are not in the trace"));
        assertThat(t.services()).containsExactly("svc");
    }

    @Test
    void severalRootsAreAllTopLevel() {
        Trace t = new Spans().span(5, 0, 50, 1).span(6, 0, 10, 1).span(7, 6, 11, 1).build();
        assertThat(t.roots()).containsExactly(t.indexOf(6), t.indexOf(5));
        assertThat(t.size()).isEqualTo(3);
        assertThat(t.orphans()).isZero();
    }

    @Test
    void duplicateSpanIdsKeepTheFirst() {
        Spans s = new Spans().span(1, 0, 0, 10).span(1, 0, 5, 99);
        Trace t = s.build();
        assertThat(t.spanCount()).isEqualTo(1);
        assertThat(t.duration(0)).isEqualTo(10);
        assertThat(t.warnings()).anyMatch(w -> w.contains("1 duplicate span dropped"));
    }

    @Test
    void clockSkewIsMarkedWhereAChildStartsBeforeItsParent() {
        Trace t = new Spans().span(1, 0, 100, 50).span(2, 1, 90, 20).span(3, 1, 120, 5).build();
        assertThat(t.has(t.indexOf(2), Trace.CLOCK_SKEW)).isTrue();
        assertThat(t.has(t.indexOf(3), Trace.CLOCK_SKEW)).isFalse();
        assertThat(t.startMicros()).isEqualTo(90);
        assertThat(t.warnings()).anyMatch(w -> w.contains("clock skew"));
    }

    @Test
    void referenceCyclesAreBrokenNotLoopedForever() {
        Trace t = new Spans().span(1, 3, 0, 10).span(2, 1, 1, 5).span(3, 2, 2, 1).build();
        assertThat(t.orphans()).isEqualTo(1);
        assertThat(t.size()).isEqualTo(4);
        assertThat(t.subtreeSize(3)).isEqualTo(4);
        assertThat(t.warnings()).anyMatch(w -> w.contains("1 reference cycle broken"));
    }

    @Test
    void aSpanWithoutProcessGetsAPlaceholderServiceAndAWarning() {
        TraceBuilder b = new TraceBuilder("1");
        b.beginSpan();
        b.spanId(1);
        b.process(b.process("p9"));
        b.endSpan();
        Trace t = b.build();
        assertThat(t.traceId()).isEqualTo("0000000000000001");
        assertThat(t.service(0)).isEqualTo("(missing process)");
        assertThat(t.warnings()).anyMatch(w -> w.contains("1 span names a process the trace does not define"));
    }

    @Test
    void tagsLogsAndKindAreKeptCompactlyAndReadBack() {
        TraceBuilder b = new TraceBuilder("ab");
        int p = b.process("p1");
        b.defineProcess(p, "mirror");
        b.processTag(p, "hostname", Trace.STRING, "node-1");
        b.beginSpan();
        b.spanId(7);
        b.tag("span.kind", Trace.STRING, "producer");
        b.tag("error", Trace.BOOL, "true");
        b.tag("big", Trace.INT64, "9223372036854775807");
        b.log(5);
        b.logField("event", Trace.STRING, "sent");
        b.process(p);
        b.endSpan();
        b.beginSpan();
        b.spanId(8);
        b.kind(SpanKind.CONSUMER);
        b.process(p);
        b.endSpan();
        Trace t = b.build();
        assertThat(t.kind(0)).isEqualTo(SpanKind.PRODUCER);
        assertThat(t.has(0, Trace.ERROR)).isTrue();
        assertThat(t.tag(0, "big")).isEqualTo("9223372036854775807");
        assertThat(t.tags(0)).extracting(Trace.Tag::type).containsExactly("string", "bool", "int64");
        assertThat(t.logs(0)).singleElement().satisfies(log -> {
            assertThat(log.timestampMicros()).isEqualTo(5);
            assertThat(log.fields()).containsExactly(new Trace.Tag("event", "string", "sent"));
        });
        assertThat(t.processTags(0)).containsExactly(new Trace.Tag("hostname", "string", "node-1"));
        assertThat(t.kind(1)).isEqualTo(SpanKind.CONSUMER);
        assertThat(t.tags(1)).containsExactly(new Trace.Tag("span.kind", "string", "consumer"));
        assertThat(t.logs(1)).isEmpty();
    }

    @Test
    void aSpanCutShortIsDropped() {
        TraceBuilder b = new TraceBuilder("ab");
        b.beginSpan();
        b.spanId(1);
        b.endSpan();
        b.beginSpan();
        b.spanId(2);
        b.tag("k", Trace.STRING, "v");
        b.abortSpan();
        Trace t = b.build();
        assertThat(t.spanCount()).isEqualTo(1);
        assertThat(t.tags(0)).isEmpty();
    }

    @Test
    void idsInHexOrBase64() {
        assertThat(TraceIds.parseSpanId("00000000000000ff")).isEqualTo(255);
        assertThat(TraceIds.parseSpanId("AAAAAAAAAP8=")).isEqualTo(255);
        assertThat(TraceIds.normalizeTraceId("AAAAAAAAAAAAAAAAAAAAAQ==")).isEqualTo("00000000000000000000000000000001");
        assertThat(TraceIds.normalizeTraceId("ABC")).isEqualTo("0000000000000abc");
        assertThat(TraceIds.sameTrace("0000000000000000000000000000abc1", "000000000000abc1")).isTrue();
        assertThat(TraceIds.sameTrace("1000000000000000000000000000abc1", "000000000000abc1")).isFalse();
    }

    /** A parent with more children than the insertion sort takes: the merge sort orders them, ties by input order. */
    @Test
    void manyChildrenSortedByStartStably() {
        Spans s = new Spans().span(1, 0, 0, 1000);
        for (int id = 2; id <= 101; id++) {
            // starts 99, 98, … with every fifth child tied with the one before it
            s.span(id, 1, id % 5 == 0 ? 101 - id + 1 : 101 - id, 1);
        }
        Trace t = s.build();
        int root = t.indexOf(1);
        long previousStart = -1;
        long previousId = 0;
        for (int c = 0; c < t.childCount(root); c++) {
            int child = t.child(root, c);
            assertThat(t.start(child)).isGreaterThanOrEqualTo(previousStart);
            if (t.start(child) == previousStart) {
                assertThat(t.spanId(child)).as("ties keep input order").isGreaterThan(previousId);
            }
            previousStart = t.start(child);
            previousId = t.spanId(child);
        }
        assertThat(t.childCount(root)).isEqualTo(100);
    }

    /** Integer values stay exact whether kept inline (canonical, 31 bits) or interned (the rest). */
    @Test
    void integerTagValuesKeepTheirText() {
        Spans s = new Spans();
        TraceBuilder b = s.builder();
        b.beginSpan();
        b.spanId(1);
        String[] values = {"0", "42", "999999999", "2147483647", "9007199254740993", "007", "-5", "12a"};
        for (int i = 0; i < values.length; i++) {
            char[] text = ("x" + values[i]).toCharArray();
            b.tag(b.intern(("k" + i).toCharArray(), 0, 2), Trace.INT64, b.internInteger(text, 1, text.length - 1));
        }
        b.endSpan();
        Trace t = s.build();
        assertThat(t.tags(0)).extracting(Trace.Tag::value).containsExactly(values);
        assertThat(t.tag(0, "k1")).isEqualTo("42");
        assertThat(t.tag(0, "k5")).isEqualTo("007");
    }
}
