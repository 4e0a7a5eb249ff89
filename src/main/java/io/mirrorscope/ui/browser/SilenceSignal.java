package io.mirrorscope.ui.browser;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Whether the cluster behind a live read still answers. Today derived in the view model from what it already sees
 * ({@link LastAnswer}: records arriving, end offsets read); a Kafka-level signal from the tail can replace it
 * behind this interface without touching the view.
 */
public interface SilenceSignal {

    /** When the cluster last answered, if it has been silent too long at {@code now}; empty while it answers. */
    Optional<Instant> silentSince(Instant now);

    /** Something came back from the cluster at {@code at}. */
    void answered(Instant at);

    /** The default: silent once nothing came back for {@code limit}. Not thread-safe: FX thread only. */
    final class LastAnswer implements SilenceSignal {
        private final Duration limit;
        private Instant last;

        public LastAnswer(Duration limit) {
            this.limit = limit;
        }

        @Override
        public Optional<Instant> silentSince(Instant now) {
            return last != null && Duration.between(last, now).compareTo(limit) > 0 ? Optional.of(last)
                    : Optional.empty();
        }

        @Override
        public void answered(Instant at) {
            last = at;
        }
    }
}
