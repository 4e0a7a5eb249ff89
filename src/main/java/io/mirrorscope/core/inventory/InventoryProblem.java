package io.mirrorscope.core.inventory;

/**
 * A note about one resource the reader could not fully make sense of, or about a kind that could not be read.
 * The resource still appears in the inventory with whatever could be read.
 *
 * @param kind      the Kubernetes kind
 * @param name      the resource name; "" for a problem with the whole kind
 * @param namespace the namespace; "" when not tied to one
 * @param message   what is wrong, for an operator
 */
public record InventoryProblem(String kind, String name, String namespace, String message) {
}
