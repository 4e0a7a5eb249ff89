package io.mirrorscope.ui.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class YamlHighlighterTest {

    @Test
    void keysValuesAndCommentsAndTheTextIsKept() {
        String yaml = "apiVersion: kafka.strimzi.io/v1beta1\n# note\nspec:\n  listeners:\n  - name: plain\n"
                + "    port: 9092\n  \"a:b\": x\n  - item\n  url: http://x:1";
        List<YamlHighlighter.Run> runs = YamlHighlighter.runs(yaml);
        assertThat(runs.stream().map(YamlHighlighter.Run::text).collect(Collectors.joining())).isEqualTo(yaml);
        assertThat(runs).filteredOn(r -> r.style() == YamlHighlighter.Style.KEY).extracting(YamlHighlighter.Run::text)
                .containsExactly("apiVersion", "spec", "listeners", "name", "port", "\"a:b\"", "url");
        assertThat(runs).filteredOn(r -> r.style() == YamlHighlighter.Style.COMMENT)
                .extracting(YamlHighlighter.Run::text)
                .containsExactly("# note");
    }
}
