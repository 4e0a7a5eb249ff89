package io.mirrorscope.core.mirror;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The matcher against a seeded random mirror ({@link MirrorSimulation}): many seeds, each with drops, re-sent ranges,
 * an undelivered tail, retention on both sides, a source read that stops early, and a random interleaving of both
 * sides. Counts and offsets must equal the ones worked out from the definitions.
 */
class RecordMatcherPropertyTest {

    private static final int SEEDS = 400;
    private static final long GRACE = 10_000;

    @Test
    void orderPairingGivesExactCountsAndOffsets() {
        for (int seed = 0; seed < SEEDS; seed++) {
            check(seed, Pairing.ORDER, MatcherConfig.DEFAULT_WINDOW);
        }
    }

    @Test
    void headerCoordinatesGiveTheSameAnswer() {
        for (int seed = 0; seed < SEEDS; seed++) {
            check(seed, Pairing.HEADERS, MatcherConfig.DEFAULT_WINDOW);
        }
    }

    @Test
    void offsetSyncArithmeticGivesTheSameAnswerAsOrder() {
        for (int seed = 0; seed < SEEDS; seed++) {
            check(seed, Pairing.OFFSET_SYNCS, MatcherConfig.DEFAULT_WINDOW);
        }
    }

    @Test
    void aSmallWindowFoldsOldPairsIntoCountersThatStayExact() {
        // 5,000 records through a 256-record window: old pairs leave the window, the counters must not change, as
        // long as the target stays within the window of the source and re-sent ranges are shorter than it
        for (int seed = 0; seed < 50; seed++) {
            Random rnd = new Random(seed);
            MirrorSimulation sim = MirrorSimulation.single(rnd, 5_000, 0.05, 0.03);
            MirrorSimulation.Expected want = sim.expected();
            RecordMatcher m = new RecordMatcher(config(Pairing.ORDER, 256), null, MirrorSimulation.START);
            sim.feedLockstep(m, rnd, 100);
            m.finish(MirrorSimulation.START);
            MatchSnapshot s = m.snapshot(10);
            assertThat(m.retained()).isEqualTo(256);
            assertThat(s.recentPairs()).hasSize(10);
            assertThat(s.overflow()).as("seed %d", seed).isZero();
            assertThat(s.matched()).as("seed %d", seed).isEqualTo(want.matched());
            assertThat(s.missing()).as("seed %d", seed).isEqualTo(want.missing());
            assertThat(s.duplicates()).as("seed %d", seed).isEqualTo(want.duplicates());
            assertThat(s.pending()).as("seed %d", seed).isEqualTo(want.pending());
            TreeSet<String> missingAt = new TreeSet<>();
            s.missingRecords().forEach(r -> missingAt.add(MirrorSimulation.at(r.partition(), r.offset())));
            assertThat(missingAt).as("seed %d", seed).isEqualTo(want.missingAt());
        }
    }

    @Test
    void aWindowTooSmallForTheTargetsLagCountsOverflowNeverMissing() {
        Random rnd = new Random(7);
        MirrorSimulation sim = MirrorSimulation.single(rnd, 2_000, 0.0, 0.0);
        RecordMatcher m = new RecordMatcher(config(Pairing.ORDER, 100), null, MirrorSimulation.START);
        sim.feedLockstep(m, rnd, 1_000);  // the source runs 1,000 records ahead of a 100-record window
        m.finish(MirrorSimulation.START);
        MatchSnapshot s = m.snapshot(0);
        assertThat(s.missing()).isZero();
        assertThat(s.overflow()).isPositive();
        assertThat(s.matched() + s.overflow() + s.pending()).isEqualTo(2_000);
        assertThat(s.targetOutsideWindow()).as("copies of records pushed out").isEqualTo(s.overflow());
        assertThat(s.targetUnmatched()).isZero();
    }

