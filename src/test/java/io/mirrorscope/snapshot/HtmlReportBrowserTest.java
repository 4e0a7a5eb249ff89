package io.mirrorscope.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import io.mirrorscope.core.mirror.MatchSnapshot;
import io.mirrorscope.core.snapshot.Snapshot;
import io.mirrorscope.core.snapshot.TraceDocument;
import io.mirrorscope.core.trace.Trace;
import io.mirrorscope.kube.inventory.InventoryReaderSeedTest;
import io.mirrorscope.testsupport.OracleTools;
import io.mirrorscope.tracing.JaegerJsonReader;
import io.mirrorscope.tracing.OtlpJsonReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The incident report in a real browser: Debian's Chromium, headless, opens the file from disk (offline: the page's
 * Content-Security-Policy forbids every fetch and it names no outside address), takes a screenshot
 * (target/gallery/report.png, looked at) and dumps the DOM it built; the findings, the lag rows, the topology and the
 * traces in that DOM are those of the snapshot, read back from the snapshot file the report was made from.
 */
@Tag("oracle")
class HtmlReportBrowserTest {

    @TempDir
    Path dir;

    @Test
    void chromiumShowsTheSnapshotsFindings() throws Exception {
        Path chromium = OracleTools.require(OracleTools.CHROMIUM);
        Path file = dir.resolve("incident.msnap");
        SnapshotWriter.write(SnapshotSamples.full(InventoryReaderSeedTest.readSeed(), 300), file);
        Snapshot s = SnapshotReader.read(file);
        List<Trace> traces = new ArrayList<>();
        for (TraceDocument d : s.traces()) {
            traces.addAll((d.format() == TraceDocument.Format.JAEGER ? JaegerJsonReader.read(d.body(), "t")
                    : OtlpJsonReader.read(d.body(), "t")).traces());
        }
        Path html = dir.resolve("report.html");
        HtmlReport.write(s, traces, html);
        String page = Files.readString(html);
        // self-contained: no script, and no address but the SVG namespace
        assertThat(page).doesNotContainIgnoringCase("<script").doesNotContain("src=");
        assertThat(page.replace("http://www.w3.org/2000/svg", "")).doesNotContain("http://", "https://");

        Path png = Path.of("target/gallery/report.png").toAbsolutePath();
        Files.createDirectories(png.getParent());
        Files.deleteIfExists(png);
        run(chromium, List.of("--screenshot=" + png, "--window-size=1280,2600", html.toUri().toString()));
        assertThat(png).exists();
        assertThat(Files.size(png)).isGreaterThan(20_000);
        String dom = run(chromium, List.of("--dump-dom", html.toUri().toString()));

        MatchSnapshot f = s.window().findings();
        assertThat(field(dom, "sourceRecords")).isEqualTo(f.sourceRecords());
        assertThat(field(dom, "matched")).isEqualTo(f.matched());
        assertThat(field(dom, "missing")).isEqualTo(f.missing()).isPositive();
        assertThat(field(dom, "duplicates")).isEqualTo(f.duplicates()).isPositive();
        assertThat(field(dom, "pending")).isEqualTo(f.pending());
        assertThat(rows(dom, "missing")).containsExactlyElementsOf(f.missingRecords().stream()
                .map(m -> m.partition() + "@" + m.offset()).toList());
        assertThat(rows(dom, "duplicates")).containsExactlyElementsOf(f.duplicateRecords().stream()
                .map(d -> d.partition() + "@" + d.sourceOffset()).toList());
        List<String> lag = new ArrayList<>();
        Matcher m = Pattern.compile("<tr data-partition=\"(\\d+)\" data-lag=\"(\\d+)\"").matcher(table(dom, "lag"));
        while (m.find()) {
            lag.add(m.group(1) + ":" + m.group(2));
        }
        assertThat(lag).containsExactlyElementsOf(f.partitions().stream().map(p -> p.partition() + ":" + p.lag())
                .toList());
        assertThat(dom).contains("data-cluster=\"europe-cluster\"", "data-cluster=\"us-cluster\"",
                "data-mirror=\"my-mirror-maker\"");
        for (Trace t : traces) {
            assertThat(dom).contains("data-trace-id=\"" + t.traceId() + "\" data-spans=\"" + t.spanCount() + "\"");
        }
        assertThat(dom).contains("<title>MirrorScope " + s.header().title() + "</title>");
    }

    private static long field(String dom, String name) {
        Matcher m = Pattern.compile("data-field=\"" + name + "\">(\\d+)<").matcher(dom);
        assertThat(m.find()).as("field %s in the DOM", name).isTrue();
        return Long.parseLong(m.group(1));
    }

    private static String table(String dom, String id) {
        int start = dom.indexOf("<table id=\"" + id + "\"");
        assertThat(start).as("table %s", id).isNotNegative();
        return dom.substring(start, dom.indexOf("</table>", start));
    }

    private static List<String> rows(String dom, String id) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("<tr data-partition=\"(\\d+)\" data-offset=\"(\\d+)\"").matcher(table(dom, id));
        while (m.find()) {
            out.add(m.group(1) + "@" + m.group(2));
        }
        return out;
    }

    /** Runs headless Chromium offline with a throw-away profile; its stdout. */
    private String run(Path chromium, List<String> args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + Files.createTempDirectory(dir, "profile")));
        cmd.addAll(args);
        Path out = Files.createTempFile(dir, "chromium", ".out");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("chromium did not finish in 120 s: " + cmd);
        }
        assertThat(p.exitValue()).as("chromium exit code").isZero();
        return Files.readString(out, StandardCharsets.UTF_8);
    }
}
