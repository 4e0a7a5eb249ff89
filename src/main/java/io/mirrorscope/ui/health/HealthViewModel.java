package io.mirrorscope.ui.health;

import io.mirrorscope.core.health.ConfigDrift;
import io.mirrorscope.core.health.HealthSnapshot;
import io.mirrorscope.core.health.LinkHealth;
import io.mirrorscope.core.health.RecordChanges;
import io.mirrorscope.core.health.Verdict;
import io.mirrorscope.ui.common.ProblemSlot;
import io.mirrorscope.ui.common.Severity;
import io.mirrorscope.ui.common.ViewTarget;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * State of the mirror health view: per link of the mirror, the data's verdict and why (reasons, what the mirror does
 * to records, notes), both clusters with the time since their last answer, heartbeats, checkpoints, the coverage
 * table, the rates in and out over time, and how fresh all of it is. Fed with {@link HealthSnapshot}s by a
 * {@link HealthFeed}; FX thread only; tested without a toolkit.
 */
public final class HealthViewModel {

    /** Rate samples kept per link for the chart (at the default 2 s interval: 8 minutes). */
    static final int RATE_HISTORY = 240;

    /** One configuration entry that changes or drops records, as the view lists it. */
    public record Change(String sentence, boolean drops) {
    }

    /**
     * Records/s into the source and into the target of one link over time, oldest first (arrays of one length).
     *
     * @param times      epoch ms of each round
     * @param sourceRate records/s into the source's mirrored topics, summed
     * @param targetRate records/s into their target topics, summed
     */
    public record RateSeries(long[] times, double[] sourceRate, double[] targetRate) {
        static final RateSeries EMPTY = new RateSeries(new long[0], new double[0], new double[0]);

        public int size() {
            return times.length;
        }
    }

    private final ViewTarget.Health target;
    private final HealthFeed feed;
    private final ProblemSlot problems = new ProblemSlot();
    private Consumer<ViewTarget> opener = t -> { };
    private boolean started;

    private final ObservableList<String> links = FXCollections.observableArrayList();
    private final IntegerProperty selectedLink = new SimpleIntegerProperty(this, "selectedLink", 0);
    private final ReadOnlyObjectWrapper<Severity> severity = new ReadOnlyObjectWrapper<>(this, "severity",
            Severity.NEUTRAL);
    private final ReadOnlyStringWrapper verdict = new ReadOnlyStringWrapper(this, "verdict", "Waiting");
    private final ReadOnlyStringWrapper headline = new ReadOnlyStringWrapper(this, "headline",
            "Reading both clusters…");
    private final ReadOnlyStringWrapper crStatus = new ReadOnlyStringWrapper(this, "crStatus", "");
    private final ObservableList<String> reasons = FXCollections.observableArrayList();
    private final ObservableList<String> notes = FXCollections.observableArrayList();
    private final ObservableList<Change> changes = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper source = new ReadOnlyStringWrapper(this, "source", "");
    private final ReadOnlyStringWrapper targetCluster = new ReadOnlyStringWrapper(this, "target", "");
    private final ReadOnlyObjectWrapper<Severity> sourceSeverity = new ReadOnlyObjectWrapper<>(this,
            "sourceSeverity", Severity.NEUTRAL);
    private final ReadOnlyObjectWrapper<Severity> targetSeverity = new ReadOnlyObjectWrapper<>(this,
            "targetSeverity", Severity.NEUTRAL);
    private final ReadOnlyStringWrapper heartbeats = new ReadOnlyStringWrapper(this, "heartbeats", "");
    private final ReadOnlyObjectWrapper<Severity> heartbeatSeverity = new ReadOnlyObjectWrapper<>(this,
            "heartbeatSeverity", Severity.NEUTRAL);
    private final ReadOnlyStringWrapper rates = new ReadOnlyStringWrapper(this, "rates", "");
    private final ObservableList<CoverageRow> coverage = FXCollections.observableArrayList();
    private final ObservableList<LinkHealth.CheckpointHealth> checkpoints = FXCollections.observableArrayList();
    private final ObservableList<LinkHealth.OffsetSyncHealth> offsetSyncs = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<RateSeries> rateSeries = new ReadOnlyObjectWrapper<>(this, "rateSeries",
            RateSeries.EMPTY);
    private final ReadOnlyStringWrapper freshness = new ReadOnlyStringWrapper(this, "freshness", "No data yet");
    private final ReadOnlyBooleanWrapper stale = new ReadOnlyBooleanWrapper(this, "stale");
    private final ObjectProperty<Duration> interval = new SimpleObjectProperty<>(this, "interval");

