package io.mirrorscope.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.mirrorscope.core.ProblemException;
import io.mirrorscope.core.mirror.MatchSnapshot;
import io.mirrorscope.core.snapshot.MirrorWindow;
import io.mirrorscope.core.snapshot.SnapshotFormat;
import io.mirrorscope.snapshot.SnapshotSamples;
import io.mirrorscope.ui.sidebyside.CompareFeed;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The side-by-side feed over a saved window, on the real matcher and a window the real matcher paired. */
class SnapshotCompareFeedTest {

    private static final Executor DIRECT = Runnable::run;

    private static SnapshotCompareFeed feed(MirrorWindow w) {
        return new SnapshotCompareFeed(w, SnapshotCompareFeed.sidesOf(w), DIRECT);
    }

    @Test
    void theWholeWindowIsTheSavedFindingsAndAPartitionIsPairedAgain() {
        MirrorWindow w = SnapshotSamples.window(40, SnapshotFormat.DEFAULT_RECORD_CAP_BYTES);
        SnapshotCompareFeed feed = feed(w);
        assertThat(feed.partitions()).containsExactly(0, 1);
        assertThat(feed.live()).isFalse();
        feed.start(-1, Set.of());
        assertThat(feed.snapshot()).isSameAs(w.findings());
        assertThat(feed.sides().mapping()).endsWith("as saved");

        // partition 1 holds the duplicate, partition 0 the missing record
        feed.seek(-1, Set.of(1));
        MatchSnapshot p1 = feed.snapshot();
        assertThat(p1).isNotSameAs(w.findings());
        assertThat(p1.sourceRecords()).isEqualTo(20);
        assertThat(p1.missing()).isZero();
        assertThat(p1.duplicates()).isEqualTo(1);
        assertThat(p1.recentPairs()).extracting(MatchSnapshot.PairRow::partition).containsOnly(1);
        // the delays observed live come back with the copies' saved arrivals
        Map<Long, Long> savedDelays = w.findings().recentPairs().stream().filter(r -> r.partition() == 1)
                .collect(Collectors.toMap(MatchSnapshot.PairRow::offset, MatchSnapshot.PairRow::delayMs));
        for (MatchSnapshot.PairRow r : p1.recentPairs()) {
            assertThat(r.delayMs()).as("P1 offset " + r.offset()).isEqualTo(savedDelays.get(r.offset()));
        }
        assertThat(feed.sides().mapping()).contains("paired again from the saved records");

        feed.seek(-1, Set.of(0));
        assertThat(feed.snapshot().missing()).isEqualTo(w.findings().missing());
        assertThat(feed.snapshot().missingRecords()).isEqualTo(w.findings().missingRecords());
    }

    @Test
    void previewsAndPairsComeFromTheSavedRecordsAndARecordOverTheCapSaysSo() {
        MirrorWindow w = SnapshotSamples.window(40, 600);  // a few hundred bytes: most records dropped
        assertThat(w.sourceRecords().dropped()).isPositive();
        SnapshotCompareFeed feed = feed(w);
        var kept = w.sourceRecords().records().getFirst();
        assertThat(feed.preview(kept.partition(), kept.offset()).headers()).contains("traceparent=");
        List<CompareFeed.Pair> pairs = new ArrayList<>();
        List<Exception> failures = new ArrayList<>();
        feed.fetch(kept.partition(), kept.offset(), kept.partition(), kept.offset(), pairs::add, failures::add);
        assertThat(pairs).singleElement().satisfies(p -> {
            assertThat(p.source()).isSameAs(kept);
            assertThat(p.target()).isPresent();
        });
        var last = w.findings().recentPairs().getLast();
        feed.fetch(last.partition(), last.offset(), -1, -1, pairs::add, failures::add);
        assertThat(failures).singleElement().isInstanceOf(ProblemException.class);
        assertThat(((ProblemException) failures.getFirst()).problem().detail())
                .contains("over the snapshot's size cap");
        assertThat(feed.preview(last.partition(), last.offset()).value()).isEmpty();

        feed.seek(w.startedAt(), Set.of());
        assertThat(feed.sides().mapping()).contains("records over the size cap are not in the snapshot");
    }
}
