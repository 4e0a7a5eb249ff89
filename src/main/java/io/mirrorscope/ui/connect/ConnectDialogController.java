package io.mirrorscope.ui.connect;

import io.mirrorscope.core.inventory.Health;
import io.mirrorscope.kube.KubeContext;
import io.mirrorscope.kube.PermissionCheck;
import io.mirrorscope.ui.common.Icons;
import io.mirrorscope.ui.common.SummaryHeader;
import io.mirrorscope.ui.connect.ConnectDialogViewModel.CheckState;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.transformation.SortedList;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/** Wires the connect dialog to {@link ConnectDialogViewModel}; no logic of its own. */
public final class ConnectDialogController {

    @FXML private BorderPane root;
    @FXML private io.mirrorscope.ui.common.SummaryHeader header;
    @FXML private Label kubeconfigLabel;
    @FXML private Label loadProblemLabel;
    @FXML private io.mirrorscope.ui.common.ProblemBanner problemBanner;
    @FXML private TableView<KubeContext> contextsTable;
    @FXML private TableColumn<KubeContext, String> nameColumn;
    @FXML private TableColumn<KubeContext, String> serverColumn;
    @FXML private TableColumn<KubeContext, String> userColumn;
    @FXML private TableColumn<KubeContext, String> namespaceColumn;
    @FXML private ComboBox<String> namespaceBox;
    @FXML private CheckBox allNamespacesBox;
    @FXML private Label namespaceHintLabel;
    @FXML private Label insecureBadge;
    @FXML private Button checkButton;
    @FXML private Label checkSummaryLabel;
    @FXML private TableView<PermissionCheck.Result> permissionsTable;
    @FXML private TableColumn<PermissionCheck.Result, String> readColumn;
    @FXML private TableColumn<PermissionCheck.Result, String> allowedColumn;
    @FXML private TableColumn<PermissionCheck.Result, String> impactColumn;
    @FXML private Button connectButton;

    private final ConnectDialogViewModel viewModel;
    private ConnectionChoice result;

