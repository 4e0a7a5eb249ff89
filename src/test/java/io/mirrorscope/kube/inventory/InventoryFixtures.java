package io.mirrorscope.kube.inventory;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads the shared fixture files (upstream Strimzi/Jaeger/Tempo YAML and the seed article) as resources. */
public final class InventoryFixtures {

    private static final YAMLMapper YAML = new YAMLMapper(new YAMLFactory());
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private InventoryFixtures() {
    }

    public static Path shared() {
        return Path.of(System.getProperty("mirrorscope.shared", "../shared"));
    }

    public static Path fixture(String relative) {
        return shared().resolve("fixtures").resolve(relative);
    }

    /** Every YAML document of a fixture file, as resources (empty documents skipped). */
    public static List<GenericKubernetesResource> resources(String relative) {
        try {
            return parse(Files.readString(fixture(relative)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The one resource of a given kind in a fixture file. */
    public static GenericKubernetesResource resource(String relative, String kind) {
        return resources(relative).stream().filter(r -> kind.equals(r.getKind())).findFirst().orElseThrow();
    }

    /**
     * The seed article's Strimzi and Jaeger resources: the bodies of its {@code oc create/apply -f - <<EOF}
     * blocks (Deployments skipped; the article creates them in namespace amq-streams).
     */
    public static List<GenericKubernetesResource> seed() {
        try {
            Path file = shared().resolve("seed").resolve("000_fc4ecc0ad66ae646.txt");
            List<GenericKubernetesResource> out = new ArrayList<>();
            StringBuilder block = null;
            for (String line : Files.readAllLines(file)) {
                if (block == null && line.contains("<<EOF")) {
                    block = new StringBuilder();
                } else if (block != null && line.strip().equals("EOF")) {
                    out.addAll(parse(block.toString()));
                    block = null;
                } else if (block != null) {
                    block.append(line).append('\n');
                }
            }
            return out.stream().filter(r -> r.getApiVersion().startsWith("kafka.strimzi.io")
                    || r.getApiVersion().startsWith("jaegertracing.io")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A status block from a Strimzi docs excerpt, with AsciiDoc attributes and call-outs stripped (README: the
     * excerpts are verbatim AsciiDoc line ranges).
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> excerptStatus(String relative) {
        try {
            String text = Files.readString(fixture(relative))
                    .replaceAll("\\{[A-Za-z]+}", "x")
                    .replaceAll("\\s<\\d+>", "");
            Map<String, Object> doc = YAML.readValue(text, Map.class);
            return (Map<String, Object>) doc.get("status");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<GenericKubernetesResource> parse(String yaml) {
        try {
            List<GenericKubernetesResource> out = new ArrayList<>();
            var it = YAML.readerFor(Map.class).readValues(yaml);
            while (it.hasNext()) {
                Object doc = it.next();
                if (doc instanceof Map<?, ?> m && !m.isEmpty()) {
                    out.add(JSON.convertValue(m, GenericKubernetesResource.class));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A resource from inline YAML (test-specific variations). */
    public static GenericKubernetesResource yaml(String yaml) {
        return parse(yaml).getFirst();
    }

    /** Sets a value at a path of maps and list indexes, creating maps on the way (statuses, variations). */
    @SuppressWarnings("unchecked")
    public static GenericKubernetesResource set(GenericKubernetesResource r, Object value, String... path) {
        Object node = r.getAdditionalProperties();
        for (int i = 0; i < path.length - 1; i++) {
            if (node instanceof List<?> list) {
                node = list.get(Integer.parseInt(path[i]));
            } else {
                node = ((Map<String, Object>) node).computeIfAbsent(path[i],
                        k -> new java.util.LinkedHashMap<String, Object>());
            }
        }
        String last = path[path.length - 1];
        if (node instanceof List<?> list) {
            ((List<Object>) list).set(Integer.parseInt(last), value);
        } else {
            ((Map<String, Object>) node).put(last, value);
        }
        return r;
    }
}
