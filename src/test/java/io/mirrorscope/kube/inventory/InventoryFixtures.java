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

/**
 * Reads the project's own fixture files ({@code src/test/resources/fixtures}: Strimzi/Jaeger/Tempo YAML in the shapes
 * of the real payloads, and the seed article's resources) as resources. The upstream originals stay in
 * {@code ../shared}; {@link UpstreamShapesTest} keeps these files true to them.
 */
public final class InventoryFixtures {

    private static final YAMLMapper YAML = new YAMLMapper(new YAMLFactory());
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private InventoryFixtures() {
    }

    /** The project's fixture directory (on the test class path, so it works from any working directory). */
    public static Path dir() {
        try {
            return Path.of(InventoryFixtures.class.getResource("/fixtures/README.md").toURI()).getParent();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One of the project's fixture files, {@code relative} to {@code src/test/resources/fixtures}. */
    public static Path fixture(String relative) {
        return dir().resolve(relative);
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
     * The seed article's Strimzi and Jaeger resources (AMQ Streams 1.5, created in namespace amq-streams), as the
     * project's own {@code seed/amq-streams.yaml}.
     */
    public static List<GenericKubernetesResource> seed() {
        return resources("seed/amq-streams.yaml");
    }

    /**
     * The Strimzi and Jaeger resources of the seed article itself: the bodies of its {@code oc create/apply -f -
     * <<EOF} blocks (Deployments skipped); used only to check {@link #seed()} against it.
     */
    public static List<GenericKubernetesResource> seedArticle(Path file) {
        try {
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

    /** The status block of one of the project's status fixtures. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> status(String relative) {
        try {
            Map<String, Object> doc = YAML.readValue(Files.readString(fixture(relative)), Map.class);
            return (Map<String, Object>) doc.get("status");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A status block from an upstream Strimzi docs excerpt, with AsciiDoc attributes and call-outs stripped (the
     * excerpts are verbatim AsciiDoc line ranges).
     */
    public static String asciiDocToYaml(String text) {
        return text.replaceAll("\\{[A-Za-z]+}", "x").replaceAll("\\s<\\d+>", "");
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
