import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * JFR recording → flame graph SVG (CPU samples, jdk.ExecutionSample) plus a text summary: allocation per request
 * (jdk.ObjectAllocationSample weights ÷ requests), the hottest self frames and the share of each library. JDK only:
 *
 * <pre>  java bench/tools/FlameGraph.java recording.jfr out.svg [requests]</pre>
 *
 * The first line printed is a one-line summary the suite's report quotes.
 */
public class FlameGraph {

    static final class Node {
        final String name;
        long count;
        final Map<String, Node> children = new LinkedHashMap<>();

        Node(String name) {
            this.name = name;
        }

        Node child(String n) {
            return children.computeIfAbsent(n, Node::new);
        }
    }

    public static void main(String[] args) throws Exception {
        Path jfr = Path.of(args[0]);
        Path svg = Path.of(args[1]);
        long requests = args.length > 2 ? Long.parseLong(args[2]) : 0;
        Node root = new Node("all");
        Map<String, Long> self = new HashMap<>();
        Map<String, Long> library = new TreeMap<>();
        long allocated = 0;
        for (RecordedEvent e : RecordingFile.readAllEvents(jfr)) {
            String type = e.getEventType().getName();
            if (type.equals("jdk.ObjectAllocationSample")) {
                allocated += e.getLong("weight");
                continue;
            }
            if (!type.equals("jdk.ExecutionSample")) {
                continue;
            }
            RecordedStackTrace st = e.getStackTrace();
            if (st == null) {
                continue;
            }
            List<RecordedFrame> frames = st.getFrames();
            Node n = root;
            n.count++;
            java.util.Set<String> libs = new java.util.HashSet<>();
            for (int i = frames.size() - 1; i >= 0; i--) {
                RecordedFrame f = frames.get(i);
                String name = f.getMethod().getType().getName() + "." + f.getMethod().getName();
                n = n.child(name);
                n.count++;
                libs.add(lib(f.getMethod().getType().getName()));
            }
            for (String l : libs) {
                library.merge(l, 1L, Long::sum);
            }
            if (!frames.isEmpty()) {
                RecordedFrame top = frames.get(0);
                self.merge(top.getMethod().getType().getName() + "." + top.getMethod().getName(), 1L, Long::sum);
            }
        }
        long samples = root.count;
        System.out.printf("%d CPU samples; allocation %s per request (JFR allocation samples, %s in all)%n", samples,
                requests > 0 ? human(allocated / (double) requests) : "n/a", human(allocated));
        System.out.println("\nshare of samples with a frame of each library (inclusive):");
        library.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue(), a.getValue())).limit(25)
                .forEach(en -> System.out.printf("  %5.1f%%  %s%n", 100.0 * en.getValue() / samples, en.getKey()));
        System.out.println("\nhottest self frames:");
        self.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue(), a.getValue())).limit(30)
                .forEach(en -> System.out.printf("  %5.1f%%  %s%n", 100.0 * en.getValue() / samples, en.getKey()));
        writeSvg(root, svg, jfr.getFileName().toString());
    }

    static String lib(String cls) {
        String[] p = cls.split("\\.");
        if (p.length >= 3 && (p[0].equals("io") || p[0].equals("org") || p[0].equals("com") || p[0].equals("ir"))) {
            return p[0] + "." + p[1] + "." + p[2];
        }
        return p.length >= 2 ? p[0] + "." + p[1] : cls;
    }

    static String human(double bytes) {
        if (bytes > 1 << 20) {
            return String.format("%.1f MB", bytes / (1 << 20));
        }
        return String.format("%.1f KB", bytes / 1024);
    }

    static final int WIDTH = 1800;
    static final int ROW = 16;

    static void writeSvg(Node root, Path out, String title) throws Exception {
        int depth = depth(root);
        int height = (depth + 3) * ROW;
        List<String> rects = new ArrayList<>();
        layout(root, 0, WIDTH, depth, 0, root.count, rects);
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out))) {
            w.printf("<svg xmlns='http://www.w3.org/2000/svg' width='%d' height='%d' font-family='monospace' font-size='11'>%n", WIDTH, height);
            w.printf("<rect width='100%%' height='100%%' fill='#fdfdf6'/><text x='8' y='13' font-size='13'>CPU flame graph: %s (%d samples; width = share of CPU samples; hover for names)</text>%n",
                    esc(title), root.count);
            rects.forEach(w::println);
            w.println("</svg>");
        }
    }

    static int depth(Node n) {
        int d = 0;
        for (Node c : n.children.values()) {
            d = Math.max(d, depth(c));
        }
        return d + 1;
    }

    static void layout(Node n, double x, double w, int maxDepth, int level, long total, List<String> out) {
        if (w < 0.3) {
            return;
        }
        double y = (maxDepth - level + 1) * ROW;
        int hash = n.name.hashCode();
        String colour = n.name.startsWith("ir.kanoon") ? "rgb(120,200,120)"
                : n.name.startsWith("java.") || n.name.startsWith("jdk.") || n.name.startsWith("sun.") ? "rgb(230," + (150 + (hash & 63)) + ",80)"
                : "rgb(240," + (90 + (hash & 127)) + ",60)";
        String label = n.name.substring(Math.max(0, n.name.lastIndexOf('.', n.name.lastIndexOf('.') - 1) + 1));
        int chars = (int) (w / 7);
        out.add(String.format("<g><title>%s (%d samples, %.2f%%)</title><rect x='%.1f' y='%.1f' width='%.1f' height='%d' fill='%s' rx='2'/>%s</g>",
                esc(n.name), n.count, 100.0 * n.count / total, x, y, w, ROW - 1, colour,
                chars > 3 ? String.format("<text x='%.1f' y='%.1f'>%s</text>", x + 3, y + 11,
                        esc(label.length() > chars ? label.substring(0, chars - 2) + ".." : label)) : ""));
        double cx = x;
        for (Node c : n.children.values()) {
            double cw = w * c.count / n.count;
            layout(c, cx, cw, maxDepth, level + 1, total, out);
            cx += cw;
        }
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&apos;");
    }
}
