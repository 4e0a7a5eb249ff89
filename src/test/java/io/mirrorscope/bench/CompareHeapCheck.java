package io.mirrorscope.bench;

import io.mirrorscope.cli.MirrorScopeCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import picocli.CommandLine;

/**
 * Run in its own JVM by {@link SideBySideHeapTest} with {@code -Xmx512m}: {@code mirrorscope compare} with the
 * given arguments, as the CLI runs it. Prints the exit code, the JSON's counters, the time taken and the heap: the
 * largest heap in use after a collection (old generation peak, what the run retains) and the sum of every heap
 * pool's peak (an upper bound: the pools peak at different times).
 */
public final class CompareHeapCheck {

    private CompareHeapCheck() {
    }

    public static void main(String[] args) throws Exception {
        CommandLine cli = MirrorScopeCommand.commandLine((o, s) -> 0);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        long started = System.nanoTime();
        int exit = cli.execute(args);
        double seconds = (System.nanoTime() - started) / 1e9;
        long peakSum = 0;
        long oldAfterGc = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peakSum += pool.getPeakUsage().getUsed();
                if (pool.getCollectionUsage() != null && pool.getName().contains("Old")) {
                    oldAfterGc = Math.max(oldAfterGc, pool.getCollectionUsage().getUsed());
                }
            }
        }
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.toString());
        System.out.printf("exit=%d sourceRecords=%d targetRecords=%d matched=%d missing=%d duplicates=%d pending=%d "
                + "seconds=%.1f peakHeapPoolsSumBytes=%d oldGenAfterLastGcBytes=%d maxHeapBytes=%d%n", exit,
                json.get("sourceRecords").asLong(), json.get("targetRecords").asLong(), json.get("matched").asLong(),
                json.get("missing").asLong(), json.get("duplicates").asLong(), json.get("pending").asLong(), seconds,
                peakSum, oldAfterGc, Runtime.getRuntime().maxMemory());
        if (!err.toString().isBlank()) {
            System.out.println("stderr: " + err);
        }
    }
}
