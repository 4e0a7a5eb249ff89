package io.mirrorscope.ui.traces;

import static org.assertj.core.api.Assertions.assertThat;

import io.mirrorscope.bench.SyntheticTrace;
import io.mirrorscope.core.trace.EndToEndPath;
import io.mirrorscope.core.trace.StitchedTrace;
import io.mirrorscope.core.trace.Trace;
import io.mirrorscope.core.trace.TraceSummary;
import io.mirrorscope.sandbox.JaegerQueryServer;
import io.mirrorscope.sandbox.SandboxTracing;
import io.mirrorscope.sandbox.SpanStore;
import io.mirrorscope.testsupport.UpstreamFixtures;
import io.mirrorscope.tracing.HttpTransport;
import io.mirrorscope.tracing.JaegerClient;
import io.mirrorscope.tracing.JaegerJsonReader;
import io.mirrorscope.tracing.ParsedTraces;
import io.mirrorscope.ui.common.BackgroundWork;
import io.mirrorscope.ui.common.PngExport;
import io.mirrorscope.ui.controls.TraceMinimap;
import io.mirrorscope.ui.controls.TraceTimeline;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The timeline's tools on real Jaeger files: find-in-trace on the Jaeger UI's own fixture, the end-to-end view of a
 * split record (two traces stitched, replication emphasised), the minimap on a 20,000-span trace, the scatter plot
 * of search results (a click opens the slowest trace), and what the view says for nothing found, a body cut short
 * and nobody listening. Screenshots in {@code target/gallery/trace-*.png}.
 */
@ExtendWith(ApplicationExtension.class)
@Tag("fx")
class TraceGalleryFxTest {

    static SandboxTracing tracing;
    static JaegerQueryServer jaeger;
    static String slowest;

    private TracesView view;
    private TracesViewModel viewModel;

    @BeforeAll
    static void spans() throws Exception {
        tracing = new SandboxTracing(new SpanStore(1000));
        Tracer producer = tracing.tracer("hello-producer");
        Tracer consumer = tracing.tracer("hello-consumer");
        long t0 = System.currentTimeMillis() * 1000 - 60_000_000;
        long longest = 0;
        for (int i = 0; i < 12; i++) {
            long start = t0 + i * 4_000_000L;
            long took = 2_000 + (i * 7_919L % 13) * 1_500 + (i == 7 ? 40_000 : 0);
            Span send = producer.spanBuilder("To_orders").setSpanKind(SpanKind.PRODUCER).setParent(Context.root())
                    .setStartTimestamp(start, TimeUnit.MICROSECONDS).startSpan();
            Span receive = consumer.spanBuilder("From_orders").setSpanKind(SpanKind.CONSUMER)
                    .setParent(Context.root().with(send)).setStartTimestamp(start + took / 2, TimeUnit.MICROSECONDS)
                    .startSpan();
            receive.end(start + took, TimeUnit.MICROSECONDS);
            send.end(start + 800, TimeUnit.MICROSECONDS);
            if (took > longest) {
                longest = took;
                slowest = send.getSpanContext().getTraceId();
            }
        }
        jaeger = new JaegerQueryServer(tracing.store());
    }

    @AfterAll
    static void stop() {
        jaeger.close();
        tracing.close();
    }

    @Start
    void start(Stage stage) {
        viewModel = new TracesViewModel(new BackgroundWork(Executors.newVirtualThreadPerTaskExecutor(),
                Platform::runLater));
        view = TracesView.create(new io.mirrorscope.ui.common.ViewTarget.Tracing("ns", "my-jaeger"), viewModel);
        stage.setScene(new Scene((javafx.scene.Parent) view.node(), 1400, 860));
        stage.show();
    }

