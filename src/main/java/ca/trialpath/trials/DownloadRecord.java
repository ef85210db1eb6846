package ca.trialpath.trials;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * When and how a catalogue folder was downloaded ({@code fetch-trials}), kept beside its pages in
 * {@value TrialFiles#DOWNLOAD_RECORD}: the job reads the download time from it to say how old the
 * catalogue is. A catalogue copied by hand has none, and its download time is unknown.
 *
 * @param downloadedAt when the last page was read, with the offset of the machine that downloaded it (its
 *                     local date is the download date, whatever the zone of the machine that reads it)
 * @param query        the query as sent, without the page token (the API's parameters)
 * @param studies      entries the pages held
 * @param pages        page files written
 */
public record DownloadRecord(OffsetDateTime downloadedAt, String baseUrl, Map<String, String> query, long studies,
        int pages) implements Serializable {

    /** The format of the file, so that a later TrialPath can tell an older record apart. */
    public static final String FORMAT = "trialpath-ctgov-download/1";
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    public DownloadRecord {
        query = new LinkedHashMap<>(query);
    }

    /** Whole days from the download date to {@code day} (0 the same day; negative for a download after it). */
    public long ageInDays(LocalDate day) {
        return ChronoUnit.DAYS.between(downloadedAt.toLocalDate(), day);
    }

    /**
     * The record of a {@code trials=} folder, or {@code null} when it has none (a file, a folder copied by
     * hand) or when it cannot be read: the catalogue is still usable, only its age is then unknown.
     */
    public static DownloadRecord of(Path trials) {
        if (trials == null || !Files.isDirectory(trials)) {
            return null;
        }
        Path file = trials.resolve(TrialFiles.DOWNLOAD_RECORD);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            return read(file);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** @throws IllegalArgumentException when the file is not a download record */
    public static DownloadRecord read(Path file) throws IOException {
        JsonNode root;
        try {
            root = MAPPER.readTree(file.toFile());
        } catch (JacksonException e) {
            throw new IllegalArgumentException(file + " is not valid JSON: " + CatalogueReader.firstLine(e.getOriginalMessage()));
        }
        if (root == null || !root.isObject() || !FORMAT.equals(root.path("format").asString(""))) {
            throw new IllegalArgumentException(file + " is not a download record (" + FORMAT + ")");
        }
        OffsetDateTime at;
        try {
            at = OffsetDateTime.parse(root.path("downloaded_at").asString(""));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(file + ": downloaded_at is not a date-time with an offset");
        }
        Map<String, String> query = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> parameter : root.path("query").properties()) {
            query.put(parameter.getKey(), parameter.getValue().asString(""));
        }
        return new DownloadRecord(at, root.path("base_url").asString(""), query, root.path("studies").asLong(0),
                root.path("pages").asInt(0));
    }

    /** Writes the record as JSON (the caller makes it appear atomically). */
    public void write(Path file) throws IOException {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("format", FORMAT);
        json.put("downloaded_at", downloadedAt.truncatedTo(ChronoUnit.SECONDS).toString());
        json.put("base_url", baseUrl);
        json.put("query", query);
        json.put("studies", studies);
        json.put("pages", pages);
        Files.writeString(file, MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(json) + "\n");
    }
}
