package io.mirrorscope.core.snapshot;

/**
 * The names of the snapshot file format (docs/snapshot-format.md). Version 1 is frozen: a change that any reader
 * of version 1 would not accept as it is (a field added, renamed or retyped) is a new version, and every newer
 * MirrorScope reads every older version (checked-in sample files of each version prove it).
 */
public final class SnapshotFormat {

    /**
     * The version written. 1: the first. 2: mirror links carry their source connector's configuration
     * ({@code connectorConfig}); a version-1 file reads with none.
     */
    public static final int VERSION = 2;
    /** The value of the manifest's {@code format} field. */
    public static final String FORMAT = "mirrorscope-snapshot";
    /** The file name extension. */
    public static final String EXTENSION = ".msnap";

    public static final String MANIFEST = "manifest.json";
    public static final String INVENTORY = "inventory.json";
    public static final String RESOURCES = "resources.json";
    public static final String WINDOW = "mirror/window.json";
    public static final String FINDINGS = "mirror/findings.json";
    public static final String PAIRS = "mirror/pairs.json";
    public static final String SOURCE_RECORDS = "mirror/source-records.json";
    public static final String TARGET_RECORDS = "mirror/target-records.json";
    public static final String HEALTH = "health.json";
    public static final String TRACES_INDEX = "traces/index.json";
    /** Trace bodies: {@code traces/<traceId>.json}. */
    public static final String TRACES_DIR = "traces/";

    /** Default cap on the raw record bytes kept per side. */
    public static final long DEFAULT_RECORD_CAP_BYTES = 32L * 1024 * 1024;

    private SnapshotFormat() {
    }
}
