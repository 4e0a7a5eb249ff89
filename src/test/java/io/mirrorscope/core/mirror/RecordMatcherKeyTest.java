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
 * Key pairing (MirrorMaker 1 and copiers that re-partition by key), compacted topics, delay methods and lag. The
 * key property test simulates a copier that reads three source partitions in one interleaved stream and writes each
 * record to partition {@code hash(key) % 2}, dropping and re-sending; order survives only per key.
 */
class RecordMatcherKeyTest {

    private static final long START = 1_000_000_000L;

    private static RecordSummary rec(int p, long offset, long ts, int key, long fp) {
        return new RecordSummary(p, offset, ts, false, 1000 + key, "k" + key, fp, ~fp, -1, -1, -1);
    }

    @Test
    void keyPairingGivesExactCountsWhenACopierRepartitions() {
        for (int seed = 0; seed < 200; seed++) {
            Random rnd = new Random(seed);
            int n = rnd.nextInt(400);
            List<RecordSummary> global = new ArrayList<>();
            long[] nextOffset = new long[3];
            for (int i = 0; i < n; i++) {
                int key = rnd.nextInt(25);
                int p = key % 3;
                global.add(rec(p, nextOffset[p]++, START - 10_000 + i, key, rnd.nextLong()));
            }
            List<List<RecordSummary>> target = List.of(new ArrayList<>(), new ArrayList<>());
            Map<Long, Integer> copies = new HashMap<>();
            Map<Long, List<Long>> copyOffsets = new HashMap<>();
            int tail = rnd.nextInt(5);
            for (int i = 0; i < n - tail; i++) {
                if (rnd.nextDouble() < 0.05) {
                    continue;
                }
                int from = rnd.nextDouble() < 0.03 ? Math.max(0, i - rnd.nextInt(6)) : i;
                for (int k = from; k <= i; k++) {
                    RecordSummary s = global.get(k);
                    int tp = (int) (s.keyHash() % 2);
                    List<RecordSummary> out = target.get(tp);
                    out.add(new RecordSummary(tp, out.size(), s.timestamp(), false, s.keyHash(), s.keyPreview(),
                            s.fingerprintHi(), s.fingerprintLo(), -1, -1, -1));
                    copies.merge(s.fingerprintHi(), 1, Integer::sum);
                    copyOffsets.computeIfAbsent(s.fingerprintHi(), x -> new ArrayList<>()).add((long) out.size() - 1);
                }
            }
            // the answer from the definitions: missing when a later record of the same key has a copy
            long matched = 0;
            long dups = 0;
            long pending = 0;
            TreeSet<String> missingAt = new TreeSet<>();
            for (int i = 0; i < n; i++) {
                RecordSummary s = global.get(i);
                int c = copies.getOrDefault(s.fingerprintHi(), 0);
                if (c > 0) {
                    matched++;
                    dups += c - 1;
                    continue;
                }
                boolean later = false;
                for (int k = i + 1; k < n && !later; k++) {
                    later = global.get(k).keyHash() == s.keyHash() && copies.containsKey(global.get(k).fingerprintHi());
                }
                if (later) {
                    missingAt.add(s.partition() + "@" + s.offset());
                } else {
                    pending++;
                }
            }
            RecordMatcher m = new RecordMatcher(MatcherConfig.defaults().withPairing(Pairing.KEY), null, START);
            // interleave: three source partitions and two target partitions, each in its own order
            List<List<RecordSummary>> sources = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
            global.forEach(s -> sources.get(s.partition()).add(s));
            int[] si = new int[3];
            int[] ti = new int[2];
            int left = n + target.get(0).size() + target.get(1).size();
            while (left > 0) {
                int pick = rnd.nextInt(5);
                if (pick < 3 && si[pick] < sources.get(pick).size()) {
                    m.addSource(sources.get(pick).get(si[pick]++));
                    left--;
                } else if (pick >= 3 && ti[pick - 3] < target.get(pick - 3).size()) {
                    m.addTarget(target.get(pick - 3).get(ti[pick - 3]++));
                    left--;
                }
            }
            m.finish(START);
            MatchSnapshot s = m.snapshot(0);
            String as = "seed " + seed;
            assertThat(s.pairing()).isEqualTo(Pairing.KEY);
            assertThat(s.matched()).as(as).isEqualTo(matched);
            assertThat(s.duplicates()).as(as).isEqualTo(dups);
            assertThat(s.missing()).as(as).isEqualTo(missingAt.size());
            assertThat(s.pending()).as(as).isEqualTo(pending);
            TreeSet<String> got = new TreeSet<>();
            s.missingRecords().forEach(r -> got.add(r.partition() + "@" + r.offset()));
            assertThat(got).as(as).isEqualTo(missingAt);
            for (MatchSnapshot.DuplicateRecord d : s.duplicateRecords()) {
                RecordSummary src = global.stream().filter(g -> g.partition() == d.partition()
                        && g.offset() == d.sourceOffset()).findFirst().orElseThrow();
                assertThat(d.targetOffsets()).as(as).isEqualTo(copyOffsets.get(src.fingerprintHi()));
            }
        }
    }

