package io.mirrorscope.app;

import io.mirrorscope.ui.common.BackgroundWork;
import io.mirrorscope.ui.common.ProblemReport;
import io.mirrorscope.ui.common.ProblemSlot;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default handler for exceptions nobody caught, on the FX thread and every other thread: logged once and shown
 * in the main window's problem banner (the one display for failures that belong to no view).
 */
final class UncaughtProblems implements Thread.UncaughtExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(UncaughtProblems.class);

    private final Executor fx;
    private final ProblemSlot display;

    UncaughtProblems(Executor fx, ProblemSlot display) {
        this.fx = fx;
        this.display = display;
    }

    /** Installs this handler as the JVM's default and on the calling thread (call it on the FX thread). */
    void install() {
        Thread.setDefaultUncaughtExceptionHandler(this);
        Thread.currentThread().setUncaughtExceptionHandler(this);
    }

    @Override
    public void uncaughtException(Thread thread, Throwable failure) {
        ProblemReport report = ProblemReport.of("A task on thread " + thread.getName(), failure, null);
        try {
            // BackgroundWork.report logs it, once, on the FX thread
            fx.execute(() -> BackgroundWork.report(display, report));
        } catch (RuntimeException toolkitGone) {
            LOG.error("{} (the window is gone)", report.text(), failure);
        }
    }
}
