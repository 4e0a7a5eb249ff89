package io.mirrorscope.core.mirror;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The window's fingerprint counts against a HashMap, through growth and deletions inside probe runs. */
class FingerprintCountsTest {

    @Test
    void agreesWithAMapUnderRandomAddsAndRemoves() {
        SplittableRandom rnd = new SplittableRandom(11);
        FingerprintCounts counts = new FingerprintCounts(16);
        Map<Long, Integer> expected = new HashMap<>();
        // few distinct keys (collisions, repeated counts) and small values (long probe runs after the mix)
        for (int step = 0; step < 200_000; step++) {
            long key = rnd.nextInt(3) == 0 ? rnd.nextLong() : rnd.nextInt(500);
            if (rnd.nextInt(5) < 3) {
                counts.add(key);
                expected.merge(key, 1, Integer::sum);
            } else {
                Long existing = expected.isEmpty() || rnd.nextBoolean() ? key
                        : expected.keySet().iterator().next();
                counts.remove(existing);
                expected.computeIfPresent(existing, (k, v) -> v == 1 ? null : v - 1);
            }
            if (step % 1000 == 0) {
                for (long k = 0; k < 500; k++) {
                    assertThat(counts.contains(k)).as("key %d at step %d", k, step).isEqualTo(expected.containsKey(k));
                }
                for (Long k : expected.keySet()) {
                    assertThat(counts.contains(k)).isTrue();
                }
            }
        }
        expected.forEach((k, v) -> {
            for (int i = 0; i < v; i++) {
                assertThat(counts.contains(k)).isTrue();
                counts.remove(k);
            }
            assertThat(counts.contains(k)).isFalse();
        });
    }
}
