package io.mirrorscope.core;

/** Carries a {@link Problem} through layers that can only throw; the catcher shows {@link #problem()}. */
public final class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.oneLine(), problem.cause());
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
