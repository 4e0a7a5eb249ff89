package io.mirrorscope.ui.browser;

import java.util.List;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import org.controlsfx.control.CheckComboBox;

/** The topic browser's partition check list, in step with {@link TopicBrowserViewModel#chosenPartitions()}. */
final class PartitionChoice {

    private final CheckComboBox<Integer> partitionChoice;
    private final TopicBrowserViewModel viewModel;
    private boolean syncing;

    private PartitionChoice(CheckComboBox<Integer> partitionChoice, TopicBrowserViewModel viewModel) {
        this.partitionChoice = partitionChoice;
        this.viewModel = viewModel;
    }

    /** Binds: the check list follows the view model's chosen partitions and the other way round; empty means all. */
    static void bind(CheckComboBox<Integer> partitionChoice, TopicBrowserViewModel viewModel) {
        PartitionChoice sync = new PartitionChoice(partitionChoice, viewModel);
        partitionChoice.getItems().setAll(viewModel.partitionNumbers());
        viewModel.partitionNumbers().addListener((ListChangeListener<Integer>) c -> {
            sync.syncing = true;
            partitionChoice.getItems().setAll(viewModel.partitionNumbers());
            sync.syncing = false;
            sync.checkChosen();
        });
        partitionChoice.getCheckModel().getCheckedItems().addListener((ListChangeListener<Integer>) c -> {
            List<Integer> checked = List.copyOf(partitionChoice.getCheckModel().getCheckedItems());
            if (!sync.syncing && !checked.equals(viewModel.chosenPartitions())) {
                viewModel.chosenPartitions().setAll(checked);
            }
        });
        viewModel.chosenPartitions().addListener((ListChangeListener<Integer>) c -> sync.checkChosen());
        List<Integer> chosen = viewModel.chosenPartitions();
        partitionChoice.titleProperty().bind(Bindings.createStringBinding(() -> chosen.isEmpty() ? "All partitions"
                : (chosen.size() == 1 ? "Partition " : "Partitions ")
                + chosen.stream().sorted().map(String::valueOf).collect(Collectors.joining(", ")),
                viewModel.chosenPartitions()));
    }

    private void checkChosen() {
        if (List.copyOf(partitionChoice.getCheckModel().getCheckedItems()).equals(viewModel.chosenPartitions())) {
            return;
        }
        syncing = true;
        partitionChoice.getCheckModel().clearChecks();
        viewModel.chosenPartitions().forEach(p -> partitionChoice.getCheckModel().check(p));
        syncing = false;
    }
}
