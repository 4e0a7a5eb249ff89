package io.mirrorscope.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.mirrorscope.ui.common.ProblemSlot;
import org.junit.jupiter.api.Test;

/** An exception nobody caught, on any thread, reaches the main window's banner instead of vanishing. */
class UncaughtProblemsTest {

    @Test
    void anUncaughtExceptionOnAnotherThreadIsShown() throws Exception {
        ProblemSlot display = new ProblemSlot();
        UncaughtProblems handler = new UncaughtProblems(Runnable::run, display);
        Thread worker = Thread.ofPlatform().name("inventory-live").uncaughtExceptionHandler(handler)
                .unstarted(() -> {
                    throw new IllegalStateException("mapping a KafkaNodePool failed");
                });
        worker.start();
        worker.join();
        assertThat(display.get().text()).isEqualTo("A task on thread inventory-live failed: "
                + "IllegalStateException: mapping a KafkaNodePool failed");
        assertThat(display.get().code()).startsWith("INTERNAL-");
    }
}
