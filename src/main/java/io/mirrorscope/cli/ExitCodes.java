package io.mirrorscope.cli;

/** Exit codes of every command (design.md). */
public final class ExitCodes {
    /** Success, nothing to report. */
    public static final int OK = 0;
    /** The command ran and found something wrong (e.g. missing records, a partial answer). */
    public static final int FINDINGS = 1;
    /** Bad arguments, or a kubeconfig or flag value that cannot be used as given. */
    public static final int USAGE = 2;
    /** A server could not be reached or refused the credentials. */
    public static final int CONNECTION = 3;
    /** The named context, cluster, topic or trace does not exist. */
    public static final int NOT_FOUND = 4;

    private ExitCodes() {
    }
}
