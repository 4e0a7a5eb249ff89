package io.mirrorscope.tracing;

import io.mirrorscope.core.Problem;
import java.io.IOException;

/**
 * The service proxy first, the back end's Route when the proxy path does not work (the user may not proxy, the
 * API server cannot reach the pod, or the Service is not where the operator convention puts it): once the Route
 * answered, it is used from then on. Answers of the query service itself (a 404 for a missing trace, a 500) never
 * cause the switch.
 */
final class FallbackTransport implements JaegerTransport {

    private final JaegerTransport first;
    private final JaegerTransport second;
    private volatile boolean switched;

    FallbackTransport(JaegerTransport first, JaegerTransport second) {
        this.first = first;
        this.second = second;
    }

    @Override
    public Response get(String pathAndQuery) throws IOException, InterruptedException {
        if (!switched) {
            try {
                Response r = first.get(pathAndQuery);
                if (first.gatewayProblem(r) == null) {
                    return r;
                }
            } catch (IOException e) {
                // the proxy path failed; the Route may still answer
                org.slf4j.LoggerFactory.getLogger(FallbackTransport.class).info("{} failed ({}); trying {}",
                        first.describe(), e.toString(), second.describe());
            }
            Response viaSecond = second.get(pathAndQuery);
            switched = true;
            return viaSecond;
        }
        return second.get(pathAndQuery);
    }

    @Override
    public String describe() {
        return switched ? second.describe() : first.describe();
    }

    @Override
    public Problem problem(Exception failure) {
        return switched ? second.problem(failure) : first.problem(failure);
    }

    @Override
    public Problem gatewayProblem(Response response) {
        return switched ? second.gatewayProblem(response) : null;
    }
}
