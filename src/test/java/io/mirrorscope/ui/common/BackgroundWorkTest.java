package io.mirrorscope.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.mirrorscope.core.Problem;
import io.mirrorscope.core.ProblemException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
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

    @Test
    void aFailingStepAfterTheBackgroundWorkIsReportedNotDropped() {
        ProblemSlot slot = new ProblemSlot();
        CompletableFuture<Void> handled = work.run("Opening the topic browser", () -> "parts", slot, null, parts -> {
            throw new IllegalStateException("the FXML asks for another controller");
        });
        io.runAll();
        fx.runAll();
        assertThat(handled).isCompleted();
        assertThat(slot.get().text()).isEqualTo("Opening the topic browser failed: IllegalStateException: "
                + "the FXML asks for another controller");
        assertThat(slot.get().retryable()).isFalse();
    }

    @Test
    void aFailedWorkShowsItsProblemWithRetryAndASuccessClearsIt() {
        ProblemSlot slot = new ProblemSlot();
        List<String> seen = new ArrayList<>();
        boolean[] up = {false};
        Runnable[] attempt = new Runnable[1];
        attempt[0] = () -> work.run("Reading the inventory of sandbox", () -> {
            if (!up[0]) {
                throw new ProblemException(Problem.of(Problem.Kind.CONNECTION,
                        "Cannot reach the Kubernetes API server at https://api:6443", "connect timed out",
                        "Check the VPN."));
            }
            return "inventory";
        }, slot, attempt[0], seen::add, report -> seen.add("failed " + report.code()));
        attempt[0].run();
        io.runAll();
        fx.runAll();
        ProblemReport shown = slot.get();
        assertThat(shown.text()).isEqualTo("Reading the inventory of sandbox failed: Cannot reach the Kubernetes API "
                + "server at https://api:6443\nconnect timed out\nCheck the VPN.");
        assertThat(shown.code()).matches("CONNECTION-[0-9A-F]{4}");
        assertThat(seen).containsExactly("failed " + shown.code());
        assertThat(shown.details()).contains(shown.text()).contains("Error code: " + shown.code())
                .doesNotContain("\tat ").doesNotContain("Exception:");

        up[0] = true;
        shown.retry().run();
        io.runAll();
        fx.runAll();
        assertThat(seen).endsWith("inventory");
        assertThat(slot.get()).as("the stale problem clears when the same work succeeds").isNull();
    }

    @Test
    void aSuccessOfOtherWorkLeavesTheProblemShown() {
        ProblemSlot slot = new ProblemSlot();
        work.runQuietly("Reading the offsets of orders", () -> {
            throw new java.util.concurrent.CompletionException(new IllegalArgumentException("no such topic"));
        }, slot, null, x -> { });
        io.runAll();
        fx.runAll();
        assertThat(slot.get().text()).isEqualTo("Reading the offsets of orders failed: IllegalArgumentException: "
                + "no such topic");
        work.runQuietly("Loading the topics", () -> List.of("a"), slot, null, x -> { });
        io.runAll();
        fx.runAll();
        assertThat(slot.get()).isNotNull();
        assertThat(work.busyProperty().get()).as("quiet work stays out of the status bar").isFalse();
    }
}
