package ca.trialpath.batch;

import static org.assertj.core.api.Assertions.assertThat;

import ca.trialpath.output.csv.AssessmentsCsv;
import ca.trialpath.output.csv.CodesCsv;
import ca.trialpath.output.csv.GuidelineCsv;
import ca.trialpath.output.csv.OptionsCsv;
import ca.trialpath.output.csv.RejectsCsv;
import ca.trialpath.output.csv.TrialMatchesCsv;
import ca.trialpath.output.csv.TrialSitesCsv;
import ca.trialpath.output.csv.TrialsCsv;
import ca.trialpath.output.json.AssessmentsJsonl;
import ca.trialpath.report.ChangesCsv;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the job tests read back from a published folder, compared as text so that a failure shows the
 * lines that differ rather than "files differ".
 */
public final class PublishedOutputs {

    /** Files compared byte for byte between two runs of the same input: every published file but three. */
    public static final List<String> EXACT_FILES = List.of(AssessmentsCsv.FILE, OptionsCsv.FILE, RejectsCsv.FILE,
            AssessmentsJsonl.FILE, TrialMatchesCsv.FILE, TrialsCsv.FILE, TrialSitesCsv.FILE, GuidelineCsv.FILE,
            CodesCsv.FILE);

    /**
     * The files of outputs.md version 2: those above, summary.json and report.html (they hold times and ids), and
     * changes.csv (what changed since the previous run).
     */
    public static final List<String> FILES = Stream.concat(EXACT_FILES.stream(),
            Stream.of("summary.json", "report.html", ChangesCsv.FILE)).toList();

    /**
     * summary.json fields that differ from one execution to the next (the run compared with depends on what
     * was published before into the same output folder).
     */
    public static final List<String> RUN_FIELDS = List.of("start_time", "end_time", "job_execution_id",
            "job_instance_id", "previous_run");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private PublishedOutputs() {
    }

    /** A test resource as a path (the tests run from target/test-classes). */
    public static Path resource(String name) {
        try {
            var url = PublishedOutputs.class.getClassLoader().getResource(name);
            assertThat(url).as("test resource %s", name).isNotNull();
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Lines split on LF only, so a CR or a missing final line break shows up as a difference. */
    public static List<String> lines(Path file) {
        return Arrays.asList(read(file).split("\n", -1));
    }

    public static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Same lines (a readable diff on failure), then same bytes (BOM, encoding). */
    public static void assertSameContent(Path actual, Path expected) {
        List<String> actualLines = lines(actual);
        List<String> expectedLines = lines(expected);
        for (int i = 0; i < Math.min(actualLines.size(), expectedLines.size()); i++) {
            assertThat(actualLines.get(i)).as("%s line %d (expected: %s)", actual.getFileName(), i + 1, expected)
                    .isEqualTo(expectedLines.get(i));
        }
        assertThat(actualLines).as("lines of %s (expected: %s)", actual.getFileName(), expected)
                .containsExactlyElementsOf(expectedLines);
        try {
            assertThat(Files.mismatch(actual, expected)).as("first differing byte of %s", actual).isEqualTo(-1L);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** summary.json without the fields that change with every execution, pretty-printed as lines. */
    public static List<String> summaryWithoutRunFields(Path summary) {
        JsonNode node = JSON.readTree(read(summary));
        assertThat(node.isObject()).as("summary.json is an object").isTrue();
        for (String field : RUN_FIELDS) {
            assertThat(node.has(field)).as("summary.json has %s", field).isTrue();
            ((ObjectNode) node).remove(field);
        }
        return Arrays.asList(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node).split("\n"));
    }

    /** As {@link #assertSameSummary}, for a run that replaced a folder: its {@code replaces} is checked apart. */
    public static void assertSameSummaryButReplaces(Path actual, Path expected) {
        assertThat(summaryWithout(actual, "replaces")).as("summary.json (without %s, replaces)", RUN_FIELDS)
                .containsExactlyElementsOf(summaryWithout(expected, "replaces"));
    }

    private static List<String> summaryWithout(Path summary, String field) {
        ObjectNode node = (ObjectNode) JSON.readTree(String.join("\n", summaryWithoutRunFields(summary)));
        node.remove(field);
        return Arrays.asList(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node).split("\n"));
    }

    public static void assertSameSummary(Path actual, Path expected) {
        assertThat(summaryWithoutRunFields(actual)).as("summary.json (without %s)", RUN_FIELDS)
                .containsExactlyElementsOf(summaryWithoutRunFields(expected));
    }

    public static JsonNode json(Path file) {
        return JSON.readTree(read(file));
    }

    /** The records of a published CSV file, header excluded. */
    public static List<CSVRecord> records(Path csv) {
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(Files.newBufferedReader(csv, StandardCharsets.UTF_8))) {
            return parser.getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every file and folder under {@code root}, relative to it, in sorted order. */
    public static List<String> tree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            List<String> names = new ArrayList<>();
            paths.filter(p -> !p.equals(root)).sorted().forEach(p -> names.add(root.relativize(p).toString()));
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A copy of a folder's files, for "unchanged" checks. */
    public static void copyFolder(Path from, Path to) {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : paths.sorted().toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Same file names, and each file byte for byte the same. */
    public static void assertSameFolder(Path actual, Path expected) {
        assertThat(tree(actual)).as("files of %s", actual).containsExactlyElementsOf(tree(expected));
        for (String name : tree(expected)) {
            if (Files.isRegularFile(expected.resolve(name))) {
                assertSameContent(actual.resolve(name), expected.resolve(name));
            }
        }
    }
}