    private HealthSnapshot latest;
    /** Per link index: a ring of (time, source rate, target rate). */
    private final List<long[]> rateTimes = new ArrayList<>();
    private final List<double[][]> rateValues = new ArrayList<>();
    private final List<int[]> rateCounts = new ArrayList<>();

    public HealthViewModel(ViewTarget.Health target, HealthFeed feed) {
        this.target = target;
        this.feed = feed;
        interval.set(feed.interval());
        interval.subscribe(d -> {
            if (d != null && !d.equals(feed.interval())) {
                feed.setInterval(d);
                tick(System.currentTimeMillis());
            }
        });
        selectedLink.subscribe(i -> show());
    }

    /** Starts the feed once (the view calls it when shown). */
    public void start() {
        if (!started) {
            started = true;
            feed.start(this::accept, problems);
        }
    }

    /** Where "Compare records" and similar requests go (the app opens the target). */
    public void setOpener(Consumer<ViewTarget> opener) {
        this.opener = opener == null ? t -> { } : opener;
    }

    public ViewTarget.Health target() {
        return target;
    }

    /** Takes a round's snapshot (FX thread). */
    public void accept(HealthSnapshot snapshot) {
        latest = snapshot;
        List<String> names = snapshot.links().stream().map(l -> linkName(l)).toList();
        if (!names.equals(links)) {
            links.setAll(names);
        }
        for (int i = 0; i < snapshot.links().size(); i++) {
            record(i, snapshot.atMillis(), snapshot.links().get(i));
        }
        if (selectedLink.get() >= names.size()) {
            selectedLink.set(0);
        }
        show();
        tick(snapshot.atMillis());
    }

    private static String linkName(LinkHealth l) {
        return l.source().alias() + " → " + l.target().alias();
    }

    private void record(int link, long at, LinkHealth l) {
        while (rateTimes.size() <= link) {
            rateTimes.add(new long[RATE_HISTORY]);
            rateValues.add(new double[2][RATE_HISTORY]);
            rateCounts.add(new int[2]); // [0] size, [1] next write position
        }
        double in = 0;
        double out = 0;
        boolean any = false;
        for (LinkHealth.TopicHealth t : l.topics()) {
            if (t.sourceRate() != null && t.targetRate() != null) {
                in += t.sourceRate();
                out += t.targetRate();
                any = true;
            }
        }
        if (!any) {
            return;
        }
        int[] c = rateCounts.get(link);
        rateTimes.get(link)[c[1]] = at;
        rateValues.get(link)[0][c[1]] = in;
        rateValues.get(link)[1][c[1]] = out;
        c[1] = (c[1] + 1) % RATE_HISTORY;
        c[0] = Math.min(RATE_HISTORY, c[0] + 1);
    }

