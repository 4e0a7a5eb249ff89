package io.mirrorscope.ui.sidebyside;

import java.util.TreeSet;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;
import javafx.collections.SetChangeListener;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;

/**
 * Partition choice as a menu button of check items ("All partitions" clears the choice); its text names the
 * choice. Stands in for ControlsFX's CheckComboBox, which the build does not carry yet.
 */
final class PartitionMenu {

    private PartitionMenu() {
    }

    static void bind(MenuButton button, ObservableList<Integer> partitions, ObservableSet<Integer> chosen) {
        build(button, partitions, chosen);
        partitions.addListener((ListChangeListener<Integer>) c -> build(button, partitions, chosen));
        chosen.addListener((SetChangeListener<Integer>) c -> {
            button.setText(chosen.isEmpty() ? "All partitions" : "Partitions " + new TreeSet<>(chosen));
            button.getItems().stream().filter(CheckMenuItem.class::isInstance).map(CheckMenuItem.class::cast)
                    .forEach(i -> i.setSelected(chosen.contains((Integer) i.getUserData())));
        });
    }

    private static void build(MenuButton button, ObservableList<Integer> partitions, ObservableSet<Integer> chosen) {
        MenuItem all = new MenuItem("All partitions");
        all.setOnAction(e -> chosen.clear());
        button.getItems().setAll(all, new SeparatorMenuItem());
        for (Integer p : partitions) {
            CheckMenuItem item = new CheckMenuItem("Partition " + p);
            item.setUserData(p);
            item.setSelected(chosen.contains(p));
            item.selectedProperty().subscribe(on -> {
                if (on) {
                    chosen.add(p);
                } else {
                    chosen.remove(p);
                }
            });
            button.getItems().add(item);
        }
    }
}
