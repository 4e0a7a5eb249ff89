package io.mirrorscope.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mirrorscope.core.Problem;
import io.mirrorscope.core.mirror.MatchSnapshot;
import io.mirrorscope.core.snapshot.MirrorWindow;
import io.mirrorscope.core.snapshot.Snapshot;
import io.mirrorscope.snapshot.SnapshotReader;
import io.mirrorscope.ui.sidebyside.PairItem;
import io.mirrorscope.ui.sidebyside.SideBySideViewModel;
import io.mirrorscope.ui.traces.TracesView;
import io.mirrorscope.ui.traces.TracesViewModel;
import io.mirrorscope.testsupport.NavigationLabels;
import io.mirrorscope.testsupport.Screenshots;
import io.mirrorscope.ui.common.Styles;
import io.mirrorscope.ui.common.ViewTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tab;
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
 * File ▸ Save snapshot… writes it back to a file that opens again. Its mirror window opens in the side-by-side view
 * with the file's findings row for row, a seek pairs the saved records again, the saved traces open offline, and
 * File ▸ Export report… writes the findings to HTML.
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
        // the saved mirror window opened with the snapshot, in the side-by-side view
        assertThat(tabs.getTabs()).extracting(t -> t.getText()).containsExactly(
                "Mirror my-topic → europe-cluster.my-topic — " + title, "Topology", "Inventory");
        Screenshots.save(root, "snapshot-window-inventory");

        robot.interact(() -> services.open(new ViewTarget.Cluster("amq-streams", "europe-cluster")));
        Problem shown = services.mainViewModel().problems().get().problem();
        assertThat(shown.title()).isEqualTo("Browsing the records of europe-cluster needs a live cluster");
        assertThat(shown.detail()).isEqualTo("This window shows a " + title);
        assertThat(tabs.getTabs()).hasSize(3);

        Path saved = dir.resolve("again.msnap");
        services.saveSnapshot(saved).get();
        assertThat(Files.exists(saved)).isTrue();
        assertThat(SnapshotReader.read(saved).header().title()).isEqualTo(title);
    }

    @Test
    void theSavedWindowShowsTheFileFindingsSeeksOfflineAndExportsTheReport(FxRobot robot) throws Exception {
        Path sample = Path.of("src/test/resources/snapshots/v1/seed-mirror.msnap");
        Snapshot file = SnapshotReader.read(sample);
        MirrorWindow window = file.window();
        MatchSnapshot saved = window.findings();
        assertThat(saved.missing()).isPositive();
        assertThat(saved.duplicates()).isPositive();
        robot.interact(() -> services.openSnapshot(sample));
        await().atMost(Duration.ofSeconds(20)).until(() -> services.snapshotWorkspace() != null
                && services.snapshotWorkspace().windowViewModel() != null);
        SideBySideViewModel vm = services.snapshotWorkspace().windowViewModel();
        await().atMost(Duration.ofSeconds(20)).until(() -> vm.rows().size() == saved.recentPairs().size());

        // the rows are the file's pair table, state for state, and the counters are the file's
        Map<String, MatchSnapshot.PairState> fileRows = saved.recentPairs().stream().collect(Collectors.toMap(
                r -> r.partition() + "@" + r.offset(), MatchSnapshot.PairRow::state));
        Map<String, MatchSnapshot.PairState> shownRows = vm.rows().stream().collect(Collectors.toMap(
                r -> r.partition() + "@" + r.offset(), PairItem::state));
        assertThat(shownRows).isEqualTo(fileRows);
        assertThat(vm.stateProperty().get()).isEqualTo(SideBySideViewModel.RunState.BOUNDED);
        assertThat(robot.lookup("#matchedValue").queryAs(Label.class).getText())
                .isEqualTo(String.format("%,d", saved.matched()));
        assertThat(robot.lookup("#missingValue").queryAs(Label.class).getText())
                .isEqualTo(String.valueOf(saved.missing()));
        assertThat(robot.lookup("#duplicatesValue").queryAs(Label.class).getText())
                .isEqualTo(String.valueOf(saved.duplicates()));
        assertThat(vm.pairingTextProperty().get()).contains("as saved");

        // the detail of the missing record comes from the saved raw records
        MatchSnapshot.MissingRecord lost = saved.missingRecords().getFirst();
        PairItem lostRow = vm.rows().stream().filter(r -> r.partition() == lost.partition()
                && r.offset() == lost.offset()).findFirst().orElseThrow();
        assertThat(lostRow.preview().headers()).contains("traceparent=");
        robot.interact(() -> vm.selectedProperty().set(lostRow));
        await().atMost(Duration.ofSeconds(10)).until(() -> !vm.detail().isEmpty());
        assertThat(vm.shownPairProperty().get().source()).usingRecursiveComparison().isEqualTo(
                window.sourceRecords().records().stream()
                .filter(r -> r.partition() == lost.partition() && r.offset() == lost.offset()).findFirst()
                .orElseThrow());
        // its trace was not saved in the snapshot: "Open traces" says so instead of failing
        await().atMost(Duration.ofSeconds(10)).until(() -> vm.shownPairProperty().get() != null);
        assertThat(vm.canOpenTraceProperty().get()).isFalse();
        assertThat(vm.openTraceHintProperty().get())
                .isEqualTo("Open traces: the snapshot saved no trace of this pair (it holds 2 traces)");
        Screenshots.gallery(root, "snapshot-sidebyside");

        // seek past the missing record: the saved records are paired again from there, with no Kafka
        long after = lost.timestamp() + 1;
        long expectedSource = window.sourceRecords().records().stream().filter(r -> r.timestamp() >= after).count();
        robot.interact(() -> {
            vm.seekTextProperty().set(Instant.ofEpochMilli(after).toString());
            vm.seek();
        });
        await().atMost(Duration.ofSeconds(20)).until(() -> vm.snapshotProperty().get() != null
                && vm.snapshotProperty().get() != saved);
        MatchSnapshot again = vm.snapshotProperty().get();
        assertThat(again.sourceRecords()).isEqualTo(expectedSource);
        assertThat(again.missing()).isZero();
        assertThat(again.duplicates()).isEqualTo(saved.duplicates());
        assertThat(again.matched()).isEqualTo(expectedSource);
        assertThat(vm.rows()).hasSize((int) expectedSource);
        assertThat(vm.detail()).isEmpty(); // the missing record's detail left with its row
        assertThat(vm.pairingTextProperty().get()).contains("paired again from the saved records");
        Screenshots.gallery(root, "snapshot-sidebyside-seek");

        // the saved traces open in the traces view without a back end; searching says why it cannot
        robot.interact(() -> services.open(new ViewTarget.Tracing("amq-streams", "jaeger")));
        TabPane tabs = robot.lookup("#tabs").queryAs(TabPane.class);
        Tab traces = tabs.getSelectionModel().getSelectedItem();
        assertThat(traces.getText()).isEqualTo("Traces — " + file.header().title());
        TracesViewModel tvm = ((TracesView) services.mainWindowController().viewOf(
                new ViewTarget.Tracing("", file.header().title())).orElseThrow()).viewModel();
        assertThat(tvm.results()).extracting(t -> t.traceId()).containsExactlyInAnyOrderElementsOf(
                file.traces().stream().map(t -> t.traceId()).toList());
        TracesView tracesView = (TracesView) services.mainWindowController().viewOf(
                new ViewTarget.Tracing("", file.header().title())).orElseThrow();
        // the saved traces were given before the view existed: the scatter plots them too
        for (var t : file.traces()) {
            assertThat(tracesView.controller().scatter().dotOf(t.traceId())).as(t.traceId()).isNotNull();
        }
        robot.interact(() -> tvm.open(file.traces().getFirst().traceId()));
        assertThat(tvm.openTraceProperty().get().traceId()).isEqualTo(file.traces().getFirst().traceId());
        robot.interact(tvm::search);
        assertThat(tvm.problemProperty().get().title()).isEqualTo("Searching traces needs a live tracing back-end");
        Screenshots.gallery(root, "snapshot-traces");

        // File ▸ Export report… writes the findings of the open snapshot
        MenuBar bar = robot.lookup("#menuBar").queryAs(MenuBar.class);
        assertThat(bar.getMenus().getFirst().getItems()).extracting(MenuItem::getText).contains("_Export report…");
        Path report = dir.resolve("report.html");
        services.exportReport(report).get();
        String html = Files.readString(report);
        assertThat(html).contains("<table id=\"findings-summary\">",
                "data-field=\"missing\">" + saved.missing() + "</td>",
                "data-field=\"duplicates\">" + saved.duplicates() + "</td>",
                "data-field=\"matched\">" + saved.matched() + "</td>");
        for (MatchSnapshot.MissingRecord m : saved.missingRecords()) {
            assertThat(html).contains("data-partition=\"" + m.partition() + "\" data-offset=\"" + m.offset() + "\"");
        }
        assertThat(html).contains(file.header().title());
    }
}
