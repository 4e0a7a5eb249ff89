package io.mirrorscope.core.trace;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TraceFindTest {

    /** Root 1 (svc) → 2 (kafka), 3 (db); 2 → 4; tags on 2 and 4; 4 has an inline integer offset. */
    private static Trace trace() {
        Spans s = new Spans().span(1, 0, 0, 100).span(2, 1, 10, 50, SpanKind.PRODUCER, "kafka")
                .span(3, 1, 70, 20, SpanKind.CLIENT, "db").span(4, 2, 20, 5, SpanKind.CONSUMER, "kafka");
        TraceBuilder b = s.builder();
        Trace t = s.build();
        return t;
    }

    private static Trace tagged() {
        Spans s = new Spans();
        TraceBuilder b = s.builder();
        s.span(1, 0, 0, 100);
        b.beginSpan();
        b.spanId(2);
        b.startMicros(10);
        b.reference(true, null, 1);
        b.tag("messaging.destination.name", Trace.STRING, "Orders-EU");
        char[] offset = "4711".toCharArray();
        b.tag(b.intern("messaging.kafka.message.offset".toCharArray(), 0, 30), Trace.INT64,
                b.internInteger(offset, 0, offset.length));
        b.endSpan();
        b.beginSpan();
        b.spanId(3);
        b.startMicros(20);
        b.reference(true, null, 1);
        b.tag("messaging.destination.name", Trace.STRING, "payments");
        b.endSpan();
        return s.build();
    }

    private static long[] ids(Trace t, int[] spans) {
        long[] ids = new long[spans.length];
        for (int i = 0; i < spans.length; i++) {
            ids[i] = t.spanId(spans[i]);
        }
        return ids;
    }

    @Test
    void matchesServiceAndOperationWithoutCaseInDisplayOrder() {
        Trace t = trace();
        assertThat(ids(t, TraceFind.find(t, "KAFKA"))).containsExactly(2, 4);
        assertThat(ids(t, TraceFind.find(t, "op3"))).containsExactly(3);
        assertThat(ids(t, TraceFind.find(t, "kafka op4"))).as("every term must match").containsExactly(4);
        assertThat(TraceFind.find(t, "  ")).isEmpty();
        assertThat(TraceFind.find(t, "nothing-like-it")).isEmpty();
    }

    @Test
    void matchesTagsByValueAndByKeyEqualsValue() {
        Trace t = tagged();
        assertThat(ids(t, TraceFind.find(t, "orders"))).containsExactly(2);
        assertThat(ids(t, TraceFind.find(t, "messaging.destination.name=pay"))).containsExactly(3);
        assertThat(ids(t, TraceFind.find(t, "messaging.kafka.message.offset=4711"))).containsExactly(2);
        assertThat(ids(t, TraceFind.find(t, "471"))).as("inline integer values are searched too").containsExactly(2);
        assertThat(TraceFind.find(t, "no.such.key=x")).isEmpty();
        assertThat(ids(t, TraceFind.find(t, "0000000000000003"))).as("span id").containsExactly(3);
    }

    @Test
    void stepsForwardAndBackWithWrapAround() {
        Trace t = trace();
        int[] matches = TraceFind.find(t, "kafka");
        int two = t.indexOf(2);
        int four = t.indexOf(4);
        assertThat(TraceFind.step(t, matches, -1, true)).isEqualTo(two);
        assertThat(TraceFind.step(t, matches, -1, false)).isEqualTo(four);
        assertThat(TraceFind.step(t, matches, two, true)).isEqualTo(four);
        assertThat(TraceFind.step(t, matches, four, true)).as("wraps").isEqualTo(two);
        assertThat(TraceFind.step(t, matches, two, false)).as("wraps back").isEqualTo(four);
        // from a span that is not a match: the next match after it in display order
        assertThat(TraceFind.step(t, matches, t.indexOf(1), true)).isEqualTo(two);
        assertThat(TraceFind.step(t, matches, t.indexOf(3), true)).isEqualTo(two);
        assertThat(TraceFind.step(t, matches, t.indexOf(3), false)).isEqualTo(four);
        assertThat(TraceFind.step(t, new int[0], two, true)).isEqualTo(-1);
    }

    @Test
    void overviewCountsBarsPerCell() {
        Trace t = trace();
        int[] rows = TraceLayout.visibleRows(t, new java.util.BitSet());
        // 4 rows in 4 pixel rows, 100 µs in 10 columns
        int[] cells = TraceLayout.overview(t, rows, 10, 4);
        assertThat(cells).hasSize(40);
        int[] root = java.util.Arrays.copyOfRange(cells, 0, 10);
        assertThat(root).as("the root covers every column").containsOnly(1);
        // row 1 is span 2 (10..60 µs): columns 1..6
        assertThat(java.util.Arrays.copyOfRange(cells, 10, 20)).containsExactly(0, 1, 1, 1, 1, 1, 1, 0, 0, 0);
        // two pixel rows for four rows: counts add up
        int[] squeezed = TraceLayout.overview(t, rows, 10, 2);
        assertThat(squeezed[0]).isEqualTo(1);
        assertThat(squeezed[1]).isEqualTo(2);
        assertThat(TraceLayout.overview(t, new int[0], 10, 2)).containsOnly(0);
    }

    @Test
    void preorderPositionInvertsPreorderAt() {
        Trace t = trace();
        for (int i = 0; i < t.size(); i++) {
            assertThat(t.preorderPosition(t.preorderAt(i))).isEqualTo(i);
        }
    }
}
