package io.mirrorscope.kafka.compare;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mirrorscope.cli.MirrorScopeCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import picocli.CommandLine;

/** Runs {@code mirrorscope compare} in-process and reads its JSON. */
final class CompareCli {

    private static final ObjectMapper JSON = new ObjectMapper();

    record Run(int exit, String out, String err) {
        JsonNode json() {
            try {
                return JSON.readTree(out);
            } catch (Exception e) {
                throw new AssertionError("not JSON (exit " + exit + ", stderr " + err + "): " + out, e);
            }
        }

        /** {@code partition@offset} of every missing record. */
        TreeSet<String> missing() {
            TreeSet<String> s = new TreeSet<>();
            json().get("missingRecords").forEach(m -> s.add(m.get("partition").asInt() + "@"
                    + m.get("offset").asLong()));
            return s;
        }

        /** {@code partition@sourceOffset} → target offsets of every duplicated record. */
        Map<String, List<Long>> duplicates() {
            Map<String, List<Long>> d = new TreeMap<>();
            json().get("duplicateRecords").forEach(r -> {
                List<Long> offsets = new ArrayList<>();
                r.get("targetOffsets").forEach(o -> offsets.add(o.asLong()));
                d.put(r.get("partition").asInt() + "@" + r.get("sourceOffset").asLong(), offsets);
            });
            return d;
        }
    }

    private CompareCli() {
    }

    static Run run(String... args) {
        CommandLine cli = MirrorScopeCommand.commandLine((o, s) -> 0);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        List<String> all = new ArrayList<>(List.of("compare"));
        all.addAll(List.of(args));
        int exit = cli.execute(all.toArray(String[]::new));
        return new Run(exit, out.toString(), err.toString());
    }
}
