package io.mirrorscope.core.health;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a mirror does to records, in plain sentences, from its connector configuration: Connect transforms and
 * their predicates ({@code Filter} + {@code HasHeaderKey} → "drops records that have header `drop`"),
 * {@code topics.exclude}/{@code topics.blacklist}, {@code errors.tolerance=all} (records that fail are skipped
 * silently), and switches that leave the target different on purpose (topic config sync off). An operator asking
 * "why does the target have fewer records" needs these next to the numbers.
 *
 * <p>Takes the keys as a connector has them ({@code transforms}, {@code transforms.x.type}, …). MirrorMaker 2's
 * dedicated-mode files prefix them with the flow ({@code a->b.transforms}); {@link #flowConfig} strips that.
 */
public final class RecordChanges {

    /** One thing the mirror does. {@code drops} is true when records can go missing on the target because of it. */
    public record Change(String sentence, boolean drops, String name) {
    }

    private RecordChanges() {
    }

    /**
     * The configuration one flow of a dedicated MM2 sees: global keys, overridden by {@code <source>-><target>.} keys
     * (MirrorMakerConfig's precedence); cluster-prefixed client keys are left out.
     */
    public static Map<String, String> flowConfig(Map<String, String> mm2Properties, String sourceAlias,
                                                 String targetAlias) {
        String flow = sourceAlias + "->" + targetAlias + ".";
        Map<String, String> out = new LinkedHashMap<>();
        mm2Properties.forEach((k, v) -> {
            if (!k.contains("->")) {
                out.put(k, v);
            }
        });
        mm2Properties.forEach((k, v) -> {
            if (k.startsWith(flow)) {
                out.put(k.substring(flow.length()), v);
            }
        });
        return out;
    }

    /** Every change, in configuration order. */
    public static List<Change> describe(Map<String, String> config) {
        List<Change> out = new ArrayList<>();
        for (String name : list(config.get("transforms"))) {
            out.add(transform(config, name));
        }
        String exclude = first(config, "topics.exclude", "topics.blacklist");
        if (exclude != null) {
            out.add(new Change("does not mirror topics matching `" + exclude + "` (topics.exclude)", false,
                    "topics.exclude"));
        }
        String groupsExclude = first(config, "groups.exclude", "groups.blacklist");
        if (groupsExclude != null) {
            out.add(new Change("does not checkpoint consumer groups matching `" + groupsExclude
                    + "` (groups.exclude)", false, "groups.exclude"));
        }
        if ("all".equalsIgnoreCase(config.get("errors.tolerance"))) {
            out.add(new Change("skips records that fail conversion or a transform, without stopping "
                    + "(errors.tolerance=all)", true, "errors.tolerance"));
        }
        if ("false".equalsIgnoreCase(config.get("sync.topic.configs.enabled"))) {
            out.add(new Change("does not copy topic configs to the target (sync.topic.configs.enabled=false): "
                    + "config drift is expected", false, "sync.topic.configs.enabled"));
        }
        String configExclude = config.get("config.properties.exclude");
        if (configExclude != null) {
            out.add(new Change("does not copy topic configs matching `" + configExclude
                    + "` (config.properties.exclude)", false, "config.properties.exclude"));
        }
        if ("false".equalsIgnoreCase(config.get("emit.heartbeats.enabled"))) {
            out.add(new Change("emits no heartbeats (emit.heartbeats.enabled=false)", false,
                    "emit.heartbeats.enabled"));
        }
        if ("false".equalsIgnoreCase(config.get("emit.checkpoints.enabled"))) {
            out.add(new Change("emits no checkpoints (emit.checkpoints.enabled=false): consumer groups cannot fail "
                    + "over with translated offsets", false, "emit.checkpoints.enabled"));
        }
        return out;
    }

    /** The sentences alone. */
    public static List<String> sentences(Map<String, String> config) {
        return describe(config).stream().map(Change::sentence).toList();
    }

    private static Change transform(Map<String, String> config, String name) {
        String at = "transforms." + name + ".";
        String type = config.getOrDefault(at + "type", "");
        String simple = simpleName(type);
        String predicate = config.get(at + "predicate");
        boolean negate = "true".equalsIgnoreCase(config.get(at + "negate"));
        String when = predicate == null ? null : predicate(config, predicate, negate);
        String label = " (transform " + name + ")";
        if (simple.equals("Filter")) {
            String what = when == null ? "drops every record" : "drops records that " + when;
            return new Change(what + label, true, name);
        }
        String does = switch (simple) {
            case "RegexRouter" -> "renames topics matching `" + config.get(at + "regex") + "` to `"
                    + config.get(at + "replacement") + "`";
            case "TimestampRouter" -> "renames topics to `" + config.getOrDefault(at + "topic.format",
                    "${topic}-${timestamp}") + "`";
            case "InsertHeader" -> "adds header `" + config.get(at + "header") + "`";
            case "DropHeaders" -> "removes headers `" + config.get(at + "headers") + "`";
            case "HeaderFrom" -> "copies or moves fields `" + config.get(at + "fields") + "` into headers";
            case "InsertField" -> "adds fields to the " + part(type);
            case "ReplaceField" -> "renames or drops fields of the " + part(type);
            case "MaskField" -> "masks fields `" + config.get(at + "fields") + "` of the " + part(type);
            case "ExtractField" -> "replaces the " + part(type) + " with its field `" + config.get(at + "field")
                    + "`";
            case "HoistField" -> "wraps the " + part(type) + " in a field `" + config.get(at + "field") + "`";
            case "ValueToKey" -> "replaces the key with fields of the value";
            case "Cast" -> "casts fields of the " + part(type);
            case "Flatten" -> "flattens the " + part(type);
            case "TimestampConverter" -> "converts timestamps in the " + part(type);
            case "SetSchemaMetadata" -> "sets the schema name or version of the " + part(type);
            default -> "applies " + (type.isEmpty() ? "an unnamed transform" : "`" + type + "`")
                    + ", which may change or drop records";
        };
        boolean unknown = !KNOWN.contains(simple);
        return new Change(does + (when == null ? "" : ", on records that " + when) + label, unknown, name);
    }

    private static final List<String> KNOWN = List.of("RegexRouter", "TimestampRouter", "InsertHeader",
            "DropHeaders", "HeaderFrom", "InsertField", "ReplaceField", "MaskField", "ExtractField", "HoistField",
            "ValueToKey", "Cast", "Flatten", "TimestampConverter", "SetSchemaMetadata");

    private static String predicate(Map<String, String> config, String name, boolean negate) {
        String at = "predicates." + name + ".";
        String type = simpleName(config.getOrDefault(at + "type", ""));
        String not = negate ? "do not " : "";
        return switch (type) {
            case "HasHeaderKey" -> (negate ? "do not have" : "have") + " header `" + config.get(at + "name") + "`";
            case "TopicNameMatches" -> (negate ? "are not" : "are") + " in topics matching `"
                    + config.get(at + "pattern") + "`";
            case "RecordIsTombstone" -> (negate ? "are not" : "are") + " tombstones (null value)";
            default -> not + "match predicate " + name + (type.isEmpty() ? "" : " (" + type + ")");
        };
    }

    private static String simpleName(String type) {
        String s = type.strip();
        int dollar = s.lastIndexOf('$');
        String outer = dollar > 0 ? s.substring(0, dollar) : s;
        return outer.substring(outer.lastIndexOf('.') + 1);
    }

    /** {@code …$Key} or {@code …$Value}: which part a transform works on. */
    private static String part(String type) {
        return type.endsWith("$Key") ? "key" : "value";
    }

    private static List<String> list(String csv) {
        if (csv == null || csv.isBlank()) {
            return List.of();
        }
        return Arrays.stream(csv.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static String first(Map<String, String> config, String a, String b) {
        String v = config.get(a);
        if (v == null || v.isBlank()) {
            v = config.get(b);
        }
        return v == null || v.isBlank() ? null : v.toLowerCase(Locale.ROOT).equals("null") ? null : v;
    }
}
