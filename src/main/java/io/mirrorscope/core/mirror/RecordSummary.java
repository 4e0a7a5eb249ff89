package io.mirrorscope.core.mirror;

/**
 * What the matcher keeps of a record: its coordinates, a 64-bit key hash, a short key preview and a 128-bit
 * fingerprint ({@link RecordFingerprint}). A few dozen bytes, whatever the size of the record.
 *
 * @param partition      partition the record was read from
 * @param offset         its offset there
 * @param timestamp      its timestamp (epoch ms); MM2 copies keep the source's
 * @param logAppendTime  true when {@code timestamp} is the broker's LogAppendTime (then, on a target, delay is exact)
 * @param keyHash        64-bit hash of the key bytes (0 for a null key); pairs by key
 * @param keyPreview     the key as short text (up to {@link RecordFingerprint#PREVIEW_CHARS} characters); "" for none
 * @param fingerprintHi  first half of the 128-bit fingerprint of key, value, headers and timestamp
 * @param fingerprintLo  second half
 * @param observedAt     wall-clock ms at which a live read received it; -1 for a record read from history
 * @param sourcePartition on a target record: the source partition its headers name, else -1
 * @param sourceOffset   on a target record: the source offset its headers name, else -1
 */
public record RecordSummary(int partition, long offset, long timestamp, boolean logAppendTime, long keyHash,
        String keyPreview, long fingerprintHi, long fingerprintLo, long observedAt, int sourcePartition,
        long sourceOffset) {

    /** Same fingerprint: the same key, value, headers (trace headers aside) and timestamp. */
    public boolean sameContent(RecordSummary other) {
        return fingerprintLo == other.fingerprintLo && fingerprintHi == other.fingerprintHi;
    }

    /** True when headers named this record's source coordinates. */
    public boolean hasSourceCoordinates() {
        return sourcePartition >= 0 && sourceOffset >= 0;
    }

    /** A copy with the source coordinates named by headers or offset arithmetic. */
    public RecordSummary withSourceCoordinates(int p, long o) {
        return new RecordSummary(partition, offset, timestamp, logAppendTime, keyHash, keyPreview, fingerprintHi,
                fingerprintLo, observedAt, p, o);
    }
}
