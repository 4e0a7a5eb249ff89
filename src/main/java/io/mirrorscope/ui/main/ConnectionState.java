package io.mirrorscope.ui.main;

/** What the status bar says about the Kubernetes connection. */
public enum ConnectionState {
    DISCONNECTED("Not connected"),
    CONNECTING("Connecting…"),
    CONNECTED("Connected"),
    RECONNECTING("Reconnecting…"),
    FAILED("Connection failed");

    private final String label;

    ConnectionState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The CSS pseudo-class suffix for the status dot. */
    public String cssName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
