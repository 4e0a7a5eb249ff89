package io.mirrorscope.kafka;

import io.mirrorscope.testsupport.OracleTools;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Debian's kcat as an independent producer (plain and mTLS; it fails SCRAM here, see design.md). */
final class Kcat {

    private Kcat() {
    }

    /** Whether kcat is on the PATH (for {@code @BeforeAll}, which must not skip: see OracleTools). */
    static boolean present() {
        return OracleTools.present(OracleTools.KCAT);
    }

    /** kcat on the PATH; skips the calling test on a developer's machine, fails it under CI=true. */
    static Path require() {
        return OracleTools.require(OracleTools.KCAT);
    }

    /** Produces {@code lines} ("key:value") to a topic; {@code extra} are more kcat arguments. */
    static void produce(String bootstrap, String topic, List<String> lines, List<String> extra) throws Exception {
        List<String> cmd = new ArrayList<>(
                List.of(require().toString(), "-P", "-b", bootstrap, "-t", topic, "-K", ":"));
        cmd.addAll(extra);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getOutputStream().write((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("kcat did not finish");
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
            throw new IllegalStateException("kcat failed (" + p.exitValue() + "): " + out);
        }
    }

    /** kcat arguments for mTLS with PEM files written to {@code dir} (kcat reads only files). */
    static List<String> mtlsArgs(Path dir, String caPem, String certPem, String keyPem) throws IOException {
        Path ca = Files.writeString(dir.resolve("ca.crt"), caPem);
        Path cert = Files.writeString(dir.resolve("user.crt"), certPem);
        Path key = Files.writeString(dir.resolve("user.key"), keyPem);
        return List.of("-X", "security.protocol=SSL", "-X", "ssl.ca.location=" + ca,
                "-X", "ssl.certificate.location=" + cert, "-X", "ssl.key.location=" + key);
    }
}