    @Test
    void inFlightRecordsArePendingNotMissingUntilTheTargetIdlesForTheGracePeriod() {
        int seedsWithTail = 0;
        for (int seed = 0; seed < SEEDS; seed++) {
            Random rnd = new Random(seed);
            MirrorSimulation sim = MirrorSimulation.random(rnd, 0.0, 0.0);
            MirrorSimulation.Expected want = sim.expected();
            RecordMatcher m = new RecordMatcher(config(Pairing.ORDER, MatcherConfig.DEFAULT_WINDOW), null,
                    MirrorSimulation.START);
            sim.feed(m, rnd, false);
            m.finish(MirrorSimulation.START + GRACE - 1);
            MatchSnapshot s = m.snapshot(0);
            assertThat(s.missing()).as("seed %d: nothing dropped, nothing missing", seed).isZero();
            assertThat(s.pending()).as("seed %d", seed).isEqualTo(want.pending());
            if (want.pending() > 0) {
                seedsWithTail++;
            }
            m.advance(MirrorSimulation.START + GRACE);
            MatchSnapshot idle = m.snapshot(0);
            assertThat(idle.pending()).as("seed %d: idle target", seed).isZero();
            assertThat(idle.missing()).as("seed %d: idle target", seed).isEqualTo(want.pending());
        }
        assertThat(seedsWithTail).as("the simulation leaves tails in flight").isGreaterThan(SEEDS / 10);
    }

    @Test
    void theSimulationExercisesEveryCase() {
        long missing = 0;
        long duplicates = 0;
        long expired = 0;
        long outside = 0;
        for (int seed = 0; seed < SEEDS; seed++) {
            MirrorSimulation.Expected e = MirrorSimulation.random(new Random(seed), 0.05, 0.03).expected();
            missing += e.missing();
            duplicates += e.duplicates();
            expired += e.expired();
            outside += e.outside();
        }
        assertThat(missing).isGreaterThan(1000);
        assertThat(duplicates).isGreaterThan(1000);
        assertThat(expired).isGreaterThan(100);
        assertThat(outside).isGreaterThan(100);
    }

    private static MatcherConfig config(Pairing pairing, int window) {
        return MatcherConfig.defaults().withPairing(pairing).withWindow(window).withGraceMillis(GRACE)
                .withMaxFindings(1_000_000);
    }

    private static void check(int seed, Pairing pairing, int window) {
        Random rnd = new Random(seed);
        MirrorSimulation sim = MirrorSimulation.random(rnd, 0.05, 0.03);
        MirrorSimulation.Expected want = sim.expected();
        OffsetSyncs syncs = pairing == Pairing.OFFSET_SYNCS ? sim.offsetSyncs() : null;
        RecordMatcher m = new RecordMatcher(config(pairing, window), syncs, MirrorSimulation.START);
        sim.feed(m, rnd, pairing == Pairing.HEADERS);
        m.finish(MirrorSimulation.START);
        MatchSnapshot s = m.snapshot(0);
        String as = "seed " + seed + " " + pairing + " window " + window;
        assertThat(s.matched()).as(as + " matched").isEqualTo(want.matched());
        assertThat(s.missing()).as(as + " missing").isEqualTo(want.missing());
        assertThat(s.duplicates()).as(as + " duplicates").isEqualTo(want.duplicates());
        assertThat(s.pending()).as(as + " pending").isEqualTo(want.pending());
        assertThat(s.expired()).as(as + " expired").isEqualTo(want.expired());
        assertThat(s.targetOutsideWindow()).as(as + " outside").isEqualTo(want.outside());
        assertThat(s.targetUnmatched()).as(as + " unmatched").isZero();
        assertThat(s.overflow()).as(as + " overflow").isZero();
        assertThat(s.fingerprintMismatch()).as(as + " fingerprint mismatch").isZero();
        assertThat(s.targetBacklog()).as(as + " backlog").isZero();
        TreeSet<String> missingAt = new TreeSet<>();
        s.missingRecords().forEach(r -> missingAt.add(MirrorSimulation.at(r.partition(), r.offset())));
        assertThat(missingAt).as(as + " missing offsets").isEqualTo(want.missingAt());
        Map<String, List<Long>> dups = new HashMap<>();
        s.duplicateRecords().forEach(d -> dups.put(MirrorSimulation.at(d.partition(), d.sourceOffset()),
                new ArrayList<>(d.targetOffsets())));
        assertThat(dups).as(as + " duplicate offsets").isEqualTo(want.duplicateCopies());
        long perPartitionMissing = s.partitions().stream().mapToLong(MatchSnapshot.PartitionState::missing).sum();
        assertThat(perPartitionMissing).as(as + " per-partition missing").isEqualTo(want.missing());
    }
}
