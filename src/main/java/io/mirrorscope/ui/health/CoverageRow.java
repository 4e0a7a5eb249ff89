package io.mirrorscope.ui.health;

import io.mirrorscope.ui.common.Severity;
import java.util.List;

/**
 * One row of the coverage table, ready to show: a topic of the link (with its partitions as children) or one
 * partition. Numbers are formatted by the view model so the table only displays; the order is the health engine's
 * (not mirrored first, then mirrored, then orphans, by name), so the columns do not sort.
 *
 * @param name       source topic, or "partition N"
 * @param target     target topic; "" for a partition row
 * @param state      mirrored, not mirrored, orphan (topic rows); "" for partitions
 * @param severity   how the row reads (a topic named by a reason is a warning)
 * @param partitions "source/target" partition counts, or the partition's "source end → target end"
 * @param gap        records the target is behind (end-offset gap), "" when unknown
 * @param lag        about how far behind in time, "" when unknown
 * @param sourceRate records/s into the source
 * @param targetRate records/s into the target
 * @param drift      configs that differ ("retention.ms 7d ≠ 1d"), or the row's note
 * @param gapHistory the gap at each kept sample, oldest first (the sparkline); empty for partitions
 * @param children   the partition rows of a mirrored topic
 */
public record CoverageRow(String name, String target, String state, Severity severity, String partitions, String gap,
                          String lag, String sourceRate, String targetRate, String drift, List<Long> gapHistory,
                          List<CoverageRow> children) {

    public CoverageRow {
        gapHistory = List.copyOf(gapHistory);
        children = List.copyOf(children);
    }
}
