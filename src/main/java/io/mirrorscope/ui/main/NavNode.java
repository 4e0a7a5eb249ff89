package io.mirrorscope.ui.main;

import io.mirrorscope.core.inventory.Health;
import io.mirrorscope.ui.common.ViewTarget;
import java.util.List;

/**
 * One entry of the navigation tree: context → namespace → clusters / mirrors / tracing → resources. Immutable;
 * the view model replaces the whole tree when the inventory changes, the controller maps it to tree items.
 *
 * @param kind     what the entry is, which decides its icon and what opening it does
 * @param label    the text shown
 * @param key      a stable identity ("context/ns/kind/name") so the tree keeps expansion and selection
 * @param children the entries below it
 * @param target   what opening the entry shows; null for entries that open nothing
 * @param health   of the resource the entry stands for (an icon, never a mark in the label); UNKNOWN elsewhere
 */
public record NavNode(Kind kind, String label, String key, List<NavNode> children, ViewTarget target,
                      Health health) {

    /** Kinds of navigation entries. */
    public enum Kind { CONTEXT, NAMESPACE, SECTION, VIEW, CLUSTER, MIRROR, TRACING, PLACEHOLDER }

    public NavNode {
        children = List.copyOf(children);
    }

    /** An entry without a health of its own. */
    public NavNode(Kind kind, String label, String key, List<NavNode> children, ViewTarget target) {
        this(kind, label, key, children, target, Health.UNKNOWN);
    }

    /** An entry that opens nothing (context, namespace, section, placeholder). */
    public NavNode(Kind kind, String label, String key, List<NavNode> children) {
        this(kind, label, key, children, null);
    }

    public static NavNode leaf(Kind kind, String label, String key) {
        return new NavNode(kind, label, key, List.of(), null);
    }

    public static NavNode leaf(Kind kind, String label, String key, ViewTarget target) {
        return new NavNode(kind, label, key, List.of(), target);
    }
}
