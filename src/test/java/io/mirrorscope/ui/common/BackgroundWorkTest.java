package io.mirrorscope.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

class BackgroundWorkTest {

    /** Runs queued tasks only when asked, so the test sees each intermediate state. */
    private static final class ManualExecutor implements Executor {
        final Queue<Runnable> queue = new ArrayDeque<>();

        @Override
        public void execute(Runnable command) {
            queue.add(command);
        }

        void runAll() {
            while (!queue.isEmpty()) {
                queue.poll().run();
            }
        }
    }

    private final ManualExecutor io = new ManualExecutor();
    private final ManualExecutor fx = new ManualExecutor();
    private final BackgroundWork work = new BackgroundWork(io, fx);

    @Test
    void submitShowsTheJobWhileItRunsAndDeliversOnTheFxExecutor() {
        CompletableFuture<String> result = work.submit("Loading inventory", () -> "done");
        fx.runAll();
        assertThat(work.busyProperty().get()).isTrue();
        assertThat(work.messageProperty().get()).isEqualTo("Loading inventory…");
        assertThat(work.progressProperty().get()).isEqualTo(-1);

        io.runAll();
        assertThat(result).isNotDone(); // completion waits for the FX executor
        fx.runAll();
        assertThat(result).isCompletedWithValue("done");
        assertThat(work.busyProperty().get()).isFalse();
        assertThat(work.messageProperty().get()).isEmpty();
    }

    @Test
    void failuresReachTheFutureAndClearTheJob() {
        CompletableFuture<String> result = work.submit("Fetching trace", () -> {
            throw new IllegalStateException("boom");
        });
        io.runAll();
        fx.runAll();
        assertThat(result).isCompletedExceptionally();
        assertThat(work.busyProperty().get()).isFalse();
    }

    @Test
    void progressOfOneJobAndSummaryOfSeveral() {
        BackgroundWork.Job first = work.start("Seeking to 14:05");
        fx.runAll();
        first.progress(0.25);
        fx.runAll();
        assertThat(work.progressProperty().get()).isEqualTo(0.25);

        BackgroundWork.Job second = work.start("Reading secrets");
        fx.runAll();
        assertThat(work.messageProperty().get()).isEqualTo("Seeking to 14:05… (+1 more)");
        assertThat(work.progressProperty().get()).isEqualTo(-1);

        first.done();
        second.done();
        fx.runAll();
        assertThat(work.busyProperty().get()).isFalse();
    }
}
