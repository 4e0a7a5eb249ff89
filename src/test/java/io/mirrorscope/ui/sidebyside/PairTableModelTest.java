package io.mirrorscope.ui.sidebyside;

import static org.assertj.core.api.Assertions.assertThat;

import io.mirrorscope.core.mirror.DelayMethod;
import io.mirrorscope.core.mirror.MatchSnapshot;
import io.mirrorscope.core.mirror.Pairing;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;

/** The table model's merge: appends, in-place updates, trimming in chunks, one change per merge. */
class PairTableModelTest {

    static MatchSnapshot snapshot(List<MatchSnapshot.PairRow> rows) {
        MatchSnapshot.Delay delay = new MatchSnapshot.Delay(DelayMethod.UNKNOWN, 0, -1, -1, -1, Map.of(), List.of());
        return new MatchSnapshot(Pairing.ORDER, false, 0, rows.size(), 0, 0, 0, 0, rows.size(), 0, 0, 0, 0, 0, 0, 0,
                delay, List.of(), List.of(), List.of(), false, rows);
    }

    static MatchSnapshot.PairRow pending(int p, long o) {
        return new MatchSnapshot.PairRow(p, o, 1000 + o, "k" + o, MatchSnapshot.PairState.PENDING, -1, -1, 0, -1,
                DelayMethod.UNKNOWN);
    }

    static MatchSnapshot.PairRow matched(int p, long o, long delay) {
        return new MatchSnapshot.PairRow(p, o, 1000 + o, "k" + o, MatchSnapshot.PairState.MATCHED, p, o, 1, delay,
                DelayMethod.LIVE_OBSERVED);
    }

    @Test
    void mergesAppendUpdateAndTrimInOneChangeEach() {
        PairTableModel model = new PairTableModel(100);
        List<ListChangeListener.Change<? extends PairItem>> changes = new ArrayList<>();
        model.addListener((ListChangeListener<PairItem>) changes::add);
        List<MatchSnapshot.PairRow> rows = new ArrayList<>();
        for (int i = 0; i < 90; i++) {
            rows.add(pending(i % 3, i / 3));
        }
        PairTableModel.Merge first = model.merge(snapshot(rows), (p, o) -> RecordPreview.NONE);
        assertThat(first.added()).isEqualTo(90);
        assertThat(changes).hasSize(1);

        // the last 30 rows of the window, half of them now copied, and 30 new ones: 120 rows > 100 trims 30
        List<MatchSnapshot.PairRow> next = new ArrayList<>();
        for (int i = 60; i < 120; i++) {
            next.add(i < 90 && i % 2 == 0 ? matched(i % 3, i / 3, i) : pending(i % 3, i / 3));
        }
        PairTableModel.Merge second = model.merge(snapshot(next), (p, o) -> RecordPreview.NONE);
        assertThat(changes).hasSize(2);
        assertThat(second.added()).isEqualTo(30);
        assertThat(second.updated()).isEqualTo(15);
        assertThat(second.newlyMeasured()).hasSize(15);
        assertThat(second.removed()).isEqualTo(30); // 120 - 100 + a tenth of 100
        assertThat(model).hasSize(90);
        assertThat(model.dropped()).isEqualTo(30);
        assertThat(model.getFirst().offset()).isEqualTo(10); // row 30 = P0/10
        assertThat(model.get(30).status()).isEqualTo(PairStatus.MATCHED); // row 60 = P0/20, copied
        assertThat(model.get(30).offset()).isEqualTo(20);
        assertThat(model.get(31).status()).isEqualTo(PairStatus.PENDING);

        // a row that left the table is not brought back by an older snapshot
        model.merge(snapshot(List.of(matched(0, 0, 5))), (p, o) -> RecordPreview.NONE);
        assertThat(model).hasSize(90).noneMatch(r -> r.partition() == 0 && r.offset() == 0);
    }

    @Test
    void clearStartsAfresh() {
        PairTableModel model = new PairTableModel(100);
        model.merge(snapshot(List.of(pending(0, 5), pending(0, 6))), (p, o) -> RecordPreview.NONE);
        model.clear();
        assertThat(model).isEmpty();
        model.merge(snapshot(List.of(matched(0, 0, 1))), (p, o) -> RecordPreview.NONE);
        assertThat(model).extracting(PairItem::offset).containsExactly(0L);
    }
}
