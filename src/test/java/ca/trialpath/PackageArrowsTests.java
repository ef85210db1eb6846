package ca.trialpath;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The arrows between the packages of src/main/java (docs/layout.md): which package uses which, read from the
 * sources, with no circle; and the steps' classes depend on the job's names and its run state, not on its wiring,
 * and on earlier steps only.
 */
class PackageArrowsTests {

    private static final Path MAIN = Path.of("src/main/java");
    private static final Pattern PACKAGE = Pattern.compile("^package (ca\\.trialpath[\\w.]*);", Pattern.MULTILINE);
    /** An import, or a class named in full in the code: {@code ca.trialpath.cohort.CohortFileException}. */
    private static final Pattern REFERENCE = Pattern.compile("\\b(ca\\.trialpath(?:\\.[a-z]\\w*)*)\\.[A-Z]");
    private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/|//[^\\n]*", Pattern.DOTALL);

    private record Source(Path file, String pkg, String code) {
    }

    private static List<Source> sources() {
        try (Stream<Path> files = Files.walk(MAIN)) {
            List<Source> sources = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                String text = Files.readString(file);
                Matcher pkg = PACKAGE.matcher(text);
                assertThat(pkg.find()).as(file + " has a package").isTrue();
                sources.add(new Source(file, pkg.group(1), COMMENT.matcher(text).replaceAll("")));
            }
            return sources;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Package to the packages it uses. */
    static Map<String, Set<String>> arrows() {
        Map<String, Set<String>> arrows = new TreeMap<>();
        for (Source source : sources()) {
            Set<String> to = arrows.computeIfAbsent(source.pkg(), p -> new TreeSet<>());
            Matcher reference = REFERENCE.matcher(PACKAGE.matcher(source.code()).replaceAll(""));
            while (reference.find()) {
                if (!reference.group(1).equals(source.pkg())) {
                    to.add(reference.group(1));
                }
            }
        }
        return arrows;
    }

    @Test
    void shouldHaveNoCircleBetweenPackages() {
        Map<String, Set<String>> arrows = arrows();
        List<String> circles = new ArrayList<>();
        for (String start : arrows.keySet()) {
            List<String> path = circleThrough(start, start, arrows, new ArrayList<>(List.of(start)), new TreeSet<>());
            if (path != null) {
                circles.add(String.join(" -> ", path));
            }
        }
        assertThat(circles).as("package circles, arrows " + arrows).isEmpty();
    }

    @Test
    void shouldFindTheArrowsItChecks() {
        // the reading itself: an arrow known to be there is found, and one known not to be is not
        Map<String, Set<String>> arrows = arrows();

        assertThat(arrows.get("ca.trialpath.cli")).contains("ca.trialpath.batch.run", "ca.trialpath.remote");
        assertThat(arrows.get("ca.trialpath.batch.assess")).contains("ca.trialpath.batch.run", "ca.trialpath.cohort")
                .doesNotContain("ca.trialpath.cli", "ca.trialpath.batch");
        assertThat(arrows.get("ca.trialpath.guideline")).isEmpty();
        assertThat(arrows.get("ca.trialpath")).as("the application knows nothing of the command").isEmpty();
    }

    @Test
    void shouldKeepTheJobsWiringOutOfTheStepsClasses() {
        List<String> users = sources().stream()
                .filter(s -> !s.file().endsWith("NightlyJobConfiguration.java"))
                .filter(s -> s.code().contains("NightlyJobConfiguration"))
                .map(s -> s.file().toString()).toList();

        assertThat(users).isEmpty();
    }

    @Test
    void shouldKeepTheStepsPackagesBelowTheJobsWiring() {
        // batch.{inspect,index,assess,publish} and what they share (batch.run, batch.input) never use the package
        // that wires them; a step may use an earlier step's classes, never a later one's
        Map<String, Set<String>> arrows = arrows();
        List<String> steps = List.of("inspect", "index", "assess", "publish");
        List<String> wrong = new ArrayList<>();
        arrows.forEach((from, to) -> {
            if (from.startsWith("ca.trialpath.batch.")) {
                if (to.contains("ca.trialpath.batch")) {
                    wrong.add(from + " -> ca.trialpath.batch");
                }
                int step = steps.indexOf(from.substring("ca.trialpath.batch.".length()));
                for (String target : to) {
                    int later = target.startsWith("ca.trialpath.batch.")
                            ? steps.indexOf(target.substring("ca.trialpath.batch.".length())) : -1;
                    if (later >= 0 && (step < 0 || later > step)) {
                        wrong.add(from + " -> " + target);
                    }
                }
            }
        });

        assertThat(arrows).containsKeys(steps.stream().map(s -> "ca.trialpath.batch." + s).toArray(String[]::new));
        assertThat(wrong).isEmpty();
    }

    @Test
    void shouldReadAndWriteTheJobsExecutionContextOnlyThroughRunState() {
        Pattern untyped = Pattern.compile("jobExecutionContext|getJobExecution\\(\\)\\s*\\.getExecutionContext\\(\\)"
                + "|\\bjob\\.getExecutionContext\\(\\)");
        List<String> users = sources().stream()
                .filter(s -> !s.file().endsWith("RunState.java"))
                .filter(s -> untyped.matcher(s.code()).find())
                .map(s -> s.file().toString()).toList();

        assertThat(users).isEmpty();
    }

    private static List<String> circleThrough(String start, String at, Map<String, Set<String>> arrows,
            List<String> path, Set<String> seen) {
        for (String next : arrows.getOrDefault(at, Set.of())) {
            if (next.equals(start)) {
                List<String> circle = new ArrayList<>(path);
                circle.add(start);
                return circle;
            }
            if (seen.add(next)) {
                path.add(next);
                List<String> found = circleThrough(start, next, arrows, path, seen);
                if (found != null) {
                    return found;
                }
                path.remove(path.size() - 1);
            }
        }
        return null;
    }
}
