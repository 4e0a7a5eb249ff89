package io.mirrorscope.core.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which topics a link copies: MM2's comma-separated regex lists, MM1's single regex, never MM2's internals. */
class MirrorLinkTest {

    private static MirrorLink link(String pattern, String exclude) {
        return new MirrorLink("europe", null, "us", null, pattern, exclude, TopicNaming.identity(), Health.READY);
    }

    @Test
    void aListOfPatternsWithAnExclusion() {
        MirrorLink l = link("orders.*, payments", "orders-internal.*");
        assertThat(l.mirrors("orders")).isTrue();
        assertThat(l.mirrors("orders-eu")).isTrue();
        assertThat(l.mirrors("payments")).isTrue();
        assertThat(l.mirrors("payments-eu")).as("a whole-name match").isFalse();
        assertThat(l.mirrors("orders-internal-1")).isFalse();
    }

    @Test
    void everythingButTheMirrorsOwnTopics() {
        MirrorLink l = link(".*", null);
        assertThat(l.mirrors("my-topic")).isTrue();
        assertThat(l.mirrors("heartbeats")).isFalse();
        assertThat(l.mirrors("europe.heartbeats")).isFalse();
        assertThat(l.mirrors("mm2-offset-syncs.us.internal")).isFalse();
        assertThat(l.mirrors("europe.checkpoints.internal")).isFalse();
        assertThat(l.mirrors("__consumer_offsets")).isFalse();
        assertThat(link(null, null).mirrors("my-topic")).as("no pattern: MM2's default .*").isTrue();
    }

    @Test
    void aNameThatIsNoRegexStillMatchesItself() {
        assertThat(link("weird[name", null).mirrors("weird[name")).isTrue();
    }
}
