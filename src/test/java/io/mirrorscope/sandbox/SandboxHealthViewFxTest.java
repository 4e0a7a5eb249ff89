package io.mirrorscope.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mirrorscope.testsupport.AppWindow;
import io.mirrorscope.testsupport.NavigationLabels;
import io.mirrorscope.ui.common.PngExport;
import io.mirrorscope.ui.common.ViewTarget;
import io.mirrorscope.ui.topology.TopologyCanvas;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.prefs.BackingStoreException;
import javafx.scene.Parent;
import javafx.scene.control.Label;
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
 * The mirror health view in the window, on the sandbox with its real MirrorMaker 2: Ready and ok; the drop switch
 * (every 5th record dropped by the mirror's filter) turns the view amber and names the filter while the resource
 * stays Ready; the topology's link turns amber too; stopping the us-cluster broker turns both red.
 */
@ExtendWith(ApplicationExtension.class)
@Tag("fx")
@Tag("sandbox")
class SandboxHealthViewFxTest {

    private static Sandbox sandbox;

    private AppWindow window;

    @BeforeAll
    static void startSandbox() {
        sandbox = Sandbox.start(SandboxOptions.defaults().withProduceInterval(Duration.ofMillis(50)));
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    @Start
    void start(Stage stage) {
        window = AppWindow.show(stage, sandbox.startOptions(), 1500, 950);
        window.services().connectAtStart();
    }

    @AfterEach
    void tearDown() throws BackingStoreException {
        window.close();
    }

    private static Path gallery(Parent node, String name, FxRobot robot) {
        Path file = Path.of("target", "gallery", name + ".png");
        robot.interact(() -> PngExport.write(node, file));
        return file;
    }

    @SuppressWarnings("unchecked")
    private static List<String> navigationMarks(FxRobot robot) {
        List<String> labels = new java.util.ArrayList<>();
        javafx.scene.control.TreeView<io.mirrorscope.ui.main.NavNode> tree = robot.lookup("#navigation")
                .queryAs(javafx.scene.control.TreeView.class);
        java.util.ArrayDeque<javafx.scene.control.TreeItem<io.mirrorscope.ui.main.NavNode>> todo =
                new java.util.ArrayDeque<>(List.of(tree.getRoot()));
        while (!todo.isEmpty()) {
            var item = todo.pop();
            // the label, and the health the tree draws as an icon beside it ("us-cluster FAILED")
            labels.add(item.getValue().label());
            labels.add(item.getValue().label() + " " + item.getValue().health());
            todo.addAll(item.getChildren());
        }
        return labels;
    }

    private String text(FxRobot robot, String query) {
        return robot.lookup(query).tryQueryAs(Label.class).map(Label::getText).orElse("");
    }

    @Test
    void theDropSwitchTurnsTheReadyMirrorAmberWithTheFilterNamedAndAStoppedBrokerTurnsItRed(FxRobot robot) {
        await().atMost(Duration.ofSeconds(30)).until(() -> NavigationLabels.of(robot).containsAll(
                List.of("europe-cluster", "us-cluster", "my-mirror-maker2", "Health")));
        robot.interact(() -> window.services().open(new ViewTarget.Health(Sandbox.NAMESPACE, "my-mirror-maker2")));
        await().alias("ok with records flowing").atMost(Duration.ofSeconds(90)).until(() ->
                text(robot, ".health-verdict").equals("OK") && text(robot, ".health-side .chart-caption")
                        .startsWith("in "));
        assertThat(robot.lookup(".health-why").queryParent().lookupAll(".label").stream()
                .map(n -> ((Label) n).getText())).contains("This mirror drops records that have header `"
                + MirrorConsumerFaults.DROP_HEADER + "` (transform dropMarked)");
        gallery(window.root(), "health-sandbox-ok", robot);

        sandbox.faults().dropEveryKth(5);
        await().alias("degraded by the drops").atMost(Duration.ofSeconds(90)).until(() ->
                text(robot, ".health-verdict").equals("DEGRADED")
                        && text(robot, ".health-headline").startsWith("Records are lost"));
        assertThat(robot.lookup(".health-why").queryParent().lookupAll(".label").stream()
                .map(n -> ((Label) n).getText())).anySatisfy(t -> assertThat(t)
                .contains("this mirror drops records that have header `" + MirrorConsumerFaults.DROP_HEADER + "`"));
        assertThat(text(robot, ".health-verdict-line .muted")).isEqualTo(
                "Custom resource: Ready — the data disagrees, and the data wins");
        gallery(window.root(), "health-sandbox-drop", robot);

        robot.interact(() -> window.services().open(new ViewTarget.Topology()));
        TopologyCanvas canvas = robot.lookup(".topology-canvas").queryAs(TopologyCanvas.class);
        await().alias("topology link amber").atMost(Duration.ofSeconds(30)).until(() -> canvas.layoutResult() != null
                && !canvas.layoutResult().edges().isEmpty() && String.valueOf(canvas.tooltipTextOf(
                        canvas.layoutResult().edges().getFirst().edge())).contains("Data: degraded"));
        gallery(window.root(), "topology-health-sandbox", robot);

        sandbox.faults().dropEveryKth(0);
        sandbox.faults().stopTargetBroker();
        try {
            await().alias("failing with the broker stopped").atMost(Duration.ofSeconds(30)).until(() ->
                    String.valueOf(canvas.tooltipTextOf(canvas.layoutResult().edges().getFirst().edge()))
                            .contains("Data: failing"));
            gallery(window.root(), "topology-health-sandbox-broker-down", robot);
            await().alias("us-cluster marked in the navigation").atMost(Duration.ofSeconds(10)).until(() ->
                    navigationMarks(robot).contains("us-cluster FAILED"));
            assertThat(navigationMarks(robot)).as("its CR still says Ready; europe answers")
                    .contains("europe-cluster READY");
            robot.interact(() -> window.services().open(new ViewTarget.Health(Sandbox.NAMESPACE, "my-mirror-maker2")));
            await().atMost(Duration.ofSeconds(10)).until(() -> text(robot, ".health-verdict").equals("FAILING"));
            gallery(window.root(), "health-sandbox-broker-down", robot);
        } finally {
            sandbox.faults().startTargetBroker();
        }
    }
}
