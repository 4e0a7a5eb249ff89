package io.mirrorscope.kafka;

import io.mirrorscope.core.Problem;
import io.mirrorscope.core.ProblemException;
import io.mirrorscope.core.records.PartitionRange;
import io.mirrorscope.core.records.RawRecord;
import io.mirrorscope.core.records.SeekPlan;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one topic on its own platform thread: plans and seeks ({@link TopicReader}), then polls every 100 ms and
 * hands batches to a {@link RecordSink}. A bounded read stops once every partition reached the end offset taken at
 * the start; a follow runs until {@link #stop()}. Pause/resume keep the connection and stop fetching; a
 * {@link RateLimit} caps the intake; {@link #reseek} restarts from another position without a new consumer.
 *
 * <p>The consumer is touched only on this thread (it is not thread-safe); other threads talk to it through
 * volatile flags and {@link Consumer#wakeup()}. The tailer owns the consumer and closes it.
 */
public final class PartitionTailer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PartitionTailer.class);
    static final Duration POLL = Duration.ofMillis(100);
    static final Duration CLOSE_TIMEOUT = Duration.ofMillis(50);
    /** Idle this long (no records), the tail asks for the end offsets to learn whether the brokers still answer. */
    static final Duration PROBE_AFTER = Duration.ofSeconds(2);
    /** How long that probe may take; a healthy broker answers in milliseconds. */
    static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);
    /** Without an answer this long, the tail reports {@link TailHealth} "no answer" (well within 10 s). */
    static final Duration NO_ANSWER_AFTER = Duration.ofSeconds(4);

    private final Consumer<byte[], byte[]> consumer;
    private final ConnectionSettings settings;
    private final RecordSink sink;
    private final RateLimit rateLimit;
    private final TailStats stats = new TailStats();
    private final AtomicReference<ReadRequest> pending = new AtomicReference<>();
    private volatile boolean running = true;
    private volatile boolean paused;
    private Thread thread;

    public PartitionTailer(Consumer<byte[], byte[]> consumer, ConnectionSettings settings, ReadRequest request,
            RateLimit rateLimit, RecordSink sink) {
        this.consumer = Objects.requireNonNull(consumer, "consumer");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.rateLimit = rateLimit == null ? RateLimit.unlimited() : rateLimit;
        this.pending.set(Objects.requireNonNull(request, "request"));
    }

    /** Starts the consumer thread. */
    public synchronized PartitionTailer start() {
        if (thread != null) {
            throw new IllegalStateException("already started");
        }
        String topic = pending.get().topic();
        thread = Thread.ofPlatform().name("mirrorscope-consumer-" + topic).daemon(true).unstarted(this::run);
        thread.start();
        return this;
    }

    /** Runs the loop on the calling thread (for tests and the CLI, which have a thread to spare). */
    public void runHere() {
        run();
    }

    public void pause() {
        paused = true;
    }

    public void resume() {
        paused = false;
    }

    public boolean isPaused() {
        return paused;
    }

    /** Starts over from another position (or another topic) with the same consumer; applied on the next poll. */
    public void reseek(ReadRequest request) {
        pending.set(Objects.requireNonNull(request, "request"));
        consumer.wakeup();
    }

    public RateLimit rateLimit() {
        return rateLimit;
    }

    public TailStats stats() {
        return stats;
    }

    /** Stops polling; returns once the thread ended (unless called from that thread). */
    public void stop() {
        running = false;
        consumer.wakeup();
        Thread t;
        synchronized (this) {
            t = thread;
        }
        if (t != null && t != Thread.currentThread()) {
            try {
                t.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        stop();
    }

    private void run() {
        Problem problem = null;
        try {
            loop();
        } catch (ProblemException e) {
            problem = e.problem();
        } catch (WakeupException | InterruptException e) {
            // stop() woke us up
        } catch (RuntimeException e) {
            problem = KafkaProblems.diagnose(e, settings);
        } finally {
            try {
                // Closing sends the fetch-session close, which the broker answers only after fetch.max.wait.ms;
                // waiting for that answer would add half a second to every read.
                consumer.close(CLOSE_TIMEOUT);
            } catch (RuntimeException e) {
                LOG.debug("closing consumer failed: {}", e.toString());
            }
            running = false;
        }
        if (problem != null) {
            LOG.warn("reading stopped: {}", problem.oneLine());
        }
        sink.finished(problem);
    }

    // State of the loop; touched only on the consumer thread.
    private ReadRequest request;
    private SeekPlan plan;
    private final Map<TopicPartition, Long> remaining = new HashMap<>();
    private boolean pausedNow;
    private long lastAnswerNanos = System.nanoTime();
    private Instant lastAnswerAt = Instant.now();
    private long lastProbeNanos = System.nanoTime();
    private boolean silent;

    private void loop() {
        while (running) {
            try {
                if (!step()) {
                    return;
                }
            } catch (WakeupException e) {
                if (!running) {
                    return;
                }
                // a reseek woke us, perhaps in the middle of planning: the pending request is still there
            }
        }
    }

    /** One round: apply a pending (re)seek, poll once, deliver. False when the read is complete. */
    private boolean step() {
        ReadRequest next = pending.get();
        if (next != null) {
            List<PartitionRange> ranges = TopicReader.ranges(consumer, next.topic(), next.partitions());
            SeekPlan nextPlan = TopicReader.plan(consumer, next.topic(), ranges, next.start(), next.follow());
            TopicReader.assignAndSeek(consumer, next.topic(), nextPlan);
            // assign() keeps the paused state of partitions assigned before; start clean, pause below if asked
            consumer.resume(consumer.assignment());
            request = next;
            plan = nextPlan;
            pending.compareAndSet(next, null);
            remaining.clear();
            for (SeekPlan.PartitionStart s : plan.starts()) {
                remaining.put(new TopicPartition(request.topic(), s.partition()), s.stop());
            }
            pausedNow = false;
            sink.planned(ranges, plan);
            if (!request.follow() && remaining.isEmpty()) {
                return false;
            }
        }
        if (paused != pausedNow) {
            pausedNow = paused;
            if (pausedNow) {
                consumer.pause(consumer.assignment());
            } else {
                consumer.resume(consumer.assignment());
                // partitions that reached their stop stay paused
                consumer.pause(remainingDone(request, remaining));
            }
        }
        ConsumerRecords<byte[], byte[]> polled = consumer.poll(POLL);
        if (polled.isEmpty()) {
            checkAnswering();
        } else {
            answered();
        }
        List<RawRecord> batch = new ArrayList<>(polled.count());
        // per partition, not per record: the stop offset and the partition key are looked up once per batch
        for (TopicPartition tp : polled.partitions()) {
            long stop = Long.MAX_VALUE;
            if (!request.follow()) {
                Long s = remaining.get(tp);
                if (s == null) {
                    continue;
                }
                stop = s;
            }
            for (ConsumerRecord<byte[], byte[]> r : polled.records(tp)) {
                if (r.offset() >= stop) {
                    break;
                }
                if (plan.shows(r.timestamp())) {
                    batch.add(TopicReader.toRaw(r));
                }
            }
        }
        if (!batch.isEmpty()) {
            stats.add(batch);
            if (!sink.accept(batch)) {
                return false;
            }
            waitForRate(batch.size());
        }
        if (!request.follow()) {
            List<TopicPartition> done = new ArrayList<>();
            for (Map.Entry<TopicPartition, Long> e : remaining.entrySet()) {
                if (consumer.position(e.getKey()) >= e.getValue()) {
                    done.add(e.getKey());
                }
            }
            if (!done.isEmpty()) {
                consumer.pause(done);  // nothing more to fetch there
                done.forEach(remaining::remove);
            }
            return !remaining.isEmpty();
        }
        return true;
    }

    /**
     * An empty poll says nothing (a quiet topic, or brokers gone: the client retries without a word). While idle,
     * ask for the end offsets every {@link #PROBE_AFTER}: cheap (one ListOffsets), read-only, and it fails with a
     * timeout exactly when no broker answers.
     */
    private void checkAnswering() {
        long now = System.nanoTime();
        if (now - lastAnswerNanos < PROBE_AFTER.toNanos() || now - lastProbeNanos < PROBE_AFTER.toNanos()) {
            return;
        }
        lastProbeNanos = now;
        Set<TopicPartition> assigned = consumer.assignment();
        if (assigned.isEmpty()) {
            return;
        }
        try {
            consumer.endOffsets(assigned, PROBE_TIMEOUT);
            answered();
        } catch (org.apache.kafka.common.errors.TimeoutException noAnswer) {
            if (!silent && System.nanoTime() - lastAnswerNanos >= NO_ANSWER_AFTER.toNanos()) {
                silent = true;
                report(TailHealth.noAnswer(settings.description(), lastAnswerAt));
            }
        } catch (WakeupException | InterruptException e) {
            throw e;
        } catch (RuntimeException other) {
            // not a question of answering (e.g. a test consumer without end offsets): the poll reports real errors
            LOG.debug("end offsets probe: {}", other.toString());
        }
    }

    private void answered() {
        lastAnswerNanos = System.nanoTime();
        lastAnswerAt = Instant.now();
        if (silent) {
            silent = false;
            report(TailHealth.answersAgain(settings.description(), lastAnswerAt));
        }
    }

    private void report(TailHealth health) {
        LOG.info("{}", health.message(java.time.ZoneId.systemDefault()));
        stats.health(health);
        sink.health(health);
    }

    private List<TopicPartition> remainingDone(ReadRequest request, Map<TopicPartition, Long> remaining) {
        if (request == null || request.follow()) {
            return List.of();
        }
        return consumer.assignment().stream().filter(tp -> !remaining.containsKey(tp)).toList();
    }

    private void waitForRate(int records) {
        long waitNanos = rateLimit.reserve(records, System.nanoTime());
        long until = System.nanoTime() + waitNanos;
        while (running && pending.get() == null) {
            long left = until - System.nanoTime();
            if (left <= 0) {
                return;
            }
            try {
                Thread.sleep(Duration.ofNanos(Math.min(left, POLL.toNanos())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
                return;
            }
        }
    }
}
