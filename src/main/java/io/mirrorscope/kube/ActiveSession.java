package io.mirrorscope.kube;

import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The app's one current Kubernetes session. Switching context replaces it and closes the old one, so no client,
 * watch or tunnel of the previous context outlives the switch. Thread-safe; the composition root owns it.
 */
public final class ActiveSession implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ActiveSession.class);

    private KubeSession current;

    /** Makes {@code next} current and closes the previous session (if any); returns {@code next}. */
    public KubeSession replace(KubeSession next) {
        KubeSession previous;
        synchronized (this) {
            previous = current;
            current = next;
        }
        if (previous != null && previous != next) {
            LOG.info("Closing session on context {}", previous.context());
            previous.close();
        }
        return next;
    }

    /** The current session, if connected. */
    public synchronized Optional<KubeSession> current() {
        return Optional.ofNullable(current);
    }

    /** Closes the current session; afterwards there is none. */
    @Override
    public void close() {
        replace(null);
    }
}
