package io.mirrorscope.ui.common;

/**
 * What a navigation entry opens: one typed target per kind of view, so opening the same target twice finds the
 * tab already showing it (records compare by value) instead of building a second view.
 */
public sealed interface ViewTarget {

    /** The tab title of the view that shows this target. */
    String title();

    /** The target whose view shows this one (a mirror is shown by the inventory view, selected). */
    default ViewTarget view() {
        return this;
    }

    /** The inventory overview. */
    record Inventory() implements ViewTarget {
        @Override
        public String title() {
            return "Inventory";
        }
    }

    /** The topology picture. */
    record Topology() implements ViewTarget {
        @Override
        public String title() {
            return "Topology";
        }
    }

    /** The topic browser of one Kafka cluster. */
    record Cluster(String namespace, String name) implements ViewTarget {
        @Override
        public String title() {
            return "Topics — " + name;
        }
    }

    /** A mirror (MM2, MM1, connector), shown selected in the inventory's Mirrors tab. */
    record Mirror(String namespace, String name) implements ViewTarget {
        @Override
        public String title() {
            return "Inventory";
        }

        @Override
        public ViewTarget view() {
            return new Inventory();
        }
    }

    /** A tracing back-end: its trace search and timeline. */
    record Tracing(String namespace, String name) implements ViewTarget {
        @Override
        public String title() {
            return "Traces — " + name;
        }
    }

    /** The side-by-side comparison of a source topic and its mirrored copy. */
    record Compare(String sourceTopic, String targetTopic) implements ViewTarget {
        @Override
        public String title() {
            return "Mirror " + sourceTopic + " → " + targetTopic;
        }
    }

    /** The health of a mirror's links, from the data: verdict and why, rates, heartbeats, checkpoints, coverage. */
    record Health(String namespace, String name) implements ViewTarget {
        @Override
        public String title() {
            return "Health — " + name;
        }
    }
}
