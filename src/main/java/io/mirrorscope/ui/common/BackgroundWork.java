package io.mirrorscope.ui.common;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The background work the status bar shows: what runs, and how far it got. Work runs on the I/O executor; its
 * result and every state change reach the FX thread through {@code fxExecutor}. Tests pass direct executors.
 *
 * <p>The one route for background results: {@link #run} hands a value to the caller's continuation and a failure
 * of the work <em>or of the continuation</em> to {@link #report}, which logs it once and shows it in the
 * {@link ProblemSlot} of the view that started it. Nothing that fails after a background step is dropped.
 */
public final class BackgroundWork {

    private static final Logger LOG = LoggerFactory.getLogger(BackgroundWork.class);

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

    /** Runs a task on the FX thread (a reading thread's callback hands its result over with it). */
    public Executor fx() {
        return fxExecutor;
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
     * on the FX executor. Package-private: callers use {@link #run}, so no result or failure can be dropped.
     */
    <T> CompletableFuture<T> submit(String label, Callable<T> work) {
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

    /**
     * Runs {@code work} in the background (shown in the status bar), then {@code then} on the FX thread. A failure
     * of either is {@linkplain #report reported} to {@code where}; a success clears a problem {@code where} showed
     * for the same label (the thing recovered). The returned future completes, never exceptionally, once the
     * result was handled (tests wait on it).
     *
     * @param retry what the banner's "Retry" does; null when retrying makes no sense
     */
    public <T> CompletableFuture<Void> run(String label, Callable<T> work, ProblemSlot where, Runnable retry,
                                           Consumer<? super T> then) {
        return handle(label, submit(label, work), where, retry, then, report -> { });
    }

    /** {@link #run}, and {@code alsoOnFailure} after the problem was reported (e.g. to set a "failed" state). */
    public <T> CompletableFuture<Void> run(String label, Callable<T> work, ProblemSlot where, Runnable retry,
                                           Consumer<? super T> then, Consumer<ProblemReport> alsoOnFailure) {
        return handle(label, submit(label, work), where, retry, then, alsoOnFailure);
    }

    /** {@link #run} for periodic, quick reads that should not flicker in the status bar (e.g. end offsets). */
    public <T> CompletableFuture<Void> runQuietly(String label, Callable<T> work, ProblemSlot where, Runnable retry,
                                                  Consumer<? super T> then) {
        return runQuietly(label, work, where, retry, then, report -> { });
    }

    /** {@link #runQuietly}, and {@code alsoOnFailure} after the problem was reported. */
    public <T> CompletableFuture<Void> runQuietly(String label, Callable<T> work, ProblemSlot where, Runnable retry,
                                                  Consumer<? super T> then, Consumer<ProblemReport> alsoOnFailure) {
        CompletableFuture<T> result = new CompletableFuture<>();
        ioExecutor.execute(() -> {
            try {
                T value = work.call();
                fxExecutor.execute(() -> result.complete(value));
            } catch (Exception | Error e) {
                fxExecutor.execute(() -> result.completeExceptionally(e));
            }
        });
        return handle(label, result, where, retry, then, alsoOnFailure);
    }

    private <T> CompletableFuture<Void> handle(String label, CompletableFuture<T> result, ProblemSlot where,
                                               Runnable retry, Consumer<? super T> then,
                                               Consumer<ProblemReport> alsoOnFailure) {
        CompletableFuture<Void> handled = new CompletableFuture<>();
        result.whenComplete((value, failure) -> {
            try {
                if (failure != null) {
                    ProblemReport report = ProblemReport.of(label, failure, retry);
                    report(where, report);
                    alsoOnFailure.accept(report);
                } else {
                    then.accept(value);
                    where.recovered(label);
                }
            } catch (RuntimeException | Error e) {
                report(where, ProblemReport.of(label, e, retry));
            } finally {
                handled.complete(null);
            }
        });
        return handled;
    }

    /** Logs a problem once (with its cause for the log only) and shows it in {@code where}; FX thread. */
    public static void report(ProblemSlot where, ProblemReport report) {
        Throwable cause = report.problem().cause();
        if (cause != null && report.problem().kind() == io.mirrorscope.core.Problem.Kind.INTERNAL) {
            LOG.warn("{} [{}]", report.text().replace('\n', ' '), report.code(), cause);
        } else {
            LOG.warn("{} [{}]", report.text().replace('\n', ' '), report.code());
        }
        where.show(report);
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
