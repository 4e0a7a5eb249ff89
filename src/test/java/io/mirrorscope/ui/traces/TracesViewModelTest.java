package io.mirrorscope.ui.traces;

import static org.assertj.core.api.Assertions.assertThat;

import io.mirrorscope.core.trace.EndToEndPath;
import io.mirrorscope.core.trace.StitchedTrace;
import io.mirrorscope.core.trace.Trace;
import io.mirrorscope.tracing.JaegerJsonReader;
import io.mirrorscope.tracing.ParsedTraces;
import io.mirrorscope.ui.common.BackgroundWork;
import io.mirrorscope.ui.controls.TraceTimeline;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/** The traces view's logic without a toolkit: find status and stepping, the end-to-end path, the details grid. */
class TracesViewModelTest {

    private final TracesViewModel viewModel = new TracesViewModel(new BackgroundWork(Runnable::run, Runnable::run));

    private static ParsedTraces split() throws IOException {
        try (InputStream in = TracesViewModelTest.class.getResourceAsStream("/jaeger/v1-split-record.json")) {
            return JaegerJsonReader.read(in.readAllBytes(), "fixture");
        }
    }

    @Test
    void findCountsAndStepsThroughMatchesWithWrapAround() throws IOException {
        Trace source = split().traces().getFirst();
        viewModel.show(source);
        viewModel.findProperty().set("my-topic");
        assertThat(viewModel.matchesProperty().get()).hasSize(2);
        assertThat(viewModel.findStatusProperty().get()).isEqualTo("2 matches");
        int first = viewModel.stepMatch(-1, true);
        assertThat(source.operation(first)).isEqualTo("To_my-topic");
        assertThat(viewModel.findStatusProperty().get()).isEqualTo("1 of 2");
        int second = viewModel.stepMatch(first, true);
        assertThat(source.operation(second)).isEqualTo("From_my-topic");
        assertThat(viewModel.stepMatch(second, true)).isEqualTo(first);
        viewModel.findProperty().set("nothing like it");
        assertThat(viewModel.findStatusProperty().get()).isEqualTo("no match");
        assertThat(viewModel.stepMatch(first, true)).isEqualTo(-1);
    }

    @Test
    void theEndToEndPathOfOneTraceStopsWhereTheMirrorSplitIt() throws IOException {
        viewModel.show(split().traces().getFirst());
        viewModel.endToEndProperty().set(true);
        assertThat(viewModel.pathBandsProperty().get()).extracting(TraceTimeline.Band::label)
                .doesNotContain(EndToEndPath.REPLICATION);
        assertThat(viewModel.pathNoteProperty().get()).doesNotContain("replication delay");
        viewModel.endToEndProperty().set(false);
        assertThat(viewModel.pathBandsProperty().get()).isEmpty();
        assertThat(viewModel.pathSpansProperty().get().isEmpty()).isTrue();
    }

    @Test
    void aStitchedPairReachesTheCopyAndShowsTheReplicationDelay() throws IOException {
        ParsedTraces parsed = split();
        StitchedTrace stitched = StitchedTrace.of(parsed.traces().get(0), parsed.traces().get(1),
                StitchedTrace.Pair.of("my-topic", 3, 42, "europe-cluster.my-topic", 3, 40));
        viewModel.showStitched(stitched);
        assertThat(viewModel.pathBandsProperty().get()).extracting(TraceTimeline.Band::label).containsExactly(
                "producer send", "queue", "mirror", "replication", "consumer processing");
        assertThat(viewModel.pathNoteProperty().get()).isEqualTo("4 hops · replication delay "
                + io.mirrorscope.core.trace.GoDuration.format(stitched.replicationDelayMicros()) + " (from spans)");
        // a new plain trace drops the stitched pair
        viewModel.show(parsed.traces().get(1));
        assertThat(viewModel.summaryProperty().get()).doesNotStartWith("Stitched");
    }

    @Test
    void detailsGridHasSectionsInOrderAndCopiesAsTabSeparatedLines() throws IOException {
        Trace t = split().traces().get(1);
        int consumer = t.indexOf(0xc000000000000002L);
        viewModel.show(t);
        viewModel.select(consumer);
        assertThat(viewModel.detailRows()).filteredOn(DetailRow::heading).extracting(DetailRow::section)
                .containsExactly("Span", "Tags", "Process", "References");
        assertThat(DetailRow.copyText(viewModel.detailRows())).contains("messaging.kafka.message.offset\t40")
                .contains("hostname\tconsumer-5c4b").startsWith("Span\nservice\thello-world-consumer");
        viewModel.select(-1);
        assertThat(viewModel.detailRows()).isEmpty();
    }

    /** Above the threshold find runs as background work (synchronous executors here), with the same answer. */
    @Test
    void aBigTraceIsSearchedInTheBackground() {
        Trace big = JaegerJsonReader.read(io.mirrorscope.bench.SyntheticTrace.v1Json(60_000), "synthetic").traces()
                .getFirst();
        assertThat(big.size()).isGreaterThanOrEqualTo(TracesViewModel.BACKGROUND_FIND);
        viewModel.show(big);
        viewModel.findProperty().set("op-17");
        long expected = java.util.stream.IntStream.range(0, big.spanCount())
                .filter(s -> big.operation(s).equals("op-17")).count();
        assertThat(viewModel.matchesProperty().get()).hasSize((int) expected);
        assertThat(expected).isEqualTo(60_000 / 40);
        assertThat(viewModel.findStatusProperty().get()).isEqualTo(expected + " matches");
    }

    /** A record's trace context opens its trace from the back end and points the view at the record's own span. */
    @Test
    void aRecordsContextOpensItsTraceAtItsSpan() throws Exception {
        try (var tracing = new io.mirrorscope.sandbox.SandboxTracing(new io.mirrorscope.sandbox.SpanStore(100))) {
            var producer = tracing.tracer("hello-producer");
            long now = System.currentTimeMillis();
            var send = producer.spanBuilder("To_orders").setSpanKind(io.opentelemetry.api.trace.SpanKind.PRODUCER)
                    .setParent(io.opentelemetry.context.Context.root()).startSpan();
            var child = producer.spanBuilder("serialize").setParent(io.opentelemetry.context.Context.root()
                    .with(send)).startSpan();
            child.end();
            send.end();
            try (var jaeger = new io.mirrorscope.sandbox.JaegerQueryServer(tracing.store())) {
                var transport = new io.mirrorscope.tracing.HttpTransport(jaeger.url(), null,
                        java.time.Duration.ofSeconds(10));
                viewModel.clientProperty().set(new io.mirrorscope.tracing.JaegerClient(transport));
                var context = new io.mirrorscope.core.trace.TraceContext(send.getSpanContext().getTraceId(),
                        send.getSpanContext().getSpanId(), true, "traceparent");
                viewModel.open(context, now).get(20, java.util.concurrent.TimeUnit.SECONDS);
                Trace open = viewModel.openTraceProperty().get();
                assertThat(open.traceId()).isEqualTo(context.traceId());
                assertThat(open.spanIdHex(viewModel.revealProperty().get())).isEqualTo(context.spanId());
                assertThat(viewModel.problems().currentProperty().get()).isNull();
            }
        }
    }
}
