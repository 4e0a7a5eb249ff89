package io.mirrorscope.core.health;

import io.mirrorscope.core.inventory.Health;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Judges one link round after round. It keeps what a verdict needs from earlier rounds — when each cluster last
 * answered, a few end-offset samples per partition (rates and trends), a longer gap history per topic (the
 * sparkline), the last topic configs — and turns each {@link LinkReading} into an immutable {@link LinkHealth}.
 *
 * <p>The rules, each with its reason sentence:
 * <ul>
 * <li>a cluster with no answer for {@link HealthSettings#unreachableAfter()} → failing; no answer this round but
 * within it → degraded;</li>
 * <li>a mirrored topic whose gap (source end − target end, summed over partitions) grew over the trend window while
 * the target took records slower than the source, or whose target took nothing while the source grew → degraded.
 * The gap's absolute value is not judged: a mirror started after the source's retention removed records keeps a
 * constant gap, and MM2's at-least-once duplicates can make it negative;</li>
 * <li>partition counts that differ → degraded;</li>
 * <li>a newest replicated heartbeat older than {@link HealthSettings#heartbeatStaleAfter()} → degraded;</li>
 * <li>a topic that matches the pattern with no target topic → degraded, unless {@code topics.exclude} takes it out
 * (then a note); orphans and config drift are notes;</li>
 * <li>when the data says degraded and the mirror's configuration can drop records (a {@code Filter} transform,
 * {@code errors.tolerance=all}), a reason names it;</li>
 * <li>the custom resource's status never makes the verdict: when it says Ready and the data does not, a reason
 * says the data wins.</li>
 * </ul>
 * Not thread-safe: the monitor calls it from its refresh thread only.
 */
public final class LinkHealthTracker {

    private final LinkSpec spec;
    private final HealthSettings settings;
    private final TopicSelection selection;
    private final Pattern groups;
    private final List<RecordChanges.Change> changes;

    private Long sourceLastAnswer;
    private Long targetLastAnswer;
    private Map<String, Integer> sourceTopics = Map.of();
    private Set<String> sourceAll = Set.of();
    private Map<String, Integer> targetTopics = Map.of();
    private final Map<String, Map<String, String>> sourceConfigs = new HashMap<>();
    private final Map<String, Map<String, String>> targetConfigs = new HashMap<>();
    private final Map<PartitionKey, SampleRing> partitionRings = new HashMap<>();
    private final Map<String, SampleRing> topicRings = new HashMap<>();
    private LinkReading.HeartbeatReading heartbeat;
    private List<LinkReading.CheckpointReading> checkpoints = List.of();
    private List<LinkReading.OffsetSyncReading> offsetSyncs = List.of();
    private Map<PartitionKey, Long> sourceEnds = Map.of();
    private Map<PartitionKey, Long> targetEnds = Map.of();

    public LinkHealthTracker(LinkSpec spec, HealthSettings settings) {
        this.spec = spec;
        this.settings = settings;
        this.selection = new TopicSelection(spec);
        this.groups = spec.groupsPattern() == null || spec.groupsPattern().isBlank() ? null
                : Pattern.compile(TopicSelection.alternation(spec.groupsPattern()));
        this.changes = RecordChanges.describe(spec.connectorConfig());
    }

    public LinkSpec spec() {
        return spec;
    }

    /** The selection of this link's topics (the monitor asks which topics to read). */
    public TopicSelection selection() {
        return selection;
    }

    /** Takes one round's reading and judges the link. */
    public LinkHealth update(LinkReading reading) {
        long now = reading.atMillis();
        List<String> reasons = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Verdict verdict = Verdict.OK;

        ClusterReading src = reading.source();
        ClusterReading tgt = reading.target();
        ClusterReading syncsSide = spec.offsetSyncsOnTarget() ? reading.target() : reading.source();
        if (syncsSide.answered()) {
            offsetSyncs = reading.offsetSyncs();
        }
        if (src.answered()) {
            sourceLastAnswer = src.atMillis();
            sourceTopics = src.partitionCounts();
            sourceAll = src.topics();
            sourceEnds = src.endOffsets();
            sourceConfigs.putAll(src.topicConfigs());
        }
        if (tgt.answered()) {
            targetLastAnswer = tgt.atMillis();
            targetTopics = tgt.partitionCounts();
            targetEnds = tgt.endOffsets();
            targetConfigs.putAll(tgt.topicConfigs());
            if (reading.heartbeat() != null) {
                heartbeat = reading.heartbeat();
            }
            checkpoints = reading.checkpoints();
        }
        verdict = verdict.worst(reachability("source", spec.sourceAlias(), src, sourceLastAnswer, now, reasons));
        verdict = verdict.worst(reachability("target", spec.targetAlias(), tgt, targetLastAnswer, now, reasons));
        boolean bothAnswered = src.answered() && tgt.answered();

        List<LinkHealth.TopicHealth> topics = new ArrayList<>();
        List<String> behind = new ArrayList<>();
        int drifted = 0;
        List<String> excluded = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        List<String> orphans = new ArrayList<>();
        for (Map.Entry<String, Integer> e : sourceTopics.entrySet()) {
            String source = e.getKey();
            if (!matches(source)) {
                continue;
            }
            String target = selection.targetOf(source);
            Integer targetCount = targetTopics.get(target);
            if (selection.excluded(source)) {
                excluded.add(source);
                topics.add(notMirrored(source, target, e.getValue(), targetCount, "excluded by topics.exclude"
                        + (targetCount == null ? "" : "; target topic " + target + " remains from before")));
                continue;
            }
            if (targetCount == null) {
                missing.add(source);
                topics.add(notMirrored(source, target, e.getValue(), null, "matches the pattern but has no target "
                        + "topic (MM2 creates target topics every refresh.topics.interval.seconds, 600 s by default)"));
                continue;
            }
            LinkHealth.TopicHealth th = mirrored(source, target, e.getValue(), targetCount, now, bothAnswered,
                    behind);
            if (!th.configDrift().isEmpty()) {
                drifted++;
            }
            if (!e.getValue().equals(targetCount)) {
                verdict = verdict.worst(Verdict.DEGRADED);
                reasons.add(source + " has " + e.getValue() + " partitions on the source but " + target + " has "
                        + targetCount + " on the target");
            }
            topics.add(th);
        }
        for (Map.Entry<String, Integer> e : targetTopics.entrySet()) {
            String target = e.getKey();
            String source = selection.sourceOf(target).orElse(null);
            if (source == null || sourceAll.contains(source) && matches(source)) {
                continue;
            }
            if (sourceAll.contains(source) && spec.naming().isIdentity()) {
                continue; // identity: a target topic of the same name as an unmirrored source topic is its own
            }
            if (sourceLastAnswer == null) {
                continue; // no source topic list yet: nothing can be called an orphan
            }
            String why = sourceAll.contains(source) ? "source topic " + source + " no longer matches the pattern"
                    : "source topic " + source + " is gone";
            orphans.add(target);
            topics.add(new LinkHealth.TopicHealth(source, target, LinkHealth.TopicState.ORPHAN,
                    sourceTopics.get(source), e.getValue(), null, null, null, null, List.of(), List.of(), List.of(),
                    why));
        }
        topics.sort(Comparator.comparing((LinkHealth.TopicHealth t) -> t.state().ordinal())
                .thenComparing(LinkHealth.TopicHealth::source));

        if (!behind.isEmpty()) {
            verdict = verdict.worst(Verdict.DEGRADED);
            reasons.addAll(behind);
        }
        if (!missing.isEmpty()) {
            verdict = verdict.worst(Verdict.DEGRADED);
            reasons.add(count(missing.size(), "topic") + verb(missing.size(), " matches the pattern but is",
                    " match the pattern but are") + " not on the target: "
                    + sample(missing));
        }
        if (!excluded.isEmpty()) {
            notes.add(count(excluded.size(), "topic") + verb(excluded.size(), " matches the pattern but is",
                    " match the pattern but are") + " excluded (topics.exclude): "
                    + sample(excluded));
        }
        if (!orphans.isEmpty()) {
            notes.add(count(orphans.size(), "target topic") + verb(orphans.size(), " looks mirrored but has",
                    " look mirrored but have") + " no mirrored source "
                    + "(orphans): " + sample(orphans));
        }
        if (drifted > 0) {
            notes.add(count(drifted, "mirrored topic") + verb(drifted, " has", " have")
                    + " configs that differ from the source");
        }
        if (sourceLastAnswer != null && targetLastAnswer != null && topics.stream()
                .noneMatch(t -> t.state() == LinkHealth.TopicState.MIRRORED)) {
            notes.add("no topic is mirrored: no source topic matches `" + spec.topicsPattern() + "` with a target "
                    + "topic");
        }

        LinkHealth.HeartbeatHealth hb = heartbeatHealth(now);
        if (hb != null && hb.stale()) {
            verdict = verdict.worst(Verdict.DEGRADED);
            reasons.add("the newest heartbeat " + (hb.throughMirror() ? "through the mirror" : "of the mirror's "
                    + "heartbeat connector") + " (" + hb.topic() + ") is "
                    + seconds(hb.ageMs()) + " old (threshold " + settings.heartbeatStaleAfter().toSeconds() + " s)");
        } else if (heartbeat != null && !heartbeat.exists()) {
            notes.add("no heartbeats topic " + heartbeat.topic() + " on the target: heartbeats are off, or the "
                    + "mirror never ran");
        } else if (hb != null && hb.newestTimestamp() == null) {
            notes.add("the heartbeats topic " + hb.topic() + " holds no heartbeat yet");
        }

        List<LinkHealth.CheckpointHealth> cps = checkpointHealth();
        if (!cps.isEmpty()) {
            notes.add("MM2 translates a group's offset to at or before its true position on the target (from the "
                    + "newest offset sync, plus at most one): a failover re-reads records, it never skips them");
        }

        if (verdict == Verdict.DEGRADED && (!behind.isEmpty() || hb != null && hb.stale())) {
            for (RecordChanges.Change c : changes) {
                if (c.drops()) {
                    reasons.add("the target falls behind and this mirror " + c.sentence()
                            + ": records it drops never reach the target");
                }
            }
        }
        Health cr = spec.crHealth();
        if (verdict != Verdict.OK && cr == Health.READY) {
            reasons.add("the custom resource says Ready, but the data disagrees: the data wins");
        } else if (verdict == Verdict.OK && (cr == Health.FAILED || cr == Health.DEGRADED)) {
            notes.add("the custom resource reports " + cr.name().toLowerCase(Locale.ROOT) + ", yet both clusters "
                    + "answer and the target keeps up");
        }

        return new LinkHealth(spec, now, clusterHealth(spec.sourceAlias(), spec.sourceBootstrap(), src,
                sourceLastAnswer), clusterHealth(spec.targetAlias(), spec.targetBootstrap(), tgt, targetLastAnswer),
                verdict, reasons, notes, topics, hb, cps, changes.stream().map(RecordChanges.Change::sentence)
                .toList(), cr, offsetSyncHealth());
    }

    private boolean matches(String sourceTopic) {
        return selection.matches(sourceTopic);
    }

    private Verdict reachability(String role, String alias, ClusterReading reading, Long lastAnswer, long now,
                                 List<String> reasons) {
        if (reading.answered()) {
            return Verdict.OK;
        }
        String who = "the " + role + " " + (alias == null ? "cluster" : alias);
        String why = reading.problem() == null ? "" : ": " + reading.problem();
        if (lastAnswer == null) {
            reasons.add(who + " does not answer" + why);
            return Verdict.FAILING;
        }
        long since = now - lastAnswer;
        if (since >= settings.unreachableAfter().toMillis()) {
            reasons.add(who + " has not answered for " + seconds(since) + why);
            return Verdict.FAILING;
        }
        reasons.add(who + " did not answer the last request (" + seconds(since) + " since its last answer)" + why);
        return Verdict.DEGRADED;
    }

    private static LinkHealth.ClusterHealth clusterHealth(String alias, String bootstrap, ClusterReading r,
                                                          Long lastAnswer) {
        return new LinkHealth.ClusterHealth(alias, bootstrap, r.answered(), lastAnswer, r.problem());
    }

    private static LinkHealth.TopicHealth notMirrored(String source, String target, Integer sourceCount,
                                                      Integer targetCount, String note) {
        return new LinkHealth.TopicHealth(source, target, LinkHealth.TopicState.NOT_MIRRORED, sourceCount,
                targetCount, null, null, null, null, List.of(), List.of(), List.of(), note);
    }

    private LinkHealth.TopicHealth mirrored(String source, String target, int sourceCount, int targetCount, long now,
                                            boolean sample, List<String> behind) {
        int n = settings.trendSamples();
        List<LinkHealth.PartitionHealth> parts = new ArrayList<>(sourceCount);
        long sumSource = 0;
        long sumTarget = 0;
        boolean complete = true;
        for (int p = 0; p < sourceCount; p++) {
            PartitionKey sk = new PartitionKey(source, p);
            Long se = sourceEnds.get(sk);
            Long te = targetEnds.get(new PartitionKey(target, p));
            SampleRing ring = partitionRings.get(sk);
            if (se != null && te != null) {
                sumSource += se;
                sumTarget += te;
                if (sample) {
                    if (ring == null) {
                        ring = new SampleRing(n);
                        partitionRings.put(sk, ring);
                    }
                    ring.add(now, se, te);
                }
            } else {
                complete = false;
            }
            parts.add(new LinkHealth.PartitionHealth(p, se, te, se != null && te != null ? se - te : null,
                    ring == null ? null : ring.sourceRate(n), ring == null ? null : ring.targetRate(n)));
        }
        SampleRing topicRing = topicRings.get(source);
        if (sample && complete) {
            if (topicRing == null) {
                topicRing = new SampleRing(settings.historySamples());
                topicRings.put(source, topicRing);
            }
            topicRing.add(now, sumSource, sumTarget);
        }
        Double sourceRate = topicRing == null ? null : topicRing.sourceRate(n);
        Double targetRate = topicRing == null ? null : topicRing.targetRate(n);
        Long gap = complete ? sumSource - sumTarget : null;
        List<Long> history = new ArrayList<>();
        if (topicRing != null) {
            for (int i = 0; i < topicRing.size(); i++) {
                history.add(topicRing.gap(i));
            }
            String why = behind(source, target, topicRing, n);
            if (why != null) {
                behind.add(why);
            }
        }
        Double lagSeconds = gap == null || sourceRate == null || sourceRate <= 0 ? null
                : Math.max(0, gap) / sourceRate;
        List<ConfigDrift> drift = ConfigDrift.compare(sourceConfigs.get(source), targetConfigs.get(target));
        return new LinkHealth.TopicHealth(source, target, LinkHealth.TopicState.MIRRORED, sourceCount, targetCount,
                gap, sourceRate, targetRate, lagSeconds, drift, parts, history, null);
    }

    /** The reason a topic falls behind over the trend window, or null when it keeps up (or too few samples). */
    private String behind(String source, String target, SampleRing ring, int n) {
        if (ring.size() < n) {
            return null;
        }
        int first = ring.windowStart(n);
        int last = ring.size() - 1;
        long gapFirst = ring.gap(first);
        long gapLast = ring.gap(last);
        int up = 0;
        int down = 0;
        for (int i = first + 1; i <= last; i++) {
            long step = ring.gap(i) - ring.gap(i - 1);
            if (step > 0) {
                up++;
            } else if (step < 0) {
                down++;
            }
        }
        double sourceRate = ring.sourceRate(n);
        double targetRate = ring.targetRate(n);
        long window = ring.time(last) - ring.time(first);
        String rates = String.format(Locale.ROOT, "target %.1f rec/s, source %.1f rec/s", targetRate, sourceRate);
        if (sourceRate > 0 && targetRate == 0) {
            return target + " took no record in " + seconds(window) + " while " + source + " grew (" + rates + ")";
        }
        boolean growing = gapLast > gapFirst && up > down;
        boolean slower = targetRate < sourceRate * (1 - settings.rateTolerance());
        if (growing && slower) {
            return "the gap of " + source + " → " + target + " grew from " + gapFirst + " to " + gapLast
                    + " records in " + seconds(window) + " (" + rates + ")";
        }
        return null;
    }

    private LinkHealth.HeartbeatHealth heartbeatHealth(long now) {
        if (heartbeat == null || !heartbeat.exists()) {
            return null;
        }
        Long newest = heartbeat.newestTimestamp();
        Long age = newest == null ? null : Math.max(0, now - newest);
        return new LinkHealth.HeartbeatHealth(heartbeat.topic(), newest, age,
                age != null && age > settings.heartbeatStaleAfter().toMillis(), heartbeat.throughMirror());
    }

    /** The newest sync of each mirrored partition, with the source records after it; by topic and partition. */
    private List<LinkHealth.OffsetSyncHealth> offsetSyncHealth() {
        List<LinkHealth.OffsetSyncHealth> out = new ArrayList<>();
        for (LinkReading.OffsetSyncReading s : offsetSyncs) {
            if (!selection.mirrored(s.topic())) {
                continue;
            }
            Long end = sourceEnds.get(new PartitionKey(s.topic(), s.partition()));
            out.add(new LinkHealth.OffsetSyncHealth(s.topic(), s.partition(), s.upstream(), s.downstream(),
                    end == null ? null : Math.max(0, end - s.upstream())));
        }
        out.sort(Comparator.comparing(LinkHealth.OffsetSyncHealth::topic)
                .thenComparingInt(LinkHealth.OffsetSyncHealth::partition));
        return out;
    }

    private List<LinkHealth.CheckpointHealth> checkpointHealth() {
        List<LinkHealth.CheckpointHealth> out = new ArrayList<>();
        for (LinkReading.CheckpointReading c : checkpoints) {
            if (groups != null && !groups.matcher(c.group()).matches()) {
                continue;
            }
            String target = c.topic();
            String source = selection.sourceOf(target).orElse(target);
            Long sourceEnd = sourceEnds.get(new PartitionKey(source, c.partition()));
            Long targetEnd = targetEnds.get(new PartitionKey(target, c.partition()));
            Long reRead = null;
            if (sourceEnd != null && targetEnd != null) {
                // records after the restart point on the target, minus those the group had not read on the source
                reRead = Math.max(0, (targetEnd - c.downstreamOffset()) - (sourceEnd - c.upstreamOffset()));
            }
            String sentence = "failover now restarts " + c.group() + " at offset " + c.downstreamOffset() + " of "
                    + target + "-" + c.partition() + (reRead == null ? "" : ": about " + reRead + " record"
                    + (reRead == 1 ? "" : "s") + " re-read");
            out.add(new LinkHealth.CheckpointHealth(c.group(), source, target, c.partition(), c.upstreamOffset(),
                    c.downstreamOffset(), reRead, sentence));
        }
        out.sort(Comparator.comparing(LinkHealth.CheckpointHealth::group)
                .thenComparing(LinkHealth.CheckpointHealth::topic)
                .thenComparingInt(LinkHealth.CheckpointHealth::partition));
        return out;
    }

    private static String seconds(long ms) {
        return ms < 10_000 ? String.format(Locale.ROOT, "%.1f s", ms / 1000.0) : (ms / 1000) + " s";
    }

    /** The verb phrase for {@code n} things: "1 topic matches", "2 topics match". */
    private static String verb(int n, String one, String many) {
        return n == 1 ? one : many;
    }

    private static String count(int n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }

    private static String sample(List<String> names) {
        return names.size() <= 5 ? String.join(", ", names)
                : String.join(", ", names.subList(0, 5)) + " and " + (names.size() - 5) + " more";
    }
}
