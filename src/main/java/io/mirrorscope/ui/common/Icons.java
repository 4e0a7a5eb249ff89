package io.mirrorscope.ui.common;

import io.mirrorscope.core.inventory.Health;
import java.util.Locale;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Every icon of the app, named by what it means, in one place (Ikonli's Feather pack: 58 kB, one consistent line
 * style). Views ask for {@code Icons.TOPOLOGY.node()}, never for a Feather glyph or a Unicode character, so an icon
 * means the same everywhere and can be swapped here. Colours come from CSS ({@code .icon}, {@code .health-icon}).
 */
public enum Icons {
    // navigation and tabs
    CONTEXT(Feather.GLOBE),
    NAMESPACE(Feather.FOLDER),
    SECTION(Feather.LAYERS),
    INVENTORY(Feather.LIST),
    TOPOLOGY(Feather.SHARE_2),
    CLUSTER(Feather.DATABASE),
    MIRROR(Feather.REPEAT),
    TRACING(Feather.ACTIVITY),
    COMPARE(Feather.COLUMNS),
    TOPICS(Feather.HASH),
    USERS(Feather.USERS),
    NODE_POOLS(Feather.SERVER),
    NOT_CONNECTED(Feather.LINK_2),
    // actions
    CONNECT(Feather.LOG_IN),
    REFRESH(Feather.REFRESH_CW),
    SEARCH(Feather.SEARCH),
    CLEAR(Feather.X),
    COPY(Feather.COPY),
    CLOSE(Feather.X),
    RETRY(Feather.ROTATE_CW),
    KEYBOARD(Feather.COMMAND),
    ABOUT(Feather.INFO),
    QUIT(Feather.POWER),
    THEME(Feather.SUN),
    CLOCK(Feather.CLOCK),
    // states
    PROBLEM(Feather.ALERT_OCTAGON),
    READ_ONLY(Feather.LOCK),
    INSECURE(Feather.SHIELD_OFF),
    ALLOWED(Feather.CHECK),
    DENIED(Feather.X),
    HEALTH_READY(Feather.CHECK_CIRCLE),
    HEALTH_DEGRADED(Feather.ALERT_TRIANGLE),
    HEALTH_FAILED(Feather.X_CIRCLE),
    HEALTH_UNKNOWN(Feather.HELP_CIRCLE);

    /** Style class of every icon node; mirrorscope.css colours it with the theme's foreground. */
    public static final String ICON = "icon";
    /** Style class of health icons, with the health's name ("ready", "degraded", ...) as a second class. */
    public static final String HEALTH_ICON = "health-icon";

    private final Ikon ikon;

    Icons(Ikon ikon) {
        this.ikon = ikon;
    }

    /** A new icon node (a node has one parent: ask for one per place). */
    public FontIcon node() {
        FontIcon icon = new FontIcon(ikon);
        icon.getStyleClass().add(ICON);
        return icon;
    }

    /** The Ikonli glyph, for code that draws itself (canvas) or tests. */
    public Ikon ikon() {
        return ikon;
    }

    /** The icon of a view's tab: the same as its navigation entry. */
    public static Icons of(ViewTarget target) {
        return switch (target) {
            case ViewTarget.Inventory i -> INVENTORY;
            case ViewTarget.Topology t -> TOPOLOGY;
            case ViewTarget.Cluster c -> CLUSTER;
            case ViewTarget.Mirror m -> MIRROR;
            case ViewTarget.Tracing t -> TRACING;
            case ViewTarget.Compare c -> COMPARE;
            // targets added later (health...) get a neutral icon until they name their own here
            default -> SECTION;
        };
    }

    /** The icon of a health state, coloured by the palette's success/warning/danger/muted through CSS. */
    public static FontIcon health(Health health) {
        Icons icon = switch (health) {
            case READY -> HEALTH_READY;
            case DEGRADED -> HEALTH_DEGRADED;
            case FAILED -> HEALTH_FAILED;
            case UNKNOWN -> HEALTH_UNKNOWN;
        };
        FontIcon node = icon.node();
        node.getStyleClass().addAll(HEALTH_ICON, health.name().toLowerCase(Locale.ROOT));
        return node;
    }
}
