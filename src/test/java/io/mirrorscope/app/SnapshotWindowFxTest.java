package io.mirrorscope.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mirrorscope.core.Problem;
import io.mirrorscope.snapshot.SnapshotReader;
import io.mirrorscope.testsupport.NavigationLabels;
import io.mirrorscope.testsupport.Screenshots;
import io.mirrorscope.ui.common.Styles;
import io.mirrorscope.ui.common.ViewTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * File ▸ Open snapshot… without any cluster: the checked-in version-1 sample opens in the same navigation and views
 * as a live connection, the window says "snapshot of seed at …", live-only views say why they do not open, and
 * File ▸ Save snapshot… writes it back to a file that opens again.
 */
@ExtendWith(ApplicationExtension.class)
@Tag("fx")
class SnapshotWindowFxTest {

    private final Preferences node = Preferences.userRoot().node("io/mirrorscope-test/" + UUID.randomUUID());
    private AppServices services;
    private Parent root;
    private Stage stage;
    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        services = new AppServices(new StartOptions(null, null, null, false), new AppPreferences(node));
        root = services.mainWindow(stage);
        Scene scene = new Scene(root, 1280, 800);
        scene.getStylesheets().add(Styles.STYLESHEET);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void tearDown() throws BackingStoreException {
        services.close();
        node.removeNode();
    }

    @Test
    void opensTheSampleOfflineAndSavesItAgain(FxRobot robot) throws Exception {
        MenuBar bar = robot.lookup("#menuBar").queryAs(MenuBar.class);
        assertThat(bar.getMenus().getFirst().getItems()).extracting(MenuItem::getText)
                .contains("_Open snapshot…", "_Save snapshot…");

        Path sample = Path.of("src/test/resources/snapshots/v1/seed-mirror.msnap");
        robot.interact(() -> services.openSnapshot(sample));
        // the future completes once the FX thread has shown the snapshot
        await().atMost(Duration.ofSeconds(20)).until(() -> stage.getTitle().startsWith("MirrorScope — "));
        await().atMost(Duration.ofSeconds(20)).until(() -> NavigationLabels.of(robot).containsAll(
                List.of("europe-cluster", "us-cluster", "my-mirror-maker")));
        String title = "snapshot of seed at 2025-11-29T07:06:40Z";
        assertThat(stage.getTitle()).isEqualTo("MirrorScope — " + title);
        assertThat(robot.lookup("#contextLabel").queryAs(Label.class).getText()).contains(title);

        robot.interact(() -> {
            services.open(new ViewTarget.Topology());
            services.open(new ViewTarget.Inventory());
        });
        TabPane tabs = robot.lookup("#tabs").queryAs(TabPane.class);
        assertThat(tabs.getTabs()).extracting(t -> t.getText()).containsExactly("Topology", "Inventory");
        Screenshots.save(root, "snapshot-window-inventory");

        robot.interact(() -> services.open(new ViewTarget.Cluster("amq-streams", "europe-cluster")));
        Problem shown = services.mainViewModel().problems().get().problem();
        assertThat(shown.title()).isEqualTo("Browsing the records of europe-cluster needs a live cluster");
        assertThat(shown.detail()).isEqualTo("This window shows a " + title);
        assertThat(tabs.getTabs()).hasSize(2);

        Path saved = dir.resolve("again.msnap");
        services.saveSnapshot(saved).get();
        assertThat(Files.exists(saved)).isTrue();
        assertThat(SnapshotReader.read(saved).header().title()).isEqualTo(title);
    }
}
