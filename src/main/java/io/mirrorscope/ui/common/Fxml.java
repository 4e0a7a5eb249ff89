package io.mirrorscope.ui.common;

/** Every FXML file of the app, flat under {@code resources/fxml/}. A test loads each with its real controller. */
public enum Fxml {
    MAIN_WINDOW("main_window.fxml"),
    CONNECT_DIALOG("connect_dialog.fxml"),
    TOPIC_BROWSER("topic_browser.fxml"),
    INVENTORY_VIEW("inventory_view.fxml"),
    TOPOLOGY_VIEW("topology_view.fxml"),
    TRACES_VIEW("traces_view.fxml"),
    SIDE_BY_SIDE("sidebyside_view.fxml"),
    HEALTH_VIEW("health_view.fxml");

    private final String file;

    Fxml(String file) {
        this.file = file;
    }

    /** The resource path, e.g. {@code /fxml/main_window.fxml}. */
    public String resource() {
        return "/fxml/" + file;
    }
}
