import java.io.IOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a recorded run spent its CPU, in two short lists, so bench/scale.sh can print it after each profiled
 * run without opening JDK Mission Control: the top methods by self samples (the method on top of the stack:
 * where the time is spent) and the top {@code ca.trialpath} methods by inclusive samples (on the stack at all:
 * which of our calls the time is spent under). Reads the {@code jdk.ExecutionSample} events (Java code
 * running on a CPU; threads waiting on I/O or locks are not sampled). Pure JDK 17, run as a source file:
 *
 * <pre>
 * java bench/JfrTop.java RECORDING.jfr [N]      (N lines per list, default 20)
 * </pre>
 */
public final class JfrTop {

    private static final String OURS = "ca.trialpath.";

    private static final Pattern LAMBDA = Pattern.compile("\\$\\$Lambda.*$");

    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: java bench/JfrTop.java RECORDING.jfr [N]");
            System.exit(2);
        }
        int top = args.length == 2 ? Integer.parseInt(args[1]) : 20;

        Map<String, Long> self = new HashMap<>();
        Map<String, Long> inclusive = new HashMap<>();
        long samples = 0;
        long truncated = 0;
        try (RecordingFile recording = new RecordingFile(Path.of(args[0]))) {
            while (recording.hasMoreEvents()) {
                RecordedEvent event = recording.readEvent();
                if (!event.getEventType().getName().equals("jdk.ExecutionSample")) {
                    continue;
                }
                RecordedStackTrace stack = event.getStackTrace();
                if (stack == null || stack.getFrames().isEmpty()) {
                    continue;
                }
                samples++;
                if (stack.isTruncated()) {
                    truncated++;
                }
                List<RecordedFrame> frames = stack.getFrames();
                self.merge(name(frames.get(0)), 1L, Long::sum);
                // a recursive method is on the stack once per sample, however deep it recurses
                Set<String> seen = new HashSet<>();
                for (RecordedFrame frame : frames) {
                    String method = name(frame);
                    if (method.startsWith(OURS) && seen.add(method)) {
                        inclusive.merge(method, 1L, Long::sum);
                    }
                }
            }
        }

        System.out.printf("%d execution samples in %s%s%n", samples, args[0],
                truncated == 0 ? "" : " (" + truncated + " stacks truncated: inclusive counts are low)");
        if (samples == 0) {
            return;
        }
        print("top " + top + " methods by self samples", self, samples, top);
        print("top " + top + " ca.trialpath methods by inclusive samples", inclusive, samples, top);
    }

    private static void print(String title, Map<String, Long> counts, long samples, int top) {
        System.out.println();
        System.out.println(title + ":");
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(top)
                .forEach(e -> System.out.printf("%6.1f%% %8d  %s%n", 100.0 * e.getValue() / samples, e.getValue(),
                        e.getKey()));
    }

    private static String name(RecordedFrame frame) {
        RecordedMethod method = frame.getMethod();
        if (method == null) {
            return "(unknown)";
        }
        // a lambda's hidden class carries a per-run address ($$Lambda$124+0x00007f0d600caca0.1764696127):
        // without it the lists of two runs can be compared, and one lambda's samples are not split
        return LAMBDA.matcher(method.getType().getName()).replaceFirst("\\$\\$Lambda") + "." + method.getName();
    }
}
