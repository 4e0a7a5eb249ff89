package io.mirrorscope.ui.traces;

import static org.assertj.core.api.Assertions.assertThat;

import io.mirrorscope.core.trace.Trace;
import io.mirrorscope.core.trace.TraceLayout;
import io.mirrorscope.sandbox.JaegerQueryServer;
import io.mirrorscope.sandbox.SandboxTracing;
import io.mirrorscope.sandbox.SpanStore;
import io.mirrorscope.testsupport.Screenshots;
import io.mirrorscope.tracing.HttpTransport;
import io.mirrorscope.tracing.JaegerClient;
import io.mirrorscope.tracing.JaegerJsonReader;
import io.mirrorscope.ui.common.BackgroundWork;
import io.mirrorscope.ui.controls.TraceTimeline;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
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

/** The traces tab against the sandbox's Jaeger server: search, open, collapse, zoom, span details; screenshots. */
@ExtendWith(ApplicationExtension.class)
@Tag("fx")
class TracesViewFxTest {

    static SandboxTracing tracing;
    static JaegerQueryServer jaeger;
    static String traceId;

    private TracesView view;
    private TracesViewModel viewModel;

    @BeforeAll
    static void spans() throws Exception {
        tracing = new SandboxTracing(new SpanStore(1000));
        Tracer producer = tracing.tracer("hello-producer");
        Tracer mirror = tracing.tracer("mirror-maker");
        Tracer consumer = tracing.tracer("hello-consumer");
        long t0 = System.currentTimeMillis() * 1000;
        Span send = producer.spanBuilder("To_orders").setSpanKind(SpanKind.PRODUCER).setParent(Context.root())
                .setAttribute("messaging.destination.name", "orders")
                .setStartTimestamp(t0, TimeUnit.MICROSECONDS).startSpan();
        Span copy = mirror.spanBuilder("From_orders").setSpanKind(SpanKind.CONSUMER)
                .setParent(Context.root().with(send)).setStartTimestamp(t0 + 3000, TimeUnit.MICROSECONDS).startSpan();
        Span publish = mirror.spanBuilder("To_src.orders").setSpanKind(SpanKind.PRODUCER)
                .setParent(Context.root().with(copy)).setStartTimestamp(t0 + 3500, TimeUnit.MICROSECONDS).startSpan();
        Span receive = consumer.spanBuilder("From_src.orders").setSpanKind(SpanKind.CONSUMER)
                .setParent(Context.root().with(publish)).setStartTimestamp(t0 + 8000, TimeUnit.MICROSECONDS)
                .startSpan();
        receive.end(t0 + 9000, TimeUnit.MICROSECONDS);
        publish.end(t0 + 4500, TimeUnit.MICROSECONDS);
        copy.end(t0 + 5000, TimeUnit.MICROSECONDS);
        send.end(t0 + 1200, TimeUnit.MICROSECONDS);
        traceId = send.getSpanContext().getTraceId();
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

    private static void await(java.util.concurrent.CompletableFuture<?> future) throws Exception {
        future.get(20, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void searchOpenCollapseZoomAndDetails(FxRobot robot) throws Exception {
        JaegerClient client = new JaegerClient(new HttpTransport(jaeger.url(), null, Duration.ofSeconds(10)));
        robot.interact(() -> viewModel.clientProperty().set(client));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> viewModel.serviceProperty().set("mirror-maker"));
        java.util.concurrent.CompletableFuture<?>[] search = new java.util.concurrent.CompletableFuture<?>[1];
        robot.interact(() -> search[0] = viewModel.search());
        await(search[0]);
        assertThat(view.controller().results().getItems()).singleElement()
                .satisfies(s -> assertThat(s.traceId()).isEqualTo(traceId));
        assertThat(viewModel.services()).contains("hello-consumer", "hello-producer", "mirror-maker");

        robot.doubleClickOn(robot.lookup(".table-row-cell").nth(0).queryAs(javafx.scene.Node.class));
        WaitForAsyncUtils.waitForFxEvents();
        TraceTimeline timeline = view.controller().timeline();
        assertThat(timeline.trace().traceId()).isEqualTo(traceId);
        assertThat(timeline.rows()).hasSize(4);
        assertThat(viewModel.summaryProperty().get()).startsWith("4 spans · 9ms");
        Screenshots.save(view.node(), "traces-open");

        // a click on the mirror span's triangle collapses its subtree
        Trace trace = timeline.trace();
        int mirrorSpan = timeline.rows()[1];
        double indent = 6 + trace.depth(mirrorSpan) * 14;
        robot.clickOn(timeline.localToScreen(indent + 4, TraceTimeline.RULER + TraceTimeline.ROW * 1.5));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(timeline.rows()).hasSize(2);
        robot.interact(timeline::expandAll);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(timeline.rows()).hasSize(4);

        // a click on the consumer's bar shows its details
        int consumerRow = 3;
        TraceLayout.Bar bar = TraceLayout.bar(trace, timeline.rows(), consumerRow, timeline.viewport());
        Point2D onBar = timeline.localToScreen(TraceTimeline.NAMES + bar.x() + bar.width() / 2,
                TraceTimeline.RULER + bar.y() + TraceTimeline.ROW / 2);
        robot.clickOn(onBar);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(viewModel.detailsProperty().get()).startsWith("hello-consumer: From_src.orders")
                .contains("span.kind = consumer");

        // keys: zoom in halves-ish the window; 0 shows the whole trace again
        long before = timeline.viewport().viewEnd() - timeline.viewport().viewStart();
        robot.type(KeyCode.ADD);
        WaitForAsyncUtils.waitForFxEvents();
        long zoomed = timeline.viewport().viewEnd() - timeline.viewport().viewStart();
        assertThat(zoomed).isLessThan(before);
        robot.type(KeyCode.UP);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(viewModel.detailsProperty().get()).startsWith("mirror-maker: To_src.orders");
        Screenshots.save(view.node(), "traces-zoomed-selected");
    }

    @Test
    void aTraceWithOrphansSkewAndSeveralRootsAndACriticalPath(FxRobot robot) throws Exception {
        Trace trace;
        try (InputStream in = getClass().getResourceAsStream("/jaeger/v1-trace-shapes.json")) {
            trace = JaegerJsonReader.read(in.readAllBytes(), "fixture").traces().getFirst();
        }
        robot.interact(() -> viewModel.show(trace));
        robot.clickOn("Critical path");
        WaitForAsyncUtils.waitForFxEvents();
        TraceTimeline timeline = view.controller().timeline();
        assertThat(timeline.rows()).hasSize(trace.size());
        assertThat(viewModel.detailsProperty().get()).contains("not in the trace").contains("clock skew");
        int frames = timeline.frames();
        robot.interact(() -> {
            for (int i = 0; i < 50; i++) {
                timeline.zoomAround(100, 0.99);
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
        // fifty changes in one pulse cost one frame (two when a pulse fell in between)
        assertThat(timeline.frames() - frames).isBetween(1, 2);
        robot.clickOn("Collapse all");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(timeline.rows()).hasSize(trace.topLevel().length);
        robot.clickOn("Expand all");
        robot.clickOn("Fit");
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(view.node(), "traces-orphans-skew-critical-path");
    }
}
