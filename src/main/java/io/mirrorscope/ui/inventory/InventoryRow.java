package io.mirrorscope.ui.inventory;

import io.mirrorscope.core.inventory.Condition;
import io.mirrorscope.core.inventory.Health;
import io.mirrorscope.core.inventory.ResourceMeta;
import java.util.List;

/**
 * One line of an inventory table: a resource reduced to what its panel shows.
 *
 * @param panel      the table it belongs to
 * @param meta       identity, age and YAML of the resource
 * @param health     drives the status icon
 * @param columns    the panel's key columns, in {@link Panel#columns()} order
 * @param conditions shown in the details pane
 * @param notes      reader notes and failures, shown in the details pane
 */
public record InventoryRow(Panel panel, ResourceMeta meta, Health health, List<String> columns,
                           List<Condition> conditions, List<String> notes) {

    public InventoryRow {
        columns = List.copyOf(columns);
        conditions = List.copyOf(conditions);
        notes = List.copyOf(notes);
    }

    /** Unique across panels: kind, namespace and name. */
    public String key() {
        return meta.kind() + ":" + meta.key();
    }

    /** Whether any visible text contains the filter (case-insensitive, already lower-cased). */
    public boolean matches(String lowerFilter) {
        if (lowerFilter.isEmpty()) {
            return true;
        }
        if (meta.name().toLowerCase(java.util.Locale.ROOT).contains(lowerFilter)
                || meta.namespace().toLowerCase(java.util.Locale.ROOT).contains(lowerFilter)
                || meta.kind().toLowerCase(java.util.Locale.ROOT).contains(lowerFilter)) {
            return true;
        }
        return columns.stream().anyMatch(c -> c.toLowerCase(java.util.Locale.ROOT).contains(lowerFilter));
    }
}
