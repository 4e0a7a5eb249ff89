package io.mirrorscope.ui.common;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The background work the status bar shows: what runs, and how far it got. Work runs on the I/O executor; its
 * result and every state change reach the FX thread through {@code fxExecutor}. Tests pass direct executors.
 */
public final class BackgroundWork {

    /** One piece of long work; {@link #progress(double)} and {@link #done()} may be called from any thread. */
    public final class Job {
        private final String label;
        private volatile double progress = -1;

        private Job(String label) {
            this.label = label;
        }

        /** Fraction done in [0, 1], or negative for "unknown". */
        public void progress(double fraction) {
            progress = fraction;
            fxExecutor.execute(BackgroundWork.this::publish);
        }

        /** Marks the job finished; its entry leaves the status bar. */
        public void done() {
            fxExecutor.execute(() -> {
                running.remove(this);
                publish();
            });
        }

        public String label() {
            return label;
        }
    }

    // Properties
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);

    private final Executor ioExecutor;
    private final Executor fxExecutor;
    private final List<Job> running = new ArrayList<>(); // touched on the FX thread only

    public BackgroundWork(Executor ioExecutor, Executor fxExecutor) {
        this.ioExecutor = ioExecutor;
        this.fxExecutor = fxExecutor;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Progress of the single running job, or -1 (indeterminate) when unknown or several run. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    // Commands

    /**
     * Runs {@code work} on the I/O executor while the status bar shows {@code label}. The returned future completes
     * on the FX executor, so its stages may touch the UI.
     */
    public <T> CompletableFuture<T> submit(String label, Callable<T> work) {
        Job job = start(label);
        CompletableFuture<T> result = new CompletableFuture<>();
        ioExecutor.execute(() -> {
            try {
                T value = work.call();
                fxExecutor.execute(() -> result.complete(value));
            } catch (Exception | Error e) {
                fxExecutor.execute(() -> result.completeExceptionally(e));
            } finally {
                job.done();
            }
        });
        return result;
    }

    /** Starts a job that reports its own progress; call {@link Job#done()} when it ends. */
    public Job start(String label) {
        Job job = new Job(label);
        fxExecutor.execute(() -> {
            running.add(job);
            publish();
        });
        return job;
    }

    private void publish() {
        busy.set(!running.isEmpty());
        if (running.isEmpty()) {
            message.set("");
            progress.set(0);
        } else if (running.size() == 1) {
            Job only = running.getFirst();
            message.set(only.label + "…");
            progress.set(only.progress < 0 ? -1 : Math.min(1, only.progress));
        } else {
            message.set(running.getFirst().label + "… (+" + (running.size() - 1) + " more)");
            progress.set(-1);
        }
    }
}
