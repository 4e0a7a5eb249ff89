package io.mirrorscope.core.mirror;

/**
 * What a compare running in the window says about its mirror link, for views that show links (the topology): the
 * lag and the findings so far. Taken from the compare's latest {@link MatchSnapshot}.
 *
 * @param sourceTopic the topic compared
 * @param targetTopic its copy
 * @param lag         source records not known copied, summed over the partitions compared
 * @param lagSeconds  age of the oldest record not known copied (the largest over the partitions)
 * @param matched     source records with a copy
 * @param missing     missing records
 * @param duplicates  extra copies
 * @param pending     records waiting for a copy
 * @param takenAt     when the snapshot was taken (epoch ms)
 */
public record LinkCompareStatus(String sourceTopic, String targetTopic, long lag, double lagSeconds, long matched,
        long missing, long duplicates, long pending, long takenAt) {

    /** The status a snapshot gives. */
    public static LinkCompareStatus of(String sourceTopic, String targetTopic, MatchSnapshot s) {
        long lag = 0;
        double seconds = 0;
        for (MatchSnapshot.PartitionState p : s.partitions()) {
            lag += p.lag();
            seconds = Math.max(seconds, p.lagSeconds());
        }
        return new LinkCompareStatus(sourceTopic, targetTopic, lag, seconds, s.matched(), s.missing(),
                s.duplicates(), s.pending(), s.takenAt());
    }
}
