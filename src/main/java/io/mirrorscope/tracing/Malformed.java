package io.mirrorscope.tracing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import io.mirrorscope.core.Problem;

/** The problem of a body that could not be read to its end. */
final class Malformed {

    private Malformed() {
    }

    static Problem problem(String source, Exception e, int spansRead) {
        String where = "";
        if (e instanceof JsonProcessingException jpe && jpe.getLocation() != null) {
            where = " at byte " + jpe.getLocation().getByteOffset();
        }
        String what = e instanceof JsonEOFException ? "was cut short" : "is not valid trace JSON";
        String detail = (e instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : e.getMessage())
                + where;
        String hint = spansRead > 0
                ? "showing the " + spansRead + " span" + (spansRead == 1 ? "" : "s") + " read before that point; "
                        + "try again, and check the query service's log if it repeats"
                : "check that the URL points at a Jaeger query service (port 16686) and try again";
        return new Problem(Problem.Kind.MALFORMED, "The answer from " + source + " " + what, detail, hint, e);
    }
}
