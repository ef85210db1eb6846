package ca.trialpath.trials.fetch;

import ca.trialpath.trials.CatalogueException;
import ca.trialpath.trials.CatalogueReader;
import ca.trialpath.trials.DownloadRecord;
import ca.trialpath.trials.SkipReason;
import ca.trialpath.trials.Study;
import ca.trialpath.trials.TrialFiles;
import java.io.IOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Downloads the catalogue into {@code DIR/current/} as a whole or not at all. The pages go to a new folder
 * beside it; only when every page has been read and parsed as the job will read it is the folder moved into
 * place ({@code current} becomes {@code previous}, the new folder {@code current}: two renames within one file
 * system). A failed download deletes its folder and leaves {@code current} as it was.
 */
public final class CatalogueDownload {

    /** The folder of {@code DIR} that {@code trials=} points at. */
    public static final String CURRENT = "current";
    /** The catalogue before the last download, kept for an operator to compare. */
    public static final String PREVIOUS = "previous";
    static final String INCOMING = ".incoming-";
    static final String LOCK = ".fetch.lock";

    /** What a download brought. */
    /** @param warnings what an operator should know although the download is good (no study found, ...) */
    public record Result(Path catalogue, DownloadRecord record, long studies, long skipped, int suggested,
            List<String> warnings) {
    }

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private final CtgovClient client;
    private final CtgovProperties settings;
    private final Clock clock;