    public ConnectDialogController(ConnectDialogViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        kubeconfigLabel.textProperty().bind(Bindings.concat("kubeconfig: ", viewModel.kubeconfigTextProperty()));
        showWhen(loadProblemLabel, viewModel.loadProblemProperty().isNotEmpty());
        loadProblemLabel.textProperty().bind(viewModel.loadProblemProperty());
        problemBanner.bind(viewModel.problems());

        header.setIcon(Icons.CONNECT);
        header.bindDetail(Bindings.concat("kubeconfig: ", viewModel.kubeconfigTextProperty()));
        kubeconfigLabel.setVisible(false);
        kubeconfigLabel.setManaged(false);
        viewModel.checkStateProperty().subscribe(state -> header.setState(switch (state) {
            case RUNNING -> "checking";
            case FAILED -> "check failed";
            case PARTIAL -> "some reads denied";
            case OK -> "all reads allowed";
            default -> "";
        }, switch (state) {
            case FAILED -> SummaryHeader.FAILED;
            case PARTIAL -> SummaryHeader.STALE;
            case OK -> SummaryHeader.LIVE;
            default -> "";
        }));
        checkButton.setGraphic(Icons.REFRESH.node());
        connectButton.setGraphic(Icons.CONNECT.node());
        SortedList<KubeContext> contexts = new SortedList<>(viewModel.contexts());
        contexts.comparatorProperty().bind(contextsTable.comparatorProperty());
        contextsTable.setItems(contexts);
        column(nameColumn, KubeContext::name);
        column(serverColumn, KubeContext::server);
        column(userColumn, KubeContext::user);
        column(namespaceColumn, KubeContext::namespace);
        viewModel.selectedProperty().subscribe(selected -> {
            if (contextsTable.getSelectionModel().getSelectedItem() != selected) {
                contextsTable.getSelectionModel().select(selected);
                contextsTable.scrollTo(selected);
            }
        });
        contextsTable.getSelectionModel().selectedItemProperty().subscribe(item -> {
            if (item != null) {
                viewModel.selectedProperty().set(item);
            }
        });
        contextsTable.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && viewModel.canConnectProperty().get()) {
                connect();
            }
        });

        namespaceBox.setItems(viewModel.namespaceChoices());
        namespaceBox.getEditor().textProperty().bindBidirectional(viewModel.namespaceProperty());
        namespaceBox.disableProperty().bind(viewModel.allNamespacesProperty());
        allNamespacesBox.selectedProperty().bindBidirectional(viewModel.allNamespacesProperty());
        namespaceHintLabel.textProperty().bind(viewModel.namespaceHintProperty());
        showWhen(insecureBadge, viewModel.insecureProperty());

        checkButton.disableProperty().bind(viewModel.selectedProperty().isNull()
                .or(viewModel.checkStateProperty().isEqualTo(CheckState.RUNNING)));
        checkSummaryLabel.textProperty().bind(viewModel.checkSummaryProperty());
        viewModel.checkStateProperty().subscribe(state -> {
            checkSummaryLabel.getStyleClass().removeAll("badge", "badge-warning");
            if (state == CheckState.FAILED || state == CheckState.PARTIAL) {
                checkSummaryLabel.getStyleClass().addAll("badge", "badge-warning");
            }
        });

        SortedList<PermissionCheck.Result> permissions = new SortedList<>(viewModel.permissions());
        permissions.comparatorProperty().bind(permissionsTable.comparatorProperty());
        permissionsTable.setItems(permissions);
        column(readColumn, r -> r.need().describe());
        column(allowedColumn, r -> r.allowed() ? "yes" : "no");
        allowedColumn.setCellFactory(c -> new AllowedCell());
        column(impactColumn, r -> r.allowed() ? "" : r.need().withoutIt());

        io.mirrorscope.ui.controls.TableColumns.install(contextsTable);
        io.mirrorscope.ui.controls.TableColumns.install(permissionsTable);
        connectButton.disableProperty().bind(viewModel.canConnectProperty().not());
        viewModel.load();
    }

    /** Shows the dialog modally over {@code owner}; the choice, or empty when cancelled. */
    public Optional<ConnectionChoice> showAndWait(Window owner, Parent view) {
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle("Connect — MirrorScope");
        Scene scene = new Scene(view);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        stage.setScene(scene);
        stage.showAndWait();
        return result();
    }

    /** The choice made with Connect, or empty. */
    public Optional<ConnectionChoice> result() {
        return Optional.ofNullable(result);
    }

    public ConnectDialogViewModel viewModel() {
        return viewModel;
    }

    @FXML
    private void check() {
        viewModel.check();
    }

    @FXML
    private void connect() {
        result = viewModel.choice().orElse(null);
        if (result != null) {
            close();
        }
    }

    @FXML
    private void cancel() {
        result = null;
        close();
    }

    private void close() {
        if (root.getScene() != null && root.getScene().getWindow() != null) {
            root.getScene().getWindow().hide();
        }
    }

    private static <T> void column(TableColumn<T, String> column, Function<T, String> value) {
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
    }

    /** "yes" with a check in the success colour, "no" with a cross in the danger colour. */
    private static final class AllowedCell extends TableCell<PermissionCheck.Result, String> {
        @Override
        protected void updateItem(String text, boolean empty) {
            super.updateItem(text, empty);
            if (empty || text == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            boolean yes = "yes".equals(text);
            setText(text);
            setGraphic(Icons.health(yes ? Health.READY : Health.FAILED));
            setAccessibleText(yes ? "allowed" : "not allowed");
        }
    }

    private static void showWhen(javafx.scene.Node node, javafx.beans.value.ObservableBooleanValue show) {
        node.visibleProperty().bind(show);
        node.managedProperty().bind(show);
    }
}
