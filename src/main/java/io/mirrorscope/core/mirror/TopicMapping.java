package io.mirrorscope.core.mirror;

import io.mirrorscope.core.inventory.MirrorLink;
import io.mirrorscope.core.inventory.TopicNaming;
import java.util.Objects;

/**
 * A source topic and the topic its mirror writes it to. The naming comes from the mirror link
 * ({@link TopicNaming}: MM1 and MM2's identity policy keep the name, MM2's default policy writes
 * {@code <alias><separator><topic>}), unless the user names the target topic.
 *
 * @param sourceTopic the topic on the source cluster
 * @param targetTopic the topic on the target cluster
 * @param how         how the target name was found, for the user ("identity", "europe.&lt;topic&gt;", "given")
 */
public record TopicMapping(String sourceTopic, String targetTopic, String how) {

    public TopicMapping {
        Objects.requireNonNull(sourceTopic, "sourceTopic");
        Objects.requireNonNull(targetTopic, "targetTopic");
    }

    /** The target of {@code sourceTopic} under {@code naming}, or {@code override} when the user gave one. */
    public static TopicMapping of(TopicNaming naming, String sourceTopic, String override) {
        if (override != null && !override.isBlank()) {
            return new TopicMapping(sourceTopic, override.strip(), "given");
        }
        TopicNaming n = naming == null ? TopicNaming.identity() : naming;
        return new TopicMapping(sourceTopic, n.targetTopic(sourceTopic), n.description());
    }

    /** The target of {@code sourceTopic} on a mirror link (MM1 links carry the identity naming). */
    public static TopicMapping of(MirrorLink link, String sourceTopic, String override) {
        return of(link.naming(), sourceTopic, override);
    }
}