    public CatalogueDownload(CtgovClient client, CtgovProperties settings, Clock clock) {
        this.client = client;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * @throws FetchException when a page could not be had or read: {@code DIR/current} is then untouched
     */
    public Result download(Path dir, CtgovQuery query) throws FetchException, InterruptedException {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new FetchException("cannot create the catalogue folder " + dir + ": " + e.getMessage(), e);
        }
        try (FileChannel lockFile = FileChannel.open(dir.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = tryLock(lockFile, dir)) {
            recover(dir);
            Path incoming = dir.resolve(INCOMING + clock.millis());
            Files.createDirectories(incoming);
            try {
                Result result = downloadInto(incoming, query);
                Path current = dir.resolve(CURRENT);
                moveIntoPlace(dir, incoming, current);
                return new Result(current, result.record(), result.studies(), result.skipped(), result.suggested(),
                        result.warnings());
            } finally {
                deleteRecursively(incoming);
            }
        } catch (IOException e) {
            throw new FetchException("cannot write the catalogue in " + dir + ": " + e.getMessage(), e);
        }
    }

    private static FileLock tryLock(FileChannel channel, Path dir) throws IOException, FetchException {
        try {
            FileLock lock = channel.tryLock();
            if (lock != null) {
                return lock;
            }
        } catch (OverlappingFileLockException e) {
            // held by this JVM
        }
        throw new FetchException("another fetch-trials is downloading into " + dir + " (it holds " + LOCK + ")");
    }

    private Result downloadInto(Path incoming, CtgovQuery query) throws FetchException, InterruptedException, IOException {
        CatalogueReader reader = new CatalogueReader();
        long[] counts = new long[2];
        Map<String, Object> suggestions = new LinkedHashMap<>();
        Set<String> tokens = new HashSet<>();
        String token = null;
        int page = 0;
        Long total = null;
        do {
            page++;
            if (page > settings.maxPages()) {
                throw new FetchException("more than trialpath.ctgov.max-pages=" + settings.maxPages() + " pages: the"
                        + " server keeps handing out page tokens; nothing was replaced");
            }
            URI uri = query.pageUri(settings.baseUrl(), token);
            Path file = incoming.resolve(String.format("page-%04d.json", page));
            client.download(uri, file);
            JsonNode root = parse(file, page);
            if (page == 1 && root.path("totalCount").isIntegralNumber()) {
                total = root.path("totalCount").asLong();
            }
            read(reader, file, page, counts);
            for (JsonNode study : root.path("studies").values()) {
                suggest(study, suggestions);
            }
            JsonNode next = root.path("nextPageToken");
            token = next.isString() && !next.asString().isBlank() ? next.asString() : null;
            if (token != null && !tokens.add(token)) {
                throw new FetchException("page " + page + " hands out the page token '" + token + "' a second time:"
                        + " the paging would never end; nothing was replaced");
            }
        } while (token != null);
        long entries = counts[0] + counts[1];
        List<String> warnings = new ArrayList<>();
        if (total != null && total != entries) {
            // pages are not a snapshot: a study updated while they were read can move between them
            warnings.add("the API announced " + total + " studies but the " + page + " pages held " + entries
                    + " (studies changed while the pages were read); the next download will catch up");
        }
        if (entries == 0) {
            warnings.add("the query found no study: the catalogue is now empty, so no one is matched to a trial"
                    + " (check the query options if that is unexpected)");
        }
        if (counts[1] > 0) {
            warnings.add(counts[1] + " entries cannot be used (no or bad NCT id, bad age or sex): the job skips and"
                    + " counts them");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        DownloadRecord record = new DownloadRecord(now, settings.baseUrl(), query.parameters(), entries, page);
        writeSuggestions(incoming.resolve(TrialFiles.CRITERIA_SUGGESTIONS), suggestions, record, null);
        record.write(incoming.resolve(TrialFiles.DOWNLOAD_RECORD));
        return new Result(incoming, record, counts[0], counts[1], suggestions.size(), List.copyOf(warnings));
    }

    /** A page in the API's shape: an object with a {@code studies} array; {@code nextPageToken} when more follow. */
    private static JsonNode parse(Path file, int page) throws FetchException {
        JsonNode root;
        try {
            root = MAPPER.readTree(file.toFile());
        } catch (JacksonException e) {
            var at = e.getLocation();
            throw new FetchException("page " + page + " is not valid JSON at " + (at == null ? "an unknown position"
                    : "line " + at.getLineNr() + ", column " + at.getColumnNr()) + " (" + firstLine(e.getOriginalMessage())
                    + "); nothing was replaced");
        }
        if (root == null || !root.isObject() || !root.path("studies").isArray()) {
            throw new FetchException("page " + page + " is not a page of the API (an object with a 'studies' array);"
                    + " nothing was replaced");
        }
        return root;
    }

    /** The page as the job will read it: every entry a study or a counted skip. */
    private static void read(CatalogueReader reader, Path file, int page, long[] counts) throws FetchException, IOException {
        try {
            reader.read(file, new CatalogueReader.Visitor() {
                @Override
                public void study(Study study) {
                    counts[0]++;
                }

                @Override
                public void skipped(SkipReason reason, String name, String detail) {
                    counts[1]++;
                }
            });
        } catch (CatalogueException e) {
            throw new FetchException("page " + page + ": " + e.getMessage() + "; nothing was replaced");
        }
    }

    private static void suggest(JsonNode study, Map<String, Object> suggestions) {
        JsonNode protocol = study.path("protocolSection");
        String nctId = protocol.path("identificationModule").path("nctId").asString("");
        String criteria = protocol.path("eligibilityModule").path("eligibilityCriteria").asString(null);
        if (nctId.isBlank() || criteria == null || suggestions.containsKey(nctId)) {
            return;
        }
        List<CriteriaDrafter.Suggestion> found = CriteriaDrafter.suggest(criteria);
        if (found.isEmpty()) {
            return;
        }
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("briefTitle", protocol.path("identificationModule").path("briefTitle").asString(""));
        entry.put("link", Study.LINK_PREFIX + nctId);
        entry.put("draft", CriteriaDrafter.draft(found));
        entry.put("suggestions", found.stream().map(s -> {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("key", s.key());
            one.put("value", s.value());
            one.put("section", s.section().name().toLowerCase(Locale.ROOT));
            one.put("sentence", s.sentence());
            return one;
        }).toList());
        suggestions.put(nctId, entry);
    }

    /**
     * The suggestions file: drafts keyed by NCT id, never read by the job.
     *
     * @param curated NCT ids the coordinators' criteria file already has ({@code null}: not known)
     */
    static void writeSuggestions(Path file, Map<String, Object> studies, DownloadRecord record, Set<String> curated)
            throws IOException {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("format", "trialpath-criteria-suggestions/1");
        json.put("note", "Drafts read from each study's eligibility text, never applied: check each against its"
                + " sentence and the study record, then copy what is right into the trialCriteria file");
        json.put("downloaded_at", record.downloadedAt().toString());
        Map<String, Object> entries = new LinkedHashMap<>();
        for (Map.Entry<String, Object> study : studies.entrySet()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> entry = new LinkedHashMap<>((Map<String, Object>) study.getValue());
            if (curated != null) {
                entry.put("curated", curated.contains(study.getKey()));
            }
            entries.put(study.getKey(), entry);
        }
        json.put("studies", entries);
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(temporary, MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(json) + "\n");
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * A copy of the suggestions of {@code catalogue} beside the coordinators' criteria file
     * ({@code trial-criteria.json} gives {@code trial-criteria.suggestions.json}), each entry marked
     * {@code curated} when the criteria file already has the study.
     */
    public static Path suggestionsBeside(Path trialCriteria, Path catalogue, Set<String> curated) throws IOException {
        JsonNode suggestions = MAPPER.readTree(catalogue.resolve(TrialFiles.CRITERIA_SUGGESTIONS).toFile());
        DownloadRecord record = DownloadRecord.read(catalogue.resolve(TrialFiles.DOWNLOAD_RECORD));
        Map<String, Object> studies = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> study : suggestions.path("studies").properties()) {
            studies.put(study.getKey(), MAPPER.convertValue(study.getValue(), Map.class));
        }
        String name = trialCriteria.getFileName().toString().replaceFirst("(?i)\\.json$", "");
        Path file = trialCriteria.toAbsolutePath().resolveSibling(name + ".suggestions.json");
        writeSuggestions(file, studies, record, curated);
        return file;
    }

    /** Two renames: the reader of {@code current} sees the old catalogue or the new one, never a mix. */
    private static void moveIntoPlace(Path dir, Path incoming, Path current) throws IOException {
        Path previous = dir.resolve(PREVIOUS);
        if (Files.exists(current)) {
            deleteRecursively(previous);
            Files.move(current, previous, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(incoming, current, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Left by a download that was killed: its incoming folders are deleted, and a {@code current} moved away
     * but not replaced is put back.
     */
    private static void recover(Path dir) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, INCOMING + "*")) {
            for (Path entry : entries) {
                deleteRecursively(entry);
            }
        }
        Path current = dir.resolve(CURRENT);
        Path previous = dir.resolve(PREVIOUS);
        if (!Files.exists(current) && Files.isDirectory(previous)) {
            Files.move(previous, current, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}
