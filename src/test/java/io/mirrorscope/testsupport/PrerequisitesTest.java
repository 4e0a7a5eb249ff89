package io.mirrorscope.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** Missing oracles and upstream fixtures skip on a developer's machine and fail under CI=true. */
class PrerequisitesTest {

    @TempDir
    Path dir;

    @Test
    void aToolMissingFromPathSkipsWithTheReasonAndFailsUnderCi() {
        Map<String, String> dev = Map.of("PATH", dir.toString());
        assertThatThrownBy(() -> OracleTools.require(OracleTools.KCAT, dev))
                .isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("kcat not found on PATH: apt-get install -y kcat");
        Map<String, String> ci = Map.of("PATH", dir.toString(), "CI", "true");
        assertThatThrownBy(() -> OracleTools.require(OracleTools.KUBECTL, ci))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("kubectl not found on PATH")
                .hasMessageContaining("CI=true");
    }

    @Test
    void aToolIsFoundOnPathNotAtAFixedPlace() throws IOException {
        Path empty = Files.createDirectory(dir.resolve("empty"));
        Path bin = Files.createDirectory(dir.resolve("bin"));
        Path notExecutable = Files.createDirectory(dir.resolve("plain"));
        Files.writeString(notExecutable.resolve("kubectl"), "not a program");
        Path kubectl = Files.writeString(bin.resolve("kubectl"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(kubectl, PosixFilePermissions.fromString("rwxr-xr-x"));
        String path = String.join(java.io.File.pathSeparator, empty.toString(), notExecutable.toString(),
                bin.toString());

        assertThat(OracleTools.require(OracleTools.KUBECTL, Map.of("PATH", path, "CI", "true"))).isEqualTo(kubectl);
        assertThat(OracleTools.find("kcat", path)).isNull();
    }

    @Test
    void missingUpstreamFixturesSkipWithTheReasonAndFailUnderCi() throws IOException {
        assertThatThrownBy(() -> UpstreamFixtures.dir(dir, Map.of()))
                .isInstanceOf(TestAbortedException.class)
                .hasMessage(UpstreamFixtures.REASON);
        assertThatThrownBy(() -> UpstreamFixtures.dir(dir, Map.of("CI", "true")))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageStartingWith(UpstreamFixtures.REASON);
        Path fixtures = Files.createDirectory(dir.resolve("fixtures"));
        assertThat(UpstreamFixtures.dir(dir, Map.of("CI", "true"))).isEqualTo(fixtures);
    }

    @Test
    void onlyCiTrueIsStrict() {
        assertThat(Prerequisites.strict(Map.of("CI", "true"))).isTrue();
        assertThat(Prerequisites.strict(Map.of("CI", "TRUE"))).isTrue();
        assertThat(Prerequisites.strict(Map.of("CI", "false"))).isFalse();
        assertThat(Prerequisites.strict(Map.of())).isFalse();
    }
}