    private RateSeries series(int link) {
        if (link >= rateCounts.size()) {
            return RateSeries.EMPTY;
        }
        int[] c = rateCounts.get(link);
        int n = c[0];
        int first = (c[1] - n + RATE_HISTORY) % RATE_HISTORY;
        long[] t = new long[n];
        double[] a = new double[n];
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            int at = (first + i) % RATE_HISTORY;
            t[i] = rateTimes.get(link)[at];
            a[i] = rateValues.get(link)[0][at];
            b[i] = rateValues.get(link)[1][at];
        }
        return new RateSeries(t, a, b);
    }

    private void show() {
        if (latest == null || latest.links().isEmpty()) {
            return;
        }
        int index = Math.min(Math.max(0, selectedLink.get()), latest.links().size() - 1);
        LinkHealth l = latest.links().get(index);
        severity.set(Severity.of(l.verdict()));
        verdict.set(l.verdict().label().toUpperCase(Locale.ROOT));
        headline.set(headline(l));
        crStatus.set(crText(l));
        reasons.setAll(l.reasons());
        notes.setAll(l.notes());
        changes.setAll(RecordChanges.describe(l.spec().connectorConfig()).stream()
                .map(c -> new Change("This mirror " + c.sentence(), c.drops())).toList());
        source.set(cluster("Source", l.source(), l.atMillis()));
        targetCluster.set(cluster("Target", l.target(), l.atMillis()));
        sourceSeverity.set(l.source().reachable() ? Severity.OK : Severity.DANGER);
        targetSeverity.set(l.target().reachable() ? Severity.OK : Severity.DANGER);
        // what was read before a cluster stopped answering is shown as such, never as current and green
        String asOf = l.target().reachable() ? "" : " (as of the target's last answer)";
        heartbeats.set(heartbeatText(l) + asOf);
        heartbeatSeverity.set(l.heartbeats() == null || l.heartbeats().newestTimestamp() == null || !asOf.isEmpty()
                ? Severity.NEUTRAL : l.heartbeats().stale() ? Severity.WARNING : Severity.OK);
        coverage.setAll(l.topics().stream().map(t -> row(t, l)).toList());
        checkpoints.setAll(l.checkpoints());
        offsetSyncs.setAll(l.offsetSyncs());
        RateSeries s = series(index);
        rateSeries.set(s);
        boolean both = l.source().reachable() && l.target().reachable();
        rates.set(s.size() == 0 ? "Rates appear after the second round" : String.format(Locale.ROOT,
                "in %s rec/s · out %s rec/s%s", rate(s.sourceRate()[s.size() - 1]),
                rate(s.targetRate()[s.size() - 1]), both ? "" : " (as of both clusters' last answers)"));
    }

    /** The one sentence under the verdict: what an operator should take away. */
    static String headline(LinkHealth l) {
        if (l.verdict() == Verdict.OK) {
            return "Both clusters answer and the target keeps up with the source"
                    + (l.heartbeats() != null && l.heartbeats().newestTimestamp() != null ? "; heartbeats are fresh"
                    : "") + ".";
        }
        boolean drops = l.reasons().stream().anyMatch(r -> r.contains("records it drops never reach the target"));
        if (drops) {
            return "Records are lost: the target falls behind the source, and this mirror is configured to drop "
                    + "records.";
        }
        if (l.reasons().isEmpty()) {
            return "";
        }
        String first = l.reasons().getFirst();
        int colon = first.indexOf(": ");
        // "the target x has not answered for 5 s: <the client's error>": the error is on the cluster's line
        boolean unreachable = !l.source().reachable() || !l.target().reachable();
        return capitalise(unreachable && colon > 0 ? first.substring(0, colon) : first) + ".";
    }

    private static String crText(LinkHealth l) {
        String cr = switch (l.crHealth()) {
            case READY -> "Ready";
            case DEGRADED -> "degraded";
            case FAILED -> "failed";
            case UNKNOWN -> "unknown";
        };
        boolean disagree = l.crHealth() == io.mirrorscope.core.inventory.Health.READY && l.verdict() != Verdict.OK;
        return "Custom resource: " + cr + (disagree ? " — the data disagrees, and the data wins" : "");
    }

    private static String cluster(String role, LinkHealth.ClusterHealth c, long now) {
        Long since = c.sinceLastAnswerMs(now);
        String state = c.reachable() ? "answers" : since == null ? "never answered"
                : "no answer for " + seconds(since);
        return role + " " + c.alias() + " (" + c.bootstrap() + "): " + state
                + (c.problem() == null || c.reachable() ? "" : " — " + c.problem());
    }

    private static String heartbeatText(LinkHealth l) {
        LinkHealth.HeartbeatHealth h = l.heartbeats();
        if (h == null) {
            return "Heartbeats: " + l.spec().replicatedHeartbeatsTopic() + " not found on the target";
        }
        if (h.newestTimestamp() == null) {
            return "Heartbeats: " + h.topic() + " holds none yet";
        }
        return "Heartbeats (" + h.topic() + (h.throughMirror() ? ", through the mirror" : ", the connector's own")
                + "): newest " + seconds(h.ageMs()) + " old" + (h.stale() ? " — stale" : "");
    }

    static CoverageRow row(LinkHealth.TopicHealth t, LinkHealth l) {
        Severity sev = switch (t.state()) {
            case MIRRORED -> Severity.OK;
            case NOT_MIRRORED -> t.note() != null && t.note().startsWith("excluded") ? Severity.NEUTRAL
                    : Severity.WARNING;
            case ORPHAN -> Severity.NEUTRAL;
        };
        if (t.state() == LinkHealth.TopicState.MIRRORED
                && l.reasons().stream().anyMatch(r -> r.contains(t.target()) || r.contains(t.source() + " "))) {
            sev = Severity.WARNING;
        }
        String drift = t.configDrift().isEmpty() ? t.note() == null ? "" : t.note()
                : String.join(", ", t.configDrift().stream().map(HealthViewModel::drift).toList());
        List<CoverageRow> parts = new ArrayList<>();
        for (LinkHealth.PartitionHealth p : t.partitions()) {
            parts.add(new CoverageRow("partition " + p.partition(), "", "", sev,
                    dash(p.sourceEnd()) + " → " + dash(p.targetEnd()), p.gap() == null ? "" : count(p.gap()), "",
                    rate(p.sourceRate()), rate(p.targetRate()), "", List.of(), List.of()));
        }
        return new CoverageRow(t.source(), t.target(), t.state().label().replace('-', ' '), sev,
                dash(t.sourcePartitions()) + "/" + dash(t.targetPartitions()),
                t.endOffsetGap() == null ? "" : count(t.endOffsetGap()),
                t.lagSeconds() == null ? "" : seconds(Math.round(t.lagSeconds() * 1000)), rate(t.sourceRate()),
                rate(t.targetRate()), drift, t.gapHistory(), parts);
    }

    private static String drift(ConfigDrift d) {
        return d.name() + " " + d.source() + " ≠ " + d.target();
    }

    /** Re-renders the age of the newest data at {@code now} (the view ticks it every second). */
    public void tick(long now) {
        if (latest == null) {
            freshness.set("No data yet · every " + seconds(feed.interval().toMillis()));
            return;
        }
        long age = Math.max(0, now - latest.atMillis());
        long every = feed.interval().toMillis();
        stale.set(age > 3 * every + 5_000);
        freshness.set("Updated " + seconds(age) + " ago · every " + seconds(every) + " · round took "
                + latest.roundMillis() + " ms");
    }

    /** Asks the app to open the side-by-side comparison of a coverage row's topics. */
    public void compare(CoverageRow row) {
        if (row != null && !row.target().isEmpty() && row.state().equals("mirrored")) {
            opener.accept(new ViewTarget.Compare(row.name(), row.target()));
        }
    }

    /** Stops the feed; the view is closing. */
    public void close() {
        feed.close();
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    static String seconds(long ms) {
        if (ms < 60_000) {
            return ms < 10_000 ? String.format(Locale.ROOT, "%.1f s", ms / 1000.0) : ms / 1000 + " s";
        }
        return ms < 3_600_000 ? ms / 60_000 + " min " + ms % 60_000 / 1000 + " s"
                : ms / 3_600_000 + " h " + ms % 3_600_000 / 60_000 + " min";
    }

    static String rate(Double d) {
        return d == null ? "" : String.format(Locale.ROOT, d < 10 ? "%.1f" : "%.0f", d);
    }

    private static String dash(Object o) {
        return o == null ? "–" : o.toString();
    }

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    // Properties

    public ProblemSlot problems() {
        return problems;
    }

    public ObservableList<String> links() {
        return links;
    }

    public IntegerProperty selectedLinkProperty() {
        return selectedLink;
    }

    public ReadOnlyObjectProperty<Severity> severityProperty() {
        return severity.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty verdictProperty() {
        return verdict.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty headlineProperty() {
        return headline.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty crStatusProperty() {
        return crStatus.getReadOnlyProperty();
    }

    public ObservableList<String> reasons() {
        return reasons;
    }

    public ObservableList<String> notes() {
        return notes;
    }

    public ObservableList<Change> changes() {
        return changes;
    }

    public ReadOnlyStringProperty sourceProperty() {
        return source.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty targetProperty() {
        return targetCluster.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Severity> sourceSeverityProperty() {
        return sourceSeverity.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Severity> targetSeverityProperty() {
        return targetSeverity.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty heartbeatsProperty() {
        return heartbeats.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Severity> heartbeatSeverityProperty() {
        return heartbeatSeverity.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty ratesProperty() {
        return rates.getReadOnlyProperty();
    }

    public ObservableList<CoverageRow> coverage() {
        return coverage;
    }

    public ObservableList<LinkHealth.CheckpointHealth> checkpoints() {
        return checkpoints;
    }

    /** The newest offset sync per mirrored partition. */
    public ObservableList<LinkHealth.OffsetSyncHealth> offsetSyncs() {
        return offsetSyncs;
    }

    public ReadOnlyObjectProperty<RateSeries> rateSeriesProperty() {
        return rateSeries.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty freshnessProperty() {
        return freshness.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty staleProperty() {
        return stale.getReadOnlyProperty();
    }

    /** The time between rounds; setting it changes the feed's. */
    public ObjectProperty<Duration> intervalProperty() {
        return interval;
    }

    /** The choices of the interval control. */
    public static List<Duration> intervalChoices() {
        return Arrays.asList(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5),
                Duration.ofSeconds(10), Duration.ofSeconds(30));
    }
}
