package io.mirrorscope.ui.topology;

import io.mirrorscope.ui.common.PngExport;
import java.io.File;
import java.nio.file.Path;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.layout.StackPane;
import javafx.stage.FileChooser;

/** Wiring of topology_view.fxml: the canvas follows the view model; clicks select; "Save as PNG" exports. */
public final class TopologyController {

    private final TopologyViewModel viewModel;
    private final TopologyCanvas canvas = new TopologyCanvas();

    @FXML
    private StackPane canvasHolder;
    @FXML
    private Button savePng;
    @FXML
    private javafx.scene.control.Label summary;
    @FXML
    private javafx.scene.control.TextArea details;
    @FXML
    private io.mirrorscope.ui.common.ProblemBanner problemBanner;

    /** Listeners on the shared view model, cancelled together in {@link #close()}. */
    private javafx.util.Subscription subscriptions = javafx.util.Subscription.EMPTY;

    public TopologyController(TopologyViewModel viewModel) {
        this.viewModel = viewModel;
    }

    public TopologyViewModel getViewModel() {
        return viewModel;
    }

    @FXML
    private void initialize() {
        canvasHolder.getChildren().add(canvas);
        summary.textProperty().bind(viewModel.summaryProperty());
        problemBanner.bind(viewModel.problems());
        subscriptions = javafx.util.Subscription.combine(
                // not details.textProperty().bind(…): a text control's bind listens strongly and keeps the view
                viewModel.detailsProperty().subscribe(details::setText),
                viewModel.topologyProperty().subscribe(canvas::setTopology),
                viewModel.selectedIdProperty().subscribe(canvas::setSelectedId),
                viewModel.revisionProperty().subscribe(r -> canvas.requestRedraw()));
        canvas.setStyling(viewModel::severity, viewModel::severity, e -> viewModel.linkStatus(e.id()),
                viewModel::tooltip);
        canvas.setOnOpen(n -> viewModel.open(n.node()), e -> viewModel.open(e.edge()));
        canvas.setOnEdgeMenu((e, ev) -> linkMenu(e.edge()).show(canvas, ev.getScreenX(), ev.getScreenY()));
        viewModel.viewOpened();
        canvas.setOnNode(n -> viewModel.select(n.node()));
        canvas.setOnEdge(e -> viewModel.select(e.edge()));
        canvas.setOnNothing(viewModel::clearSelection);
    }

    /** A link's context menu: its health (MirrorMaker 2) and its records compared. */
    private javafx.scene.control.ContextMenu linkMenu(io.mirrorscope.core.inventory.TopologyEdge edge) {
        javafx.scene.control.MenuItem health = new javafx.scene.control.MenuItem("Mirror health");
        health.setOnAction(a -> viewModel.open(edge));
        javafx.scene.control.MenuItem compare = new javafx.scene.control.MenuItem("Compare records…");
        compare.setOnAction(a -> viewModel.compare(edge));
        compare.setDisable(edge.source().external() || edge.target().external());
        return new javafx.scene.control.ContextMenu(health, compare);
    }

    /** The drawing, for tests and the PNG export. */
    public TopologyCanvas canvas() {
        return canvas;
    }

    @FXML
    private void savePng() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save topology as PNG");
        chooser.setInitialFileName("topology.png");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG image", "*.png"));
        File file = chooser.showSaveDialog(savePng.getScene().getWindow());
        if (file != null) {
            try {
                PngExport.write(canvas, file.toPath());
                viewModel.problems().recovered(SAVE);
            } catch (RuntimeException e) {
                io.mirrorscope.ui.common.BackgroundWork.report(viewModel.problems(),
                        io.mirrorscope.ui.common.ProblemReport.of(SAVE, e, this::savePng));
            }
        }
    }

    private static final String SAVE = "Saving the topology as PNG";

    /** Releases the listeners on the view model; the view is closing. */
    public void close() {
        viewModel.viewClosed();
        subscriptions.unsubscribe();
        subscriptions = javafx.util.Subscription.EMPTY;
        problemBanner.unbind();
    }

    /** Writes the picture to a file without a dialog. */
    public Path saveTo(Path file) {
        return PngExport.write(canvas, file);
    }
}
