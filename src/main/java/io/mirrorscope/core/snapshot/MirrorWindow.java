package io.mirrorscope.core.snapshot;

import io.mirrorscope.core.mirror.MatchSnapshot;
import java.util.List;
import java.util.Objects;

/**
 * One mirror link compared over a window of time: the findings, the matched-record table and the raw records of
 * both sides.
 *
 * @param mirror          the mirror's name ("" when compared by hand)
 * @param link            which of the mirror's links, from 0
 * @param sourceBootstrap the source's bootstrap servers
 * @param sourceTopic     the source topic
 * @param targetBootstrap the target's bootstrap servers
 * @param targetTopic     the target topic
 * @param fromMillis      where the window starts (epoch ms); -1 when read from the beginning
 * @param startedAt       when the compare started (epoch ms)
 * @param endedAt         when it ended (epoch ms)
 * @param pairingReason   why records were paired as they were
 * @param notes           the compare's notes
 * @param findings        counters, lag per partition, missing and duplicated records, and the matched-record
 *                        table ({@link MatchSnapshot#recentPairs()})
 * @param sourceRecords   raw source records, up to the size cap
 * @param targetRecords   raw target records, up to the size cap
 */
public record MirrorWindow(String mirror, int link, String sourceBootstrap, String sourceTopic,
                           String targetBootstrap, String targetTopic, long fromMillis, long startedAt, long endedAt,
                           String pairingReason, List<String> notes, MatchSnapshot findings, RecordSet sourceRecords,
                           RecordSet targetRecords) {

    public MirrorWindow {
        mirror = mirror == null ? "" : mirror;
        pairingReason = pairingReason == null ? "" : pairingReason;
        notes = notes == null ? List.of() : List.copyOf(notes);
        Objects.requireNonNull(findings, "findings");
        sourceRecords = sourceRecords == null ? RecordSet.empty(0) : sourceRecords;
        targetRecords = targetRecords == null ? RecordSet.empty(0) : targetRecords;
    }
}