    private void gallery(String name) {
        Path file = Path.of("target", "gallery", "trace-" + name + ".png");
        CompletableFuture<Path> written = new CompletableFuture<>();
        Platform.runLater(() -> written.complete(PngExport.write(view.node(), file)));
        try {
            assertThat(Files.size(written.get(10, TimeUnit.SECONDS))).isPositive();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(CompletableFuture<?> future) throws Exception {
        future.get(20, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void findInTheJaegerUisOwnTrace(FxRobot robot) throws Exception {
        Trace trace = JaegerJsonReader.read(Files.readAllBytes(UpstreamFixtures.file(
                "jaeger/api/v1-ui-trace_ui_01.json")), "fixture").traces().getFirst();
        robot.interact(() -> viewModel.show(trace));
        TraceTimeline timeline = view.controller().timeline();
        robot.clickOn(timeline);
        robot.press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        TextField find = robot.lookup(".text-field").match((TextField f) -> "Find in trace (Ctrl+F)".equals(
                f.getPromptText())).query();
        assertThat(find.isFocused()).as("Ctrl+F focuses the find field").isTrue();
        robot.write("service-y");
        WaitForAsyncUtils.waitForFxEvents();
        int[] matches = viewModel.matchesProperty().get();
        long expected = java.util.stream.IntStream.range(0, trace.spanCount())
                .filter(s -> trace.service(s).equals("service-y")).count();
        assertThat(matches).hasSize((int) expected).isNotEmpty();
        robot.type(KeyCode.F3);
        WaitForAsyncUtils.waitForFxEvents();
        int first = timeline.selectedSpanProperty().get();
        assertThat(first).isEqualTo(matches[0]);
        assertThat(viewModel.findStatusProperty().get()).isEqualTo("1 of " + matches.length);
        robot.press(KeyCode.SHIFT, KeyCode.F3).release(KeyCode.F3, KeyCode.SHIFT);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(timeline.selectedSpanProperty().get()).as("Shift+F3 wraps to the last match")
                .isEqualTo(matches[matches.length - 1]);
        // the grid holds the selected span's fields, tags and process in aligned lines
        int last = matches[matches.length - 1];
        assertThat(viewModel.detailRows()).extracting(DetailRow::section).contains("Span");
        assertThat(viewModel.detailRows()).filteredOn(r -> r.section().equals("Tags") && !r.heading())
                .hasSize(trace.tags(last).size());
        assertThat(viewModel.detailRows()).anyMatch(r -> r.key().equals("service") && r.value().equals("service-y"));
        gallery("find");
    }

    @Test
    void aSplitRecordStitchedWithTheReplicationHopEmphasised(FxRobot robot) throws Exception {
        ParsedTraces parsed;
        try (InputStream in = getClass().getResourceAsStream("/jaeger/v1-split-record.json")) {
            parsed = JaegerJsonReader.read(in.readAllBytes(), "fixture");
        }
        StitchedTrace stitched = StitchedTrace.of(parsed.traces().get(0), parsed.traces().get(1),
                StitchedTrace.Pair.of("my-topic", 3, 42, "europe-cluster.my-topic", 3, 40));
        assertThat(stitched.split()).isTrue();
        robot.interact(() -> viewModel.showStitched(stitched));
        WaitForAsyncUtils.waitForFxEvents();
        TraceTimeline timeline = view.controller().timeline();
        assertThat(timeline.trace().spanCount()).isEqualTo(6);
        assertThat(viewModel.endToEndProperty().get()).isTrue();
        assertThat(viewModel.pathBandsProperty().get()).filteredOn(TraceTimeline.Band::emphasis)
                .singleElement().satisfies(b -> assertThat(b.label()).isEqualTo(EndToEndPath.REPLICATION));
        assertThat(viewModel.pathSpansProperty().get().cardinality()).isEqualTo(stitched.path().hops().size())
                .isEqualTo(4);
        assertThat(timeline.top()).isEqualTo(TraceTimeline.RULER + TraceTimeline.LANE);
        assertThat(viewModel.summaryProperty().get()).startsWith("Stitched: 2 traces");
        assertThat(viewModel.pathNoteProperty().get()).contains("4 hops").contains("replication delay");
        // a click on the consumer's row (under the copy's trace) shows its details
        int consumer = timeline.trace().indexOf(0xc000000000000002L);
        int row = io.mirrorscope.core.trace.TraceLayout.rowOf(timeline.rows(), consumer);
        robot.clickOn(timeline.localToScreen(120, timeline.top() + TraceTimeline.ROW * (row + 0.5)));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(viewModel.detailRows()).anyMatch(r -> r.key().equals("messaging.kafka.message.offset")
                && r.value().equals("40"));
        gallery("e2e");
        robot.clickOn("End-to-end path");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(timeline.top()).as("the lane goes with the toggle").isEqualTo(TraceTimeline.RULER);
    }

    @Test
    void theMinimapMovesTheViewportOfABigTrace(FxRobot robot) throws Exception {
        Trace trace = JaegerJsonReader.read(SyntheticTrace.v1Json(20_000), "synthetic").traces().getFirst();
        robot.interact(() -> viewModel.show(trace));
        WaitForAsyncUtils.waitForFxEvents();
        TraceTimeline timeline = view.controller().timeline();
        TraceMinimap minimap = view.controller().minimap();
        assertThat(timeline.viewport().scrollY()).isZero();
        long before = timeline.viewStart();
        robot.interact(() -> timeline.zoomAround(timeline.viewport().width() / 2, 0.1));
        // a press at 70 % across and 80 % down the strip centres the viewport there
        double x = TraceTimeline.NAMES + 0.7 * (minimap.getWidth() - TraceTimeline.NAMES);
        robot.clickOn(minimap.localToScreen(x, 0.8 * TraceMinimap.HEIGHT));
        WaitForAsyncUtils.waitForFxEvents();
        double rowsHeight = timeline.rows().length * TraceTimeline.ROW;
        double middle = timeline.viewport().scrollY() + timeline.viewport().height() / 2;
        assertThat(middle / rowsHeight).isBetween(0.7, 0.9);
        long centre = (timeline.viewStart() + timeline.viewEnd()) / 2;
        assertThat((centre - trace.startMicros()) / (double) trace.durationMicros()).isBetween(0.65, 0.75);
        assertThat(timeline.viewStart()).isNotEqualTo(before);
        robot.clickOn("Critical path");
        WaitForAsyncUtils.waitForFxEvents();
        int frames = minimap.frames();
        robot.interact(() -> timeline.scrollTo(0));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(minimap.frames()).as("the strip follows the timeline's frames").isGreaterThan(frames);
        robot.interact(timeline::showWholeTrace);
        robot.interact(() -> timeline.scrollTo(rowsHeight * 0.3));
        WaitForAsyncUtils.waitForFxEvents();
        gallery("minimap");
    }

    @Test
    void theScatterPlotOpensTheSlowestTraceAndEmptyResultsSaySo(FxRobot robot) throws Exception {
        JaegerClient client = new JaegerClient(new HttpTransport(jaeger.url(), null, Duration.ofSeconds(10)));
        robot.interact(() -> viewModel.clientProperty().set(client));
        robot.interact(() -> {
            viewModel.serviceProperty().set("hello-producer");
            viewModel.lookbackProperty().set("2h");
        });
        CompletableFuture<?>[] search = new CompletableFuture<?>[1];
        robot.interact(() -> search[0] = viewModel.search());
        await(search[0]);
        assertThat(viewModel.results()).hasSize(12);
        assertThat(viewModel.results().stream().max(Comparator.comparingLong(TraceSummary::durationMicros))
                .orElseThrow().traceId()).isEqualTo(slowest);
        var scatter = view.controller().scatter();
        double[] dot = scatter.dotOf(slowest);
        robot.clickOn(scatter.localToScreen(dot[0], dot[1]));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.controller().timeline().trace().traceId()).isEqualTo(slowest);
        gallery("scatter");

        robot.interact(() -> viewModel.serviceProperty().set("nobody-sends-this"));
        robot.interact(() -> search[0] = viewModel.search());
        await(search[0]);
        assertThat(view.controller().results().getItems()).isEmpty();
        Label note = (Label) view.controller().results().getPlaceholder();
        assertThat(note.getText()).startsWith("No traces of nobody-sends-this in the last 2h");
        assertThat(note.isVisible()).isTrue();
    }

    @Test
    void aBodyCutShortAndNobodyListeningSayWhatFailed(FxRobot robot) throws Exception {
        ParsedTraces cut;
        try (InputStream in = getClass().getResourceAsStream("/jaeger/v1-cut-short.json")) {
            cut = JaegerJsonReader.read(in.readAllBytes(), "http://jaeger:16686/api/traces/x");
        }
        ParsedTraces partial = cut;
        robot.interact(() -> {
            viewModel.problemProperty().set(partial.problem());
            viewModel.show(partial.traces().getFirst());
        });
        Label problem = robot.lookup(".trace-problem").queryAs(Label.class);
        assertThat(problem.isVisible()).isTrue();
        assertThat(problem.getText()).isNotBlank();

        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        JaegerClient nobody = new JaegerClient(new HttpTransport("http://127.0.0.1:" + port, null,
                Duration.ofSeconds(2)));
        robot.interact(() -> viewModel.clientProperty().set(nobody));
        CompletableFuture<?>[] failed = new CompletableFuture<?>[1];
        robot.interact(() -> failed[0] = viewModel.open("4bf92f3577b34da6a3ce929d0e0e4736"));
        try {
            failed[0].get(20, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException expected) {
            // the banner reports it
        }
        WaitForAsyncUtils.waitForFxEvents();
        var banner = robot.lookup(".problem-banner").queryAs(io.mirrorscope.ui.common.ProblemBanner.class);
        assertThat(banner.isVisible()).isTrue();
        assertThat(banner.textProperty().getValue()).contains("Cannot reach the Jaeger query service");
        gallery("errors");
    }
}
