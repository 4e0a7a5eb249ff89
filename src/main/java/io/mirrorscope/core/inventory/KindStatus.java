package io.mirrorscope.core.inventory;

/**
 * Whether one kind could be read, so a panel can say why it is empty without hiding the others.
 *
 * @param kind    the kind
 * @param state   see {@link State}
 * @param version the version read (e.g. v1beta2); null when not served
 * @param message the reason when not {@link State#OK}; "" otherwise
 */
public record KindStatus(ResourceKind kind, State state, String version, String message) {

    /** Read state of a kind. */
    public enum State {
        /** Listed (and, live, watched). */
        OK,
        /** The server does not serve this kind (CRD not installed, or only an unsupported version). */
        NOT_SERVED,
        /** The user may not list it (403). */
        FORBIDDEN,
        /** Live only: the watch dropped and is being re-established. */
        RECONNECTING,
        /** Any other failure. */
        ERROR
    }

    public KindStatus {
        message = message == null ? "" : message;
    }

    public static KindStatus ok(ResourceKind kind, String version) {
        return new KindStatus(kind, State.OK, version, "");
    }
}
