package dev.oxidizer.report;

import dev.oxidizer.model.MethodReport.CallTree;

import java.util.ArrayList;
import java.util.List;

/**
 * Lays out a method's sampled call tree as an icicle flame graph: the method itself on the top row, its
 * callees below, each frame as wide as its share of the method's samples. Frames narrower than
 * {@value #MIN_WIDTH} units and rows deeper than {@value #MAX_DEPTH} are left out (they would be
 * unreadable); labels are cut to fit their box, the full name and sample count stay in the tooltip.
 * Returns {@code null} when there is no tree or it has no samples.
 */
final class FlameGraph {
    static final int WIDTH = 800;
    static final int ROW = 18;
    static final int MAX_DEPTH = 14;
    private static final double MIN_WIDTH = 1.5;
    /** Approximate width of one character of the 11 px label font, in SVG units. */
    private static final double CHAR = 6.6;

    private FlameGraph() {}

    static PageView.Flame of(CallTree root) {
        if (root == null || root.samples() <= 0) {
            return null;
        }
        List<PageView.FlameRect> rects = new ArrayList<>();
        int[] depth = {0};
        layout(root, 0, WIDTH, 0, root.samples(), rects, depth);
        return new PageView.Flame(WIDTH, (depth[0] + 1) * ROW, rects, Formats.exact(root.samples()));
    }

    private static void layout(CallTree node, double x, double w, int level, long rootSamples,
                               List<PageView.FlameRect> out, int[] maxDepth) {
        maxDepth[0] = Math.max(maxDepth[0], level);
        String frame = node.frame() == null ? "?" : node.frame();
        double y = level * ROW;
        String title = frame + " — " + Formats.exact(node.samples()) + " samples ("
                + Formats.percent((double) node.samples() / rootSamples) + " of the method)";
        out.add(new PageView.FlameRect(Formats.coord(x), Formats.coord(y), Formats.coord(Math.max(w - 0.5, 0.5)),
                Formats.coord(ROW - 1), Formats.coord(x + 3), Formats.coord(y + ROW - 5), fit(shortName(frame), w),
                title, level == 0 ? "root" : "c" + Math.floorMod(frame.hashCode(), 6)));
        if (level + 1 >= MAX_DEPTH) {
            return;
        }
        long parentSamples = Math.max(node.samples(), 1);
        double cx = x;
        for (CallTree child : node.children()) {
            // Children may claim more samples than the parent (inconsistent input): clamp to the parent's box.
            double cw = Math.min(w * child.samples() / parentSamples, x + w - cx);
            if (cw >= MIN_WIDTH) {
                layout(child, cx, cw, level + 1, rootSamples, out, maxDepth);
            }
            cx += Math.max(cw, 0);
        }
    }

    /** {@code pkg.Outer$Inner.method} → {@code Outer$Inner.method}. */
    static String shortName(String frame) {
        int paren = frame.indexOf('(');
        String head = paren >= 0 ? frame.substring(0, paren) : frame;
        int lastDot = head.lastIndexOf('.');
        if (lastDot <= 0) {
            return frame;
        }
        int classDot = head.lastIndexOf('.', lastDot - 1);
        return frame.substring(classDot + 1);
    }

    /** The label cut to the box, with an ellipsis; empty when not even three characters fit. */
    static String fit(String label, double width) {
        int chars = (int) Math.floor((width - 6) / CHAR);
        if (chars < 3) {
            return "";
        }
        if (label.codePointCount(0, label.length()) <= chars) {
            return label;
        }
        int end = label.offsetByCodePoints(0, chars - 1);
        return label.substring(0, end) + "…";
    }
}
