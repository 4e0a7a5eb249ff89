package io.mirrorscope.kube.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.mirrorscope.testsupport.UpstreamFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The project's own fixtures ({@code src/test/resources/fixtures}) keep the shapes of the upstream payloads they
 * stand in for ({@code ../shared/fixtures}, same relative path): every field path of ours exists in the upstream
 * document of the same kind and name (metadata is ours), and the Jaeger API payloads have exactly the upstream
 * fields. Skipped with a reason where {@code ../shared} is absent, failed under {@code CI=true}.
 */
class UpstreamShapesTest {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final YAMLMapper YAML = new YAMLMapper();
    /** Own files whose upstream counterpart has another name or format. */
    private static final Map<String, String> RENAMED = Map.of(
            "strimzi/status/docs-1.2.0-kafka-status-v1.yaml", "strimzi/status/docs-1.2.0-kafka-status-v1.excerpt.yaml");

    static Stream<String> ownFixtures() throws IOException {
        Path dir = InventoryFixtures.dir();
        try (Stream<Path> files = Files.walk(dir)) {
            List<String> relative = files.filter(Files::isRegularFile)
                    .map(f -> dir.relativize(f).toString().replace('\\', '/'))
                    .filter(f -> !f.equals("README.md")).sorted().toList();
            assertThat(relative).hasSizeGreaterThan(20);
            return relative.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("ownFixtures")
    void ownFixtureHasTheUpstreamShape(String relative) throws IOException {
        Path upstreamDir = UpstreamFixtures.dir();
        List<JsonNode> ours = documents(Files.readString(InventoryFixtures.fixture(relative)), relative);
        List<JsonNode> theirs;
        if (relative.equals("seed/amq-streams.yaml")) {
            theirs = InventoryFixtures.seedArticle(UpstreamFixtures.seedArticle()).stream()
                    .map(r -> (JsonNode) JSON.valueToTree(r)).toList();
        } else {
            String upstream = RENAMED.getOrDefault(relative, relative);
            theirs = documents(InventoryFixtures.asciiDocToYaml(Files.readString(upstreamDir.resolve(upstream))),
                    upstream);
        }
        assertThat(ours).isNotEmpty();
        for (JsonNode doc : ours) {
            JsonNode match = counterpart(doc, theirs);
            assertThat(match).as("%s: an upstream document of kind %s", relative, doc.path("kind").asText())
                    .isNotNull();
            Set<String> ourPaths = paths(doc);
            Set<String> theirPaths = paths(match);
            if (relative.endsWith(".json")) {
                assertThat(ourPaths).as(relative + ": the fields of the real payload").isEqualTo(theirPaths);
            } else {
                assertThat(theirPaths).as(relative + ": every field path of ours is a real one")
                        .containsAll(ourPaths);
            }
        }
    }

    private static List<JsonNode> documents(String text, String name) throws IOException {
        if (name.endsWith(".json")) {
            return List.of(JSON.readTree(text));
        }
        List<JsonNode> out = new ArrayList<>();
        var it = YAML.readerFor(JsonNode.class).readValues(text);
        while (it.hasNext()) {
            JsonNode doc = (JsonNode) it.next();
            if (doc != null && doc.isObject() && !doc.isEmpty()) {
                out.add(doc);
            }
        }
        return out;
    }

    /** The upstream document of the same kind and name, else the first of the same kind. */
    private static JsonNode counterpart(JsonNode doc, List<JsonNode> theirs) {
        String kind = doc.path("kind").asText();
        String name = doc.path("metadata").path("name").asText();
        List<JsonNode> sameKind = theirs.stream().filter(t -> t.path("kind").asText().equals(kind)).toList();
        return sameKind.stream().filter(t -> t.path("metadata").path("name").asText().equals(name)).findFirst()
                .orElse(sameKind.isEmpty() ? null : sameKind.getFirst());
    }

    /** Field paths to every leaf ("a.b[].c"); list items merge, metadata is the fixture's own. */
    static Set<String> paths(JsonNode node) {
        Set<String> out = new TreeSet<>();
        collect(node, "", out);
        out.removeIf(p -> p.equals("metadata") || p.startsWith("metadata."));
        return out;
    }

    private static void collect(JsonNode node, String at, Set<String> out) {
        if (node.isObject() && !node.isEmpty()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                collect(field.getValue(), at.isEmpty() ? field.getKey() : at + "." + field.getKey(), out);
            }
        } else if (node.isArray() && !node.isEmpty()) {
            node.forEach(item -> collect(item, at + "[]", out));
        } else {
            out.add(at);
        }
    }
}
