package io.mirrorscope.kafka;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * Whether the brokers of a running tail answer. A tail whose brokers stopped sees no records and no error: the
 * Kafka client retries quietly. {@link PartitionTailer} probes the end offsets while no records come and reports a
 * change of this state to {@link RecordSink#health} (and keeps the latest in {@link TailStats#health()}), so the
 * CLI can say it on stderr and the GUI in its view.
 *
 * @param answering true when the brokers answer (again), false when they have not answered since {@code since}
 * @param target    what is read, for messages ("listener external (route) of Kafka europe-cluster")
 * @param since     when not answering: the last time they answered; when answering: when they answered again
 */
public record TailHealth(boolean answering, String target, Instant since) {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    public TailHealth {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(since, "since");
    }

    static TailHealth noAnswer(String target, Instant lastAnswer) {
        return new TailHealth(false, target, lastAnswer);
    }

    static TailHealth answersAgain(String target, Instant at) {
        return new TailHealth(true, target, at);
    }

    /** "no answer from X since 10:11:12" or "X answers again", times in {@code zone}. */
    public String message(ZoneId zone) {
        return answering ? target + " answers again"
                : "no answer from " + target + " since " + CLOCK.format(since.atZone(zone)) + "; still trying";
    }
}
