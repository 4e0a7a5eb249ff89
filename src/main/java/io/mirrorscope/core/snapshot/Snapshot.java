package io.mirrorscope.core.snapshot;

import io.mirrorscope.core.inventory.Inventory;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything an incident snapshot holds: what was read from one context at one moment, so a colleague can reopen
 * it later without the cluster. The file format is {@code docs/snapshot-format.md}; the adapter
 * {@code io.mirrorscope.snapshot} writes and reads it.
 *
 * @param header    when, where and by which version it was taken
 * @param inventory the inventory and topology as read (resources, statuses, problems)
 * @param window    the compared mirror window; null when the snapshot holds no mirror window
 * @param health    mirror health in the shape of {@code mirrorscope health -o json}; null when not read
 * @param traces    the traces linked from the window's records, as the back end returned them
 */
public record Snapshot(Header header, Inventory inventory, MirrorWindow window, Map<String, Object> health,
                       List<TraceDocument> traces) {

    public Snapshot {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(inventory, "inventory");
        // health trees hold nulls (a value not measured), which Map.copyOf refuses; order is the report's
        health = health == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(health));
        traces = traces == null ? List.of() : List.copyOf(traces);
    }

    /**
     * Facts about the snapshot itself.
     *
     * @param formatVersion the file format version it was read from (written files: {@link SnapshotFormat#VERSION})
     * @param writtenBy     the MirrorScope version that wrote it
     * @param takenAt       when it was taken
     * @param context       the kubeconfig context; may be ""
     * @param namespace     the namespace read; may be ""
     * @param notes         anything a reader should know (records cut at the size cap, traces not found, …)
     */
    public record Header(int formatVersion, String writtenBy, Instant takenAt, String context, String namespace,
                         List<String> notes) {
        public Header {
            Objects.requireNonNull(takenAt, "takenAt");
            writtenBy = writtenBy == null ? "" : writtenBy;
            context = context == null ? "" : context;
            namespace = namespace == null ? "" : namespace;
            notes = notes == null ? List.of() : List.copyOf(notes);
        }

        /** "snapshot of &lt;context&gt; at &lt;time&gt;", the title every view of a snapshot carries. */
        public String title() {
            return "snapshot of " + (context.isEmpty() ? "(no context)" : context) + " at " + takenAt;
        }
    }
}
