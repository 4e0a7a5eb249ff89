package io.mirrorscope.ui.sidebyside;

import io.mirrorscope.core.mirror.DelayMethod;
import io.mirrorscope.core.mirror.MatchSnapshot;
import java.util.List;

/**
 * One row of the side-by-side table: a source record and what became of it on the target. Immutable; a row whose
 * state changes is replaced in the list, so the table redraws exactly that row.
 *
 * @param partition       source partition
 * @param offset          source offset
 * @param timestamp       source timestamp (epoch ms)
 * @param key             key preview
 * @param preview         value and header previews from the feed ({@link RecordPreview#NONE} when it has none)
 * @param state           the matcher's state
 * @param targetPartition the copy's partition, -1 when none
 * @param targetOffset    the first copy's offset, -1 when none
 * @param copies          copies read
 * @param delayMs         delay of the first copy, -1 when not measured
 * @param method          how the delay was measured
 * @param copyOffsets     every copy's offset when duplicated (from the snapshot's findings), else empty
 */
public record PairItem(int partition, long offset, long timestamp, String key, RecordPreview preview,
        MatchSnapshot.PairState state, int targetPartition, long targetOffset, int copies, long delayMs,
        DelayMethod method, List<Long> copyOffsets) {

    public PairItem {
        key = key == null ? "" : key;
        preview = preview == null ? RecordPreview.NONE : preview;
        copyOffsets = List.copyOf(copyOffsets);
    }

    /** A row from the matcher's row, with the feed's preview. */
    public static PairItem of(MatchSnapshot.PairRow r, RecordPreview preview) {
        return new PairItem(r.partition(), r.offset(), r.timestamp(), r.key(), preview, r.state(),
                r.targetPartition(), r.targetOffset(), r.copies(), r.delayMs(), r.method(), List.of());
    }

    /** This row updated from a newer matcher row; keeps the preview and the copy offsets already known. */
    PairItem updatedBy(MatchSnapshot.PairRow r) {
        return new PairItem(partition, offset, timestamp, key, preview, r.state(), r.targetPartition(),
                r.targetOffset(), r.copies(), r.delayMs(), r.method(), copyOffsets);
    }

    /** True when {@code r} says something this row does not show yet. */
    boolean differsFrom(MatchSnapshot.PairRow r) {
        return r.state() != state || r.copies() != copies || r.targetOffset() != targetOffset
                || r.targetPartition() != targetPartition || r.delayMs() != delayMs;
    }

    PairItem withState(MatchSnapshot.PairState s) {
        return new PairItem(partition, offset, timestamp, key, preview, s, targetPartition, targetOffset, copies,
                delayMs, method, copyOffsets);
    }

    PairItem withCopies(int targetPart, List<Long> offsets) {
        return new PairItem(partition, offset, timestamp, key, preview, MatchSnapshot.PairState.MATCHED,
                targetPart, offsets.isEmpty() ? targetOffset : offsets.getFirst(), Math.max(copies, offsets.size()),
                delayMs, method, offsets);
    }

    /** What the target side shows. */
    public PairStatus status() {
        return switch (state) {
            case MATCHED -> copies > 1 ? PairStatus.DUPLICATE : PairStatus.MATCHED;
            case MISSING -> PairStatus.MISSING;
            case PENDING -> PairStatus.PENDING;
            case EXPIRED -> PairStatus.EXPIRED;
            case COMPACTED -> PairStatus.COMPACTED;
        };
    }

    /** The copies' offsets as shown: "812" or "812, 815, 816" for a duplicate, "" when none. */
    public String targetOffsetsText() {
        if (!copyOffsets.isEmpty()) {
            StringBuilder sb = new StringBuilder();
            for (Long o : copyOffsets) {
                if (!sb.isEmpty()) {
                    sb.append(", ");
                }
                sb.append(o);
            }
            return sb.toString();
        }
        if (targetOffset < 0) {
            return "";
        }
        return copies > 1 ? targetOffset + " (+" + (copies - 1) + ")" : Long.toString(targetOffset);
    }
}
