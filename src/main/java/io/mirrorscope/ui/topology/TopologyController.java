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
        details.textProperty().bind(viewModel.detailsProperty());
        canvas.setTopology(viewModel.getTopology());
        viewModel.topologyProperty().addListener((obs, old, t) -> canvas.setTopology(t));
        viewModel.selectedIdProperty().addListener((obs, old, id) -> canvas.setSelectedId(id));
        canvas.setOnNode(n -> viewModel.select(n.node()));
        canvas.setOnEdge(e -> viewModel.select(e.edge()));
        canvas.setOnNothing(viewModel::clearSelection);
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
            PngExport.write(canvas, file.toPath());
        }
    }

    /** Writes the picture to a file without a dialog. */
    public Path saveTo(Path file) {
        return PngExport.write(canvas, file);
    }
}
