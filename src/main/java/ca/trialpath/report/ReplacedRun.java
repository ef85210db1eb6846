package ca.trialpath.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import ca.trialpath.output.json.PublishedJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The run whose folder a new run for the same date replaced (a corrected export), as the new
 * {@code summary.json} names it under {@code replaces}: where the replaced folder was kept, and which run
 * and which input files it came from. Its fields are {@code null} when the replaced folder had no readable
 * summary (a folder put there by hand).
 *
 * @param keptAs the replaced folder, relative to the output folder ({@code 2026-11-27.replaced/...})
 */
public record ReplacedRun(String keptAs, Long jobExecutionId, Long jobInstanceId, String inputFingerprint,
        String endTime) {

    private static final JsonMapper MAPPER = JsonMapper.builder(PublishedJson.FACTORY).build();

    /** What the published folder about to be moved to {@code keptAs} holds. */
    public static ReplacedRun of(Path published, Path output, Path keptAs) {
        JsonNode summary = null;
        try {
            summary = MAPPER.readTree(published.resolve("summary.json").toFile());
        } catch (RuntimeException unreadable) {
            // a folder made by hand, or a damaged summary: the folder is still kept, its run is unknown
        }
        return new ReplacedRun(output.relativize(keptAs).toString(), number(summary, "job_execution_id"),
                number(summary, "job_instance_id"), text(summary, "input_fingerprint"), text(summary, "end_time"));
    }

    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("kept_as", keptAs);
        json.put("job_execution_id", jobExecutionId);
        json.put("job_instance_id", jobInstanceId);
        json.put("input_fingerprint", inputFingerprint);
        json.put("end_time", endTime);
        return json;
    }

    /**
     * Remembered in the run's staging folder before the old folder moves, so that a restart after a crash
     * between the two moves (the old folder already aside, the new one not yet in place) still says it.
     */
    public void remember(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        MAPPER.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), toJson());
    }

    /** What {@link #remember} wrote, if the kept folder it names exists; else {@code null}. */
    public static ReplacedRun remembered(Path file, Path output) {
        if (!Files.exists(file)) {
            return null;
        }
        JsonNode json = MAPPER.readTree(file.toFile());
        ReplacedRun run = new ReplacedRun(text(json, "kept_as"), number(json, "job_execution_id"),
                number(json, "job_instance_id"), text(json, "input_fingerprint"), text(json, "end_time"));
        return run.keptAs() != null && Files.isDirectory(output.resolve(run.keptAs())) ? run : null;
    }

    private static Long number(JsonNode json, String field) {
        JsonNode node = json == null ? null : json.get(field);
        return node == null || !node.canConvertToLong() ? null : node.asLong();
    }

    private static String text(JsonNode json, String field) {
        JsonNode node = json == null ? null : json.get(field);
        return node == null || node.isNull() ? null : node.asString();
    }
}
