package io.mirrorscope.bench;

import io.mirrorscope.core.trace.Trace;
import io.mirrorscope.tracing.JaegerJsonReader;
import io.mirrorscope.ui.controls.TraceTimeline;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Trace bar "repaint of the visible rows ≤ 8 ms": one frame of {@link TraceTimeline} on the FX thread (the Canvas
 * commands for every row on a 1,400 × 860 screen, of a 100,000-span trace), then "jump to the last span" with its
 * frame. The rasterizing of those commands happens on JavaFX's render thread and is not included.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class TraceTimelineBenchmark {

    TraceTimeline timeline;
    Trace trace;
    int last;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        trace = JaegerJsonReader.read(SyntheticTrace.v1Json(100_000), "bench").traces().getFirst();
        last = trace.preorderAt(trace.size() - 1);
        CountDownLatch started = new CountDownLatch(1);
        try {
            Platform.startup(started::countDown);
        } catch (IllegalStateException alreadyRunning) {
            started.countDown();
        }
        started.await();
        onFx(() -> {
            timeline = new TraceTimeline();
            StackPane root = new StackPane(timeline);
            new Scene(root, 1400, 860);
            root.getStylesheets().add("/css/mirrorscope.css");
            root.getStylesheets().add("/css/traces.css");
            root.applyCss();
            root.resize(1400, 860);
            root.layout();
            timeline.setTrace(trace);
            root.layout();
            return null;
        });
    }

    /** Marks the timeline dirty and lays it out: exactly one frame of the visible rows. */
    @Benchmark
    public int repaintVisibleRows() throws Exception {
        return onFx(() -> {
            timeline.zoomAround(300, 0.999);
            timeline.layout();
            return timeline.frames();
        });
    }

    /** Reveals the last span (from everything collapsed) and draws the frame scrolled to it. */
    @Benchmark
    public int jumpToLastAndRepaint() throws Exception {
        return onFx(() -> {
            timeline.collapseAll();
            timeline.reveal(last);
            timeline.layout();
            return timeline.frames();
        });
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> work) throws Exception {
        FutureTask<T> task = new FutureTask<>(work);
        Platform.runLater(task);
        return task.get(30, TimeUnit.SECONDS);
    }
}
