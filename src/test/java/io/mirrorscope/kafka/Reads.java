package io.mirrorscope.kafka;

import io.mirrorscope.core.ProblemException;
import io.mirrorscope.core.records.RawRecord;
import io.mirrorscope.core.records.StartPosition;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/** Test helper: a bounded read with the production consumer and tailer, on the calling thread. */
public final class Reads {

    private Reads() {
    }

    public static List<RawRecord> readAll(ConnectionSettings settings, String topic, StartPosition start) {
        return readAll(settings, topic, start, ConsumerOptions.DEFAULTS.withApiTimeout(Duration.ofSeconds(15)));
    }

    public static List<RawRecord> readAll(ConnectionSettings settings, String topic, StartPosition start,
            ConsumerOptions options) {
        BrokerProbe.requireReachable(settings, Duration.ofSeconds(3));
        List<RawRecord> out = new ArrayList<>();
        AtomicReference<io.mirrorscope.core.Problem> problem = new AtomicReference<>();
        new PartitionTailer(ReadOnlyClients.consumer(settings, options), settings,
                new ReadRequest(topic, List.of(), start, false), null, new RecordSink() {
                    @Override
                    public boolean accept(List<RawRecord> batch) {
                        out.addAll(batch);
                        return true;
                    }

                    @Override
                    public void finished(io.mirrorscope.core.Problem p) {
                        problem.set(p);
                    }
                }).runHere();
        if (problem.get() != null) {
            throw new ProblemException(problem.get());
        }
        return out;
    }
}
