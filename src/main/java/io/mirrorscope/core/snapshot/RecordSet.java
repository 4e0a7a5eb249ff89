package io.mirrorscope.core.snapshot;

import io.mirrorscope.core.records.RawRecord;
import java.util.ArrayList;
import java.util.List;

/**
 * The raw records of one side of a window, bytes untouched, up to a cap in bytes (records can be megabytes: a count
 * would not bound the file).
 *
 * @param records  the records kept, in the order read
 * @param capBytes the cap on the bytes of key, value and headers of the records kept
 * @param dropped  records read but not kept because the cap was reached
 */
public record RecordSet(List<RawRecord> records, long capBytes, long dropped) {

    public RecordSet {
        records = List.copyOf(records);
    }

    /** No records. */
    public static RecordSet empty(long capBytes) {
        return new RecordSet(List.of(), capBytes, 0);
    }

    /** Collects records up to a byte cap; not thread-safe (one reader thread per side). */
    public static final class Builder {
        private final long capBytes;
        private final List<RawRecord> records = new ArrayList<>();
        private long bytes;
        private long dropped;

        public Builder(long capBytes) {
            this.capBytes = capBytes;
        }

        /** Keeps the record when it fits under the cap, else counts it as dropped. */
        public void add(RawRecord r) {
            int size = r.sizeInBytes();
            if (bytes + size > capBytes) {
                dropped++;
                return;
            }
            bytes += size;
            records.add(r);
        }

        public RecordSet build() {
            return new RecordSet(records, capBytes, dropped);
        }
    }
}
