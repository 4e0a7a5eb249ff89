package io.mirrorscope.core.inventory;

/**
 * How a mirror names the target topic of a source topic.
 *
 * <p>MirrorMaker 1 and MirrorMaker 2's {@code IdentityReplicationPolicy} keep the name. MirrorMaker 2's
 * {@code DefaultReplicationPolicy} writes {@code <sourceAlias><separator><topic>}, the separator coming from
 * {@code replication.policy.separator} (default "."). A policy class we do not know is assumed to behave like
 * the default one (most custom policies extend it) and says so in {@link #description()}.
 *
 * @param prefix      what is put in front of the source topic name; "" for identity
 * @param policyClass the configured {@code replication.policy.class}; null when not set
 * @param assumed     true when the policy class is unknown and the prefix is a guess
 */
public record TopicNaming(String prefix, String policyClass, boolean assumed) {

    /** Strimzi's and Kafka's identity policies (Strimzi shipped its own before Kafka 3.0 had one). */
    private static final java.util.Set<String> IDENTITY_CLASSES = java.util.Set.of(
            "org.apache.kafka.connect.mirror.IdentityReplicationPolicy",
            "io.strimzi.kafka.connect.mirror.IdentityReplicationPolicy");
    private static final String DEFAULT_CLASS = "org.apache.kafka.connect.mirror.DefaultReplicationPolicy";

    public TopicNaming {
        prefix = prefix == null ? "" : prefix;
    }

    /** Names are kept (MirrorMaker 1). */
    public static TopicNaming identity() {
        return new TopicNaming("", null, false);
    }

    /**
     * The naming of a MirrorMaker 2 flow.
     *
     * @param policyClass {@code replication.policy.class}, or null for the default policy
     * @param sourceAlias the alias of the source cluster
     * @param separator   {@code replication.policy.separator}, or null for "."
     */
    public static TopicNaming mirrorMaker2(String policyClass, String sourceAlias, String separator) {
        String cls = policyClass == null || policyClass.isBlank() ? null : policyClass.strip();
        if (cls != null && IDENTITY_CLASSES.contains(cls)) {
            return new TopicNaming("", cls, false);
        }
        String sep = separator == null ? "." : separator;
        String alias = sourceAlias == null ? "" : sourceAlias;
        boolean known = cls == null || DEFAULT_CLASS.equals(cls);
        return new TopicNaming(alias + sep, cls, !known);
    }

    public boolean isIdentity() {
        return prefix.isEmpty();
    }

    /** The target topic for a source topic. */
    public String targetTopic(String sourceTopic) {
        return prefix + sourceTopic;
    }

    /** "identity" or "&lt;prefix&gt;topic", plus a caveat for unknown policies. */
    public String description() {
        String base = isIdentity() ? "identity" : prefix + "<topic>";
        return assumed ? base + " (assumed; custom policy " + policyClass + ")" : base;
    }
}
