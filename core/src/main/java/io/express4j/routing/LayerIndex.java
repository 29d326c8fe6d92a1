package io.express4j.routing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable snapshot of a router's stack that tells which layers a path can match at all, so that dispatch
 * tries those instead of every layer. Each layer is filed in a tree of path segments under the literal segments
 * its matches must start with ({@link PathPattern#leadingSegments()}: {@code /api/v1/:id} under api → v1,
 * {@code /:id}, a regular expression or middleware on {@code /} at the root). A path's candidates are the layers
 * filed along its own segments, walked in stack order, so registration order decides exactly as in the linear
 * scan.
 */
final class LayerIndex {
    static final LayerIndex EMPTY = new LayerIndex(new Layer[0]);

    private final Layer[] layers;
    private final Node root = new Node();

    /** A segment's layers; its chain holds its own positions and those of every node above it, root included. */
    private static final class Node {
        final Map<String, Node> children = new HashMap<>();
        List<Integer> filed = new ArrayList<>(); // while building
        int[][] chain;
    }

    private LayerIndex(Layer[] layers) {
        this.layers = layers;
        for (int i = 0; i < layers.length; i++) {
            for (List<String> segments : layers[i].leadingSegments()) {
                Node node = root;
                for (String key : segments) node = node.children.computeIfAbsent(key, k -> new Node());
                if (node.filed.isEmpty() || node.filed.get(node.filed.size() - 1) != i) node.filed.add(i);
            }
        }
        seal(root, new int[0][]);
    }

    /** Turns each node's positions into an array and appends it to the chain of the nodes above. */
    private static void seal(Node node, int[][] above) {
        int[][] chain = above;
        if (!node.filed.isEmpty()) {
            chain = Arrays.copyOf(above, above.length + 1);
            chain[above.length] =
                    node.filed.stream().mapToInt(Integer::intValue).toArray();
        }
        node.chain = chain;
        node.filed = null;
        for (Node child : node.children.values()) seal(child, chain);
    }

    /** The index of these layers, in stack order. */
    static LayerIndex of(List<Layer> stack) {
        return stack.isEmpty() ? EMPTY : new LayerIndex(stack.toArray(new Layer[0]));
    }

    int size() {
        return layers.length;
    }

    Layer layer(int position) {
        return layers[position];
    }

    /**
     * The candidates for a path: the positions (ascending arrays) of the layers filed along its segments, to
     * pass to {@link #next} with the same path.
     */
    int[][] candidates(String path) {
        Node node = root;
        if (path.isEmpty() || path.charAt(0) != '/') return node.chain;
        for (int from = 1; ; ) {
            int slash = path.indexOf('/', from);
            int to = slash < 0 ? path.length() : slash;
            Node child = node.children.get(PathPattern.segmentKey(path, from, to));
            if (child == null) return node.chain;
            node = child;
            if (slash < 0 || node.children.isEmpty()) return node.chain;
            from = slash + 1;
        }
    }

    /** The first candidate position at or after {@code from}; {@link #size()} when there is none. */
    int next(int[][] candidates, int from) {
        int next = layers.length;
        for (int[] positions : candidates) {
            int i = Arrays.binarySearch(positions, from);
            if (i < 0) i = -i - 1;
            if (i < positions.length && positions[i] < next) next = positions[i];
        }
        return next;
    }
}
