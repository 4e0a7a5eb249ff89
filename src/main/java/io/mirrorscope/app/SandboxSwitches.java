package io.mirrorscope.app;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The sandbox's fault switches, reached over its loopback control API. Present only when the app runs on the
 * sandbox (the sandbox launcher sets {@value #PROPERTY}); the product itself never changes anything anywhere.
 */
final class SandboxSwitches {

    static final String PROPERTY = "mirrorscope.sandbox.control";

    /** One menu entry: its label and the fault spec it sends. */
    record Switch(String label, String spec) {
    }

    /** What each switch does, in menu order; {@code null} spec = a separator. */
    static final List<Switch> SWITCHES = List.of(
            new Switch("Pause the mirror", "pause"),
            new Switch("Resume the mirror", "resume"),
            new Switch(null, null),
            new Switch("Drop every 5th record on the way", "drop-every=5"),
            new Switch("Slow the mirror by 2 s", "slow=2s"),
            new Switch("Replay partition 0, offsets 0–9 (duplicates)", "replay=0:0-9"),
            new Switch(null, null),
            new Switch("Stop the us-cluster broker", "target-broker-down"),
            new Switch("Start the us-cluster broker", "target-broker-up"),
            new Switch(null, null),
            new Switch("Clear every fault", "clear"));

    private final URI faults;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    private SandboxSwitches(URI base) {
        this.faults = URI.create(base + "/faults");
    }

    /** The switches when running on the sandbox, else empty. */
    static Optional<SandboxSwitches> fromSystemProperty() {
        String url = System.getProperty(PROPERTY);
        return url == null || url.isBlank() ? Optional.empty() : Optional.of(new SandboxSwitches(URI.create(url)));
    }

    /** Sends one fault spec; returns the sandbox's answer, or throws with its error text. Blocking: not on FX. */
    String apply(String spec) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(faults).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(spec, StandardCharsets.UTF_8)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IOException("the sandbox refused '" + spec + "': " + response.body());
        }
        return response.body();
    }
}
