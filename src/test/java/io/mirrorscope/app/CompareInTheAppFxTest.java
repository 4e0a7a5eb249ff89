package io.mirrorscope.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mirrorscope.core.mirror.LinkCompareStatus;
import io.mirrorscope.core.mirror.MatchSnapshot;
import io.mirrorscope.sandbox.Sandbox;
import io.mirrorscope.sandbox.SandboxFaults;
import io.mirrorscope.sandbox.SandboxOptions;
import io.mirrorscope.testsupport.AppWindow;
import io.mirrorscope.testsupport.NavigationLabels;
import io.mirrorscope.testsupport.Screenshots;
import io.mirrorscope.ui.common.ViewTarget;
import io.mirrorscope.ui.sidebyside.PairItem;
import io.mirrorscope.ui.sidebyside.SideBySideView;
import io.mirrorscope.ui.sidebyside.SideBySideViewModel;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.prefs.BackingStoreException;
import java.util.stream.Collectors;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The side-by-side view opened as an operator opens it: the app connected to the sandbox (two KRaft clusters, a real
 * MirrorMaker 2, the hello-world producer), right-click on the mirror in the navigation, "Compare records…", the
 * dialog (source topic chosen, target topic filled in by the link's naming), Compare. The rows are matched live;
 * then the mirror drops records (the sandbox's fault switch) and the view counts exactly those as missing, marks
 * their rows, raises the quiet notice, and the running compare's counts reach the app's per-link observable.
 */
@ExtendWith(ApplicationExtension.class)
@Tag("fx")
@Tag("sandbox")
class CompareInTheAppFxTest {

    private static Sandbox sandbox;

    private AppWindow window;

    @BeforeAll
    static void startSandbox() {
        sandbox = Sandbox.start(SandboxOptions.defaults().withProduceInterval(Duration.ofMillis(50)));
    }

    @AfterAll
    static void stopSandbox() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @Start
    void start(Stage stage) {
        window = AppWindow.show(stage, sandbox.startOptions(), 1440, 900);
        window.services().connectAtStart();
    }

    @AfterEach
    void tearDown() throws BackingStoreException {
        window.close();
    }

    @Test
    void aMirrorComparedInTheWindowMatchesItsRecordsAndNamesEveryDroppedOne(FxRobot robot) throws Exception {
        await().atMost(Duration.ofSeconds(60)).until(() -> NavigationLabels.of(robot).contains("my-mirror-maker2"));
        AppWindow.chooseFromNavigationMenu(robot, "my-mirror-maker2", "Compare records…");

        @SuppressWarnings("unchecked")
        ComboBox<String> sourceTopic = robot.lookup("#compareSourceTopic").queryAs(ComboBox.class);
        @SuppressWarnings("unchecked")
        ComboBox<String> targetTopic = robot.lookup("#compareTargetTopic").queryAs(ComboBox.class);
        await().atMost(Duration.ofSeconds(30)).until(() -> sourceTopic.getItems().contains(Sandbox.TOPIC));
        assertThat(sourceTopic.getItems()).as("the link's topics, no MM2 internals")
                .noneMatch(t -> t.startsWith("mm2-") || t.contains("heartbeats") || t.startsWith("__"));
        robot.interact(() -> sourceTopic.getSelectionModel().select(Sandbox.TOPIC));
        assertThat(targetTopic.getEditor().getText()).as("named by the link's policy")
                .isEqualTo(Sandbox.TARGET_TOPIC);
        robot.interact(() -> robot.lookup("#compareStart").queryAs(TextField.class).setText("20s"));
        Screenshots.gallery(robot.lookup("#compareDialog").query(), "compare-dialog");
        robot.clickOn("Compare");

        ViewTarget.Compare target = new ViewTarget.Compare(Sandbox.TOPIC, Sandbox.TARGET_TOPIC);
        TabPane tabs = robot.lookup("#tabs").queryAs(TabPane.class);
        await().atMost(Duration.ofSeconds(60)).until(() -> window.services().mainWindowController().viewOf(target)
                .isPresent());
        SideBySideViewModel view = ((SideBySideView) window.services().mainWindowController().viewOf(target)
                .orElseThrow()).controller().viewModel();
        assertThat(tabs.getSelectionModel().getSelectedItem().getText()).isEqualTo(target.title());
        await().atMost(Duration.ofSeconds(60)).until(() -> view.rows().size() >= 40
                && view.snapshotProperty().get() != null && view.snapshotProperty().get().matched() >= 40);
        MatchSnapshot clean = view.snapshotProperty().get();
        assertThat(clean.missing()).isZero();
        assertThat(clean.duplicates()).isZero();
        assertThat(view.stateProperty().get()).isEqualTo(SideBySideViewModel.RunState.LIVE);

        // the mirror drops records now: exactly those become missing, in the counter and in their rows
        sandbox.faults().dropEveryKth(5);
        await().atMost(Duration.ofSeconds(60)).until(() -> sandbox.faults().dropped().size() >= 4);
        sandbox.faults().dropEveryKth(0);
        List<SandboxFaults.DroppedRecord> dropped = sandbox.faults().dropped();
        Set<String> droppedAt = dropped.stream().map(d -> d.partition() + "@" + d.offset())
                .collect(Collectors.toSet());
        await().atMost(Duration.ofSeconds(60)).until(() -> view.snapshotProperty().get().missing() == dropped.size()
                && missingRows(view).equals(droppedAt));
        Label missing = robot.lookup("#missingValue").queryAs(Label.class);
        Label matched = robot.lookup("#matchedValue").queryAs(Label.class);
        Label notice = robot.lookup("#noticeLabel").queryAs(Label.class);
        robot.interact(() -> { });
        MatchSnapshot shown = view.snapshotProperty().get();
        assertThat(missing.getText()).isEqualTo(String.valueOf(dropped.size()));
        assertThat(matched.getText()).isEqualTo(String.format("%,d", shown.matched()));
        assertThat(shown.duplicates()).isZero();
        assertThat(notice.getText()).contains("new missing record");
        assertThat(view.notificationsProperty().get()).isPositive();

        LinkCompareStatus status = window.services().runningCompares().values().stream().findFirst().orElseThrow();
        assertThat(window.services().runningCompares()).hasSize(1);
        assertThat(window.services().runningCompares().keySet().iterator().next()).contains("my-mirror-maker2");
        assertThat(status.missing()).isEqualTo(dropped.size());
        assertThat(status.sourceTopic()).isEqualTo(Sandbox.TOPIC);

        // a missing row selected: both records in the detail pane
        PairItem firstMissing = view.rows().stream()
                .filter(r -> r.state() == MatchSnapshot.PairState.MISSING).findFirst().orElseThrow();
        robot.interact(() -> {
            var table = robot.lookup("#pairTable").queryAs(javafx.scene.control.TableView.class);
            @SuppressWarnings("unchecked")
            javafx.scene.control.TableView<PairItem> pairs = table;
            int index = pairs.getItems().indexOf(firstMissing);
            pairs.getSelectionModel().select(index);
            pairs.scrollTo(Math.max(0, index - 8));
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> !view.detail().isEmpty());
        Screenshots.gallery(window.root(), "side-by-side-live");

        // File ▸ Save snapshot… keeps the open compare's window: its findings and the table's rows
        java.nio.file.Path file = java.nio.file.Files.createTempFile("compare-in-the-app", ".msnap");
        java.nio.file.Path report = java.nio.file.Files.createTempFile("compare-in-the-app", ".html");
        try {
            java.util.concurrent.CompletableFuture<?>[] saving = new java.util.concurrent.CompletableFuture<?>[2];
            robot.interact(() -> {
                saving[0] = window.services().saveSnapshot(file);
                saving[1] = window.services().exportReport(report);
            });
            saving[0].get();
            saving[1].get();
            io.mirrorscope.core.snapshot.MirrorWindow saved = io.mirrorscope.snapshot.SnapshotReader.read(file)
                    .window();
            assertThat(saved.mirror()).isEqualTo("my-mirror-maker2");
            assertThat(saved.sourceTopic()).isEqualTo(Sandbox.TOPIC);
            assertThat(saved.findings().missing()).isGreaterThanOrEqualTo(dropped.size());
            assertThat(saved.findings().missingRecords().stream().map(m -> m.partition() + "@" + m.offset())
                    .collect(Collectors.toSet())).containsAll(droppedAt);
            assertThat(saved.findings().recentPairs().size()).isGreaterThanOrEqualTo(40);
            assertThat(java.nio.file.Files.readString(report)).contains("data-field=\"missing\"");
        } finally {
            java.nio.file.Files.deleteIfExists(file);
            java.nio.file.Files.deleteIfExists(report);
        }

        robot.interact(() -> window.services().mainWindowController().closeAllViews());
        assertThat(window.services().runningCompares()).as("the entry leaves with its view").isEmpty();

        // by hand: File ▸ Compare topics… offers the inventory's clusters and lists each one's topics
        // fired, not clicked: a menu popup left by the context menu's retries can sit over the File menu
        robot.interact(() -> robot.lookup("#menuBar").queryAs(javafx.scene.control.MenuBar.class).getMenus().stream()
                .flatMap(m -> m.getItems().stream()).filter(i -> "compareTopicsItem".equals(i.getId())).findFirst()
                .orElseThrow().fire());
        @SuppressWarnings("unchecked")
        ComboBox<String> sourceCluster = robot.lookup("#compareSourceCluster").queryAs(ComboBox.class);
        assertThat(sourceCluster.getItems()).containsExactly("europe-cluster", "us-cluster");
        @SuppressWarnings("unchecked")
        ComboBox<String> byHandTarget = robot.lookup("#compareTargetTopic").queryAs(ComboBox.class);
        await().atMost(Duration.ofSeconds(30)).until(() -> byHandTarget.getItems().contains(Sandbox.TARGET_TOPIC));
        robot.clickOn("Cancel");
        assertThat(robot.lookup("#compareDialog").tryQuery()).isEmpty();
    }

    private static Set<String> missingRows(SideBySideViewModel view) {
        return view.rows().stream().filter(r -> r.state() == MatchSnapshot.PairState.MISSING)
                .map(r -> r.partition() + "@" + r.offset()).collect(Collectors.toSet());
    }
}
