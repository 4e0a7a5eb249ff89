package io.mirrorscope.core.mirror;

/** How source and target records were paired; {@link #label()} is the CLI's JSON value. */
public enum Pairing {
    /** MM2 keeps partition and order: each target partition is aligned in order against its source partition. */
    ORDER("order"),
    /** As {@link #ORDER}, with MM2's offset syncs giving each copy its source offset by arithmetic between syncs. */
    OFFSET_SYNCS("offset-syncs"),
    /** Each copy names its source partition and offset in headers. */
    HEADERS("headers"),
    /** Per key: MirrorMaker 1 and copiers that re-partition by key, and compacted topics. */
    KEY("key");

    private final String label;

    Pairing(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
