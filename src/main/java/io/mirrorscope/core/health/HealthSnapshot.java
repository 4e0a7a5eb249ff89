package io.mirrorscope.core.health;

import java.util.List;

/**
 * Every link's health after one refresh round, immutable; the monitor publishes one per round.
 *
 * @param atMillis     when the round finished
 * @param roundMillis  how long the round took (reads and judging)
 * @param links        one entry per link, in the order the links were given
 */
public record HealthSnapshot(long atMillis, long roundMillis, List<LinkHealth> links) {

    public HealthSnapshot {
        links = List.copyOf(links);
    }

    /** The worst verdict over all links; ok when there are none. */
    public Verdict worst() {
        return links.stream().map(LinkHealth::verdict).reduce(Verdict.OK, Verdict::worst);
    }
}
