package io.express4j;

import io.express4j.routing.PathPattern;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An immutable snapshot of a router's stack that tells which layers a path can match at all, so that dispatch
 * tries those instead of every layer. A layer whose pattern requires a literal first path segment
 * ({@link PathPattern#firstSegments()}) is filed under that segment's key; every other layer (middleware on
 * {@code /}, a leading parameter or wildcard, a regular expression) is always a candidate. Candidates come in
 * stack order, so registration order still decides exactly as in the linear scan.
 */
final class LayerIndex {
    static final LayerIndex EMPTY = new LayerIndex(new Layer[0]);
    private static final int[] NONE = new int[0];

    private final Layer[] layers;
    private final Map<String, int[]> byFirstSegment = new HashMap<>();
    private final int[] always;

    private LayerIndex(Layer[] layers) {
        this.layers = layers;
        Map<String, List<Integer>> keyed = new HashMap<>();
        List<Integer> anyPath = new ArrayList<>();
        for (int i = 0; i < layers.length; i++) {
            Set<String> keys = layers[i].firstSegments();
            if (keys == null) {
                anyPath.add(i);
                continue;
            }
            for (String key : keys) keyed.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
        }
        keyed.forEach((key, positions) -> byFirstSegment.put(key, toArray(positions)));
        this.always = toArray(anyPath);
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
     * The positions of the layers filed under the first segment of {@code path} (ascending); pass them to
     * {@link #next} with the same path. Layers that match any first segment are not included.
     */
    int[] keyed(String path) {
        String key = PathPattern.firstSegmentKey(path);
        if (key == null) return NONE;
        int[] positions = byFirstSegment.get(key);
        return positions == null ? NONE : positions;
    }

    /**
     * The first position at or after {@code from} that is in {@code keyed} or always a candidate; {@link #size()}
     * when there is none.
     */
    int next(int[] keyed, int from) {
        return Math.min(atOrAfter(keyed, from), atOrAfter(always, from));
    }

    private int atOrAfter(int[] positions, int from) {
        int i = Arrays.binarySearch(positions, from);
        if (i < 0) i = -i - 1;
        return i < positions.length ? positions[i] : layers.length;
    }

    private static int[] toArray(List<Integer> positions) {
        int[] out = new int[positions.size()];
        for (int i = 0; i < out.length; i++) out[i] = positions.get(i);
        return out;
    }
}