    @Test
    void compactedTopicsPairByKeyAndSkippedVersionsAreCompactedAwayNotMissing() {
        RecordMatcher m = new RecordMatcher(MatcherConfig.defaults().withCompacted(true), null, START);
        // key 1: the source kept v1 and v3 (v2 compacted away), the target only the copy of v3
        m.addSource(rec(0, 0, 1, 1, 11));
        m.addSource(rec(0, 5, 3, 1, 13));
        // key 2: the source kept v3 only, the target the copies of v2 and v3
        m.addSource(rec(0, 6, 4, 2, 23));
        m.addTarget(new RecordSummary(0, 0, 3, false, 1001, "k1", 13, ~13L, -1, -1, -1));
        m.addTarget(new RecordSummary(0, 1, 2, false, 1002, "k2", 22, ~22L, -1, -1, -1));
        m.addTarget(new RecordSummary(0, 2, 4, false, 1002, "k2", 23, ~23L, -1, -1, -1));
        m.finish(START);
        MatchSnapshot s = m.snapshot(10);
        assertThat(s.compacted()).isTrue();
        assertThat(s.pairing()).isEqualTo(Pairing.KEY);
        assertThat(s.matched()).isEqualTo(2);
        assertThat(s.missing()).isZero();
        assertThat(s.compactedAway()).isEqualTo(2);
        assertThat(s.recentPairs()).extracting(MatchSnapshot.PairRow::state).containsExactly(
                MatchSnapshot.PairState.COMPACTED, MatchSnapshot.PairState.MATCHED, MatchSnapshot.PairState.MATCHED);
    }

    @Test
    void delayIsMeasuredOnlyWhereItCanBeAndSaysHow() {
        RecordMatcher m = new RecordMatcher(MatcherConfig.defaults(), null, START);
        m.addSource(rec(0, 0, START - 500, 1, 1));
        m.addSource(rec(0, 1, START - 400, 1, 2));
        m.addSource(rec(0, 2, START - 300, 1, 3));
        m.addTarget(new RecordSummary(0, 0, START - 500, false, 1001, "k1", 1, ~1L, -1, -1, -1));      // history
        m.addTarget(new RecordSummary(0, 1, START - 400, false, 1001, "k1", 2, ~2L, START - 150, -1, -1)); // live
        RecordSummary appended = new RecordSummary(0, 2, START - 280, true, 1001, "k1", 3, ~3L, START, -1, -1);
        m.addTarget(appended);
        MatchSnapshot s = m.snapshot(3);
        assertThat(s.recentPairs()).extracting(MatchSnapshot.PairRow::method).containsExactly(DelayMethod.UNKNOWN,
                DelayMethod.LIVE_OBSERVED, DelayMethod.LOG_APPEND_TIME);
        assertThat(s.recentPairs()).extracting(MatchSnapshot.PairRow::delayMs).containsExactly(-1L, 250L, 20L);
        assertThat(s.delay().measured()).isEqualTo(2);
        assertThat(s.delay().max()).isEqualTo(250);
        assertThat(s.delay().byMethod()).containsEntry(DelayMethod.LIVE_OBSERVED, 1L)
                .containsEntry(DelayMethod.LOG_APPEND_TIME, 1L);
    }

    @Test
    void lagCountsSourceRecordsAfterTheLastOneKnownCopied() {
        RecordMatcher m = new RecordMatcher(MatcherConfig.defaults(), null, START);
        m.sourceRange(0, 0, 0, 10);
        for (int i = 0; i < 10; i++) {
            m.addSource(rec(0, i, START - 10_000 + i * 1000, 1, 100 + i));
        }
        for (int i = 0; i < 6; i++) {
            m.addTarget(new RecordSummary(0, i, START - 10_000 + i * 1000, false, 1001, "k1", 100 + i, ~(100L + i),
                    -1, -1, -1));
        }
        m.advance(START);
        MatchSnapshot.PartitionState p = m.snapshot(0).partitions().getFirst();
        assertThat(p.lastMirrored()).isEqualTo(5);
        assertThat(p.lag()).isEqualTo(4);
        assertThat(p.lagSeconds()).isEqualTo(4.0);  // the oldest uncopied record (offset 6) is 4 s old
        assertThat(p.pending()).isEqualTo(4);
    }
}
