package io.mirrorscope.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.mirrorscope.core.Problem;
import io.mirrorscope.core.ProblemException;
import io.mirrorscope.kafka.compare.CompareResult;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code mirrorscope compare}: matches a mirror's source and target records one by one and names every missing and
 * duplicated record with its offsets, the delay of the copies, and the lag per partition. Through Kubernetes with
 * {@code --mirror} (clusters, credentials, topic naming and the offset-syncs topic come from the mirror's link), or
 * by hand with {@code --source-bootstrap} and {@code --target-bootstrap}. Read-only on both clusters.
 *
 * <p>Exit 1 when records are missing or duplicated, 0 when the run is clean (pending records are not findings).
 */
@Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Match source and target records of a mirror: delay, missing, duplicates, lag.",
            "Read-only on both clusters (no consumer group, no commits)."},
        footer = {"", "Without --duration it reads the source up to now - grace (copies of newer records may still be "
                + "in flight), then the target until every source record is accounted for or the grace period ends.",
            "With --duration it follows both sides that long; records not yet copied at the end are pending.",
            "A record is missing once the target holds a copy of a later record of its partition, or after the grace "
                + "period with the target partition idle; never while it may still be in flight.",
            "Exit codes: 0 clean, 1 missing or duplicated records, 2 usage, 3 connection, 4 not found."})
public final class CompareCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    private static final int TABLE_ROWS = 50;

    @ParentCommand
    MirrorScopeCommand parent;

    @Spec
    CommandSpec spec;

    @Mixin
    CompareOptions compare = new CompareOptions();

    @Override
    public Integer call() {
        CompareResult result = compare.run(parent.globals(), CompareOptions.Hooks.NONE);
        print(parent.globals().output() == OutputFormat.json, result);
        return result.snapshot().clean() ? ExitCodes.OK : ExitCodes.FINDINGS;
    }

    static Duration duration(String flag, String text) {
        return CompareOptions.duration(flag, text);
    }

    private void print(boolean json, CompareResult result) {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            try {
                out.println(JSON.writeValueAsString(CompareReport.json(JSON, result)));
            } catch (JsonProcessingException e) {
                throw new ProblemException(new Problem(Problem.Kind.INTERNAL, "Cannot write the result as JSON",
                        e.getOriginalMessage(), "", e));
            }
        } else {
            out.print(CompareReport.table(result, TABLE_ROWS));
        }
        out.flush();
    }

}
