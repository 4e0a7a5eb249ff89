package io.mirrorscope.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WindowStartFailureTest {

    @TempDir
    Path libs;

    @Test
    void noDisplayIsNamedWithXvfbAsTheWayOut() {
        assertThat(WindowStartFailure.hint("Linux", Map.of(), List.of(libs)))
                .startsWith("there is no display").contains("xvfb-run");
    }

    @Test
    void aDisplayWithoutGtkNamesTheMissingPackage() {
        assertThat(WindowStartFailure.hint("Linux", Map.of("DISPLAY", ":0"), List.of(libs)))
                .startsWith("GTK 3 is not installed").contains("apt-get install libgtk-3-0").contains("gtk3");
        assertThat(WindowStartFailure.hint("Linux", Map.of("WAYLAND_DISPLAY", "wayland-0"), List.of(libs)))
                .startsWith("GTK 3 is not installed");
    }

    @Test
    void withGtkAndADisplayOnlyTheCommandsAreSuggested() throws Exception {
        Files.createFile(libs.resolve("libgtk-3.so.0"));
        assertThat(WindowStartFailure.hint("Linux", Map.of("DISPLAY", ":0"), List.of(libs)))
                .isEqualTo("the commands work without a window: mirrorscope --help");
        assertThat(WindowStartFailure.hint("Mac OS X", Map.of(), List.of()))
                .isEqualTo("the commands work without a window: mirrorscope --help");
    }
}
