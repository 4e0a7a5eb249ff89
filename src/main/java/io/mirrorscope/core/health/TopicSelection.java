package io.mirrorscope.core.health;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Which topics a link mirrors, as MirrorMaker 2 decides it ({@code MirrorSourceConnector.shouldReplicateTopic}):
 * the topic matches {@code topics} (full match; a comma list is an alternation), is not internal ({@code __*},
 * {@code *.internal}, {@code *-internal}, {@code *.replica}), and is not a remote topic of the target itself
 * (a cycle). {@code topics.exclude} is kept apart: an excluded topic still matches the pattern, so coverage can say
 * "not mirrored: excluded" instead of hiding it. Heartbeats are mirrored whatever the pattern; they are handled
 * apart.
 */
public final class TopicSelection {

    private final LinkSpec spec;
    private final Pattern include;
    private final Pattern exclude;
    private final String heartbeatsSuffix;
    /** Topic names rarely change and a round asks about thousands: remember each answer (read by several threads). */
    private final Map<String, Boolean> matched = new ConcurrentHashMap<>();

    public TopicSelection(LinkSpec spec) {
        this.spec = spec;
        this.heartbeatsSuffix = spec.separator() + "heartbeats";
        this.include = Pattern.compile(alternation(spec.topicsPattern()));
        this.exclude = spec.topicsExclude() == null || spec.topicsExclude().isBlank() ? null
                : Pattern.compile(alternation(spec.topicsExclude()));
    }

    /** MM2 takes comma-separated regex lists; one alternation says the same. */
    static String alternation(String list) {
        return Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.joining("|"));
    }

    /** MM2's internal topics and Kafka's: never mirrored. */
    public static boolean internal(String topic) {
        return topic.startsWith("__") || topic.startsWith(".") || topic.endsWith(".internal")
                || topic.endsWith("-internal") || topic.endsWith(".replica");
    }

    /** Heartbeats topics ({@code heartbeats}, {@code <alias>.heartbeats}): mirrored always, judged apart. */
    public boolean heartbeats(String topic) {
        return topic.equals("heartbeats") || topic.endsWith(".heartbeats")
                || topic.endsWith(heartbeatsSuffix);
    }

    /** A source topic the pattern selects (exclusion not applied). */
    public boolean matches(String sourceTopic) {
        return matched.computeIfAbsent(sourceTopic, this::decide);
    }

    private boolean decide(String sourceTopic) {
        if (internal(sourceTopic) || heartbeats(sourceTopic) || cycle(sourceTopic)) {
            return false;
        }
        return include.matcher(sourceTopic).matches();
    }

    /** A selected topic that {@code topics.exclude} takes out again. */
    public boolean excluded(String sourceTopic) {
        return exclude != null && exclude.matcher(sourceTopic).matches();
    }

    /** A topic MM2 mirrors. */
    public boolean mirrored(String sourceTopic) {
        return matches(sourceTopic) && !excluded(sourceTopic);
    }

    /** A topic on the source that came from the target (default policy): MM2 does not send it back. */
    private boolean cycle(String sourceTopic) {
        return !spec.naming().isIdentity() && spec.targetAlias() != null
                && sourceTopic.startsWith(spec.targetAlias() + spec.separator());
    }

    /** The target topic of a source topic. */
    public String targetOf(String sourceTopic) {
        return spec.naming().targetTopic(sourceTopic);
    }

    /**
     * The source topic a target topic would come from, when the target topic looks like this link's: the prefix
     * under the default policy, the pattern under identity. Internal and heartbeats topics give empty.
     */
    public Optional<String> sourceOf(String targetTopic) {
        String prefix = spec.naming().prefix();
        // the prefix first: with 100 links on a cluster, most target topics belong to another link
        if (!prefix.isEmpty() && (!targetTopic.startsWith(prefix) || targetTopic.length() == prefix.length())) {
            return Optional.empty();
        }
        if (internal(targetTopic) || heartbeats(targetTopic)) {
            return Optional.empty();
        }
        if (!prefix.isEmpty()) {
            return Optional.of(targetTopic.substring(prefix.length()));
        }
        return include.matcher(targetTopic).matches() ? Optional.of(targetTopic) : Optional.empty();
    }
}
