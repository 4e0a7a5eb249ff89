package io.mirrorscope.core.records;

/** Where reading starts in each partition; {@link SeekPlan} turns it into offsets. */
public sealed interface StartPosition {

    /** The first offset still on the broker. */
    record Beginning() implements StartPosition {
    }

    /** The end: only records written from now on. */
    record End() implements StartPosition {
    }

    /** A given offset, clamped to what the partition holds. */
    record AtOffset(long offset) implements StartPosition {
    }

    /** The first record with a timestamp at or after {@code epochMillis}; earlier timestamps are hidden. */
    record AtTime(long epochMillis) implements StartPosition {
    }

    /** The last {@code count} records of each partition. */
    record LastN(int count) implements StartPosition {
        public LastN {
            if (count < 0) {
                throw new IllegalArgumentException("count must not be negative: " + count);
            }
        }
    }

    static StartPosition beginning() {
        return new Beginning();
    }

    static StartPosition end() {
        return new End();
    }
}
