package io.mirrorscope.sandbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sandbox's fault switches. Each one changes the real pipeline, so the product sees the problem it names:
 * <ul>
 * <li>{@link #pauseMirror()} / {@link #resumeMirror()}: the MirrorSourceConnector is paused through Connect;</li>
 * <li>{@link #dropEveryKth(int)}: the mirror's Connect {@code Filter} transform drops every k-th replicated
 * record;</li>
 * <li>{@link #replay(int, long, long)}: a range of source records is written to the target again (duplicates, as
 * after a mirror task restart without committed offsets);</li>
 * <li>{@link #slowMirror(Duration)}: each replicated record is held until its source timestamp plus the delay;</li>
 * <li>{@link #stopTargetBroker()} / {@link #startTargetBroker()}: the target cluster's broker goes down and up.</li>
 * </ul>
 * On the command line: {@code --faults pause,drop-every=5,slow=2s,replay=0:0-9,target-broker-down}.
 */
public final class SandboxFaults {

    private static final Logger LOG = LoggerFactory.getLogger(SandboxFaults.class);

    /** What a dropped record was on the source side. */
    public record DroppedRecord(String sourceTopic, int partition, long offset) {
    }

    private volatile int dropEvery;
    private volatile Duration mirrorDelay = Duration.ZERO;
    private volatile boolean paused;
    private final AtomicLong seen = new AtomicLong();
    private final List<DroppedRecord> dropped = new CopyOnWriteArrayList<>();
    private volatile Sandbox sandbox;

    void attach(Sandbox owner) {
        this.sandbox = owner;
    }

    /** Drops every k-th replicated record from now on; {@code k <= 0} turns dropping off. */
    public void dropEveryKth(int k) {
        seen.set(0);
        dropEvery = Math.max(0, k);
        LOG.info("fault: drop every {} record(s) on the mirror", k <= 0 ? "no" : k + "th");
    }

    public int dropEvery() {
        return dropEvery;
    }

    /** The source coordinates of every record the mirror dropped so far. */
    public List<DroppedRecord> dropped() {
        return List.copyOf(dropped);
    }

    /** Whether the mirror drops this source record; counts only data records (not MirrorMaker's own topics). */
    boolean shouldDrop(String topic, int partition, long offset) {
        int k = dropEvery;
        if (k <= 0 || topic.endsWith("heartbeats") || topic.endsWith(".internal")
                || seen.incrementAndGet() % k != 0) {
            return false;
        }
        dropped.add(new DroppedRecord(topic, partition, offset));
        return true;
    }

    /** Holds each replicated record until its source timestamp plus {@code delay}; zero turns it off. */
    public void slowMirror(Duration delay) {
        mirrorDelay = delay.isNegative() ? Duration.ZERO : delay;
        LOG.info("fault: mirror delay {}", mirrorDelay);
    }

    public Duration mirrorDelay() {
        return mirrorDelay;
    }

    /** Pauses the MirrorSourceConnector (Connect pause: no records flow; status PAUSED). */
    public void pauseMirror() {
        requireSandbox().mirror().pause();
        paused = true;
        LOG.info("fault: mirror paused");
    }

    public void resumeMirror() {
        requireSandbox().mirror().resume();
        paused = false;
        LOG.info("fault: mirror resumed");
    }

    public boolean mirrorPaused() {
        return paused;
    }

    /**
     * Writes source records {@code [fromOffset, toOffset]} of one partition of the mirrored topic to the target topic
     * again, through the mirror's traced producer path, and returns how many were written.
     */
    public int replay(int partition, long fromOffset, long toOffset) {
        int count = requireSandbox().replay(partition, fromOffset, toOffset);
        LOG.info("fault: replayed {} record(s) of partition {} [{}..{}]", count, partition, fromOffset, toOffset);
        return count;
    }

    /** Stops the target cluster's broker (data kept). */
    public void stopTargetBroker() {
        requireSandbox().us().node().stop();
        LOG.info("fault: target broker stopped");
    }

    public void startTargetBroker() {
        requireSandbox().us().node().start();
        LOG.info("fault: target broker started");
    }

    public boolean targetBrokerRunning() {
        return requireSandbox().us().node().isRunning();
    }

    private Sandbox requireSandbox() {
        Sandbox owner = sandbox;
        if (owner == null) {
            throw new IllegalStateException("the sandbox is not running");
        }
        return owner;
    }

    /**
     * Applies a fault spec: comma-separated {@code pause}, {@code resume}, {@code drop-every=K} (0: off),
     * {@code slow=DURATION} (e.g. {@code 500ms}, {@code 2s}; 0s: off), {@code replay=PARTITION:FROM-TO},
     * {@code target-broker-down}, {@code target-broker-up}, {@code clear}.
     */
    public void apply(String spec) {
        for (String item : parse(spec)) {
            String[] kv = item.split("=", 2);
            String value = kv.length > 1 ? kv[1] : "";
            switch (kv[0]) {
                case "pause" -> pauseMirror();
                case "drop-every" -> dropEveryKth(Integer.parseInt(value));
                case "slow" -> slowMirror(parseDuration(value));
                case "replay" -> {
                    String[] pr = value.split(":", 2);
                    String[] range = pr[1].split("-", 2);
                    replay(Integer.parseInt(pr[0]), Long.parseLong(range[0]), Long.parseLong(range[1]));
                }
                case "target-broker-down" -> stopTargetBroker();
                case "resume" -> resumeMirror();
                case "target-broker-up" -> startTargetBroker();
                case "clear" -> clear();
                default -> throw new IllegalArgumentException("unknown fault: " + item);
            }
        }
    }

    /** Turns every fault off: mirror resumed, nothing dropped, no delay, target broker running. */
    public void clear() {
        dropEveryKth(0);
        slowMirror(Duration.ZERO);
        if (paused) {
            resumeMirror();
        }
        if (!targetBrokerRunning()) {
            startTargetBroker();
        }
    }

    /** Checks a fault spec without applying it; returns its items. */
    public static List<String> parse(String spec) {
        List<String> items = new ArrayList<>();
        if (spec == null || spec.isBlank()) {
            return items;
        }
        for (String raw : spec.split(",")) {
            String item = raw.trim().toLowerCase(Locale.ROOT);
            if (item.isEmpty()) {
                continue;
            }
            boolean ok = item.equals("pause") || item.equals("target-broker-down") || item.equals("resume")
                    || item.equals("target-broker-up") || item.equals("clear")
                    || item.matches("drop-every=\\d+") || item.matches("slow=\\d+(ms|s|m)")
                    || item.matches("replay=\\d+:\\d+-\\d+");
            if (!ok) {
                throw new IllegalArgumentException("bad fault '" + raw.trim() + "' (use pause, resume, drop-every=K, "
                        + "slow=500ms|2s, replay=PARTITION:FROM-TO, target-broker-down, target-broker-up, clear)");
            }
            items.add(item);
        }
        return items;
    }

    static Duration parseDuration(String text) {
        if (text.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
        }
        long n = Long.parseLong(text.substring(0, text.length() - 1));
        return text.endsWith("m") ? Duration.ofMinutes(n) : Duration.ofSeconds(n);
    }
}
