package ca.trialpath.cli;

import ca.trialpath.trials.DownloadRecord;
import ca.trialpath.trials.fetch.CatalogueDownload;
import ca.trialpath.trials.fetch.CtgovClient;
import ca.trialpath.trials.fetch.CtgovProperties;
import ca.trialpath.trials.fetch.CtgovQuery;
import ca.trialpath.trials.fetch.FetchConfiguration;
import ca.trialpath.trials.fetch.FetchException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code java -jar trialpath.jar fetch-trials catalogue=DIR [condition=...] [country=...] [status=...]
 * [pageSize=N] [trialCriteria=FILE] [--trialpath.ctgov.*=...]}: downloads the catalogue into {@code DIR/current/},
 * which {@code trials=DIR/current} reads. The contract with the nightly wrapper (docs/trial-catalogue.md): exit 0
 * downloaded (one line on standard output), 1 the download failed and the last good catalogue is kept (one line
 * on standard error: why, and how old the kept one is), 2 called wrongly.
 */
public final class FetchTrialsCommand {

    public static final String COMMAND = "fetch-trials";
    public static final int DOWNLOADED = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    private static final List<String> PARAMETERS = List.of("catalogue", "condition", "country", "status", "pageSize",
            "trialCriteria");
    private static final String USAGE_LINE = "usage: java -jar trialpath.jar fetch-trials catalogue=DIR"
            + " [condition=\"" + CtgovQuery.DEFAULT_CONDITION + "\"] [country=" + CtgovQuery.DEFAULT_COUNTRY + "]"
            + " [status=" + String.join(",", CtgovQuery.DEFAULT_STATUSES) + "] [pageSize=" + CtgovQuery.DEFAULT_PAGE_SIZE
            + "] [trialCriteria=FILE] [--trialpath.ctgov.base-url=URL ...]";

    private final PrintStream out;
    private final PrintStream err;
    private final Clock clock;

    public FetchTrialsCommand(PrintStream out, PrintStream err) {
        this(out, err, Clock.systemDefaultZone());
    }

    public FetchTrialsCommand(PrintStream out, PrintStream err, Clock clock) {
        this.out = out;
        this.err = err;
        this.clock = clock;
    }

    /** @param args the arguments after {@code fetch-trials} */
    public int run(List<String> args) {
        Arguments arguments;
        Path dir;
        Path trialCriteria;
        try {
            arguments = Arguments.parse(args, PARAMETERS);
            dir = Path.of(arguments.required("catalogue", "DIR (the folder that keeps the downloaded catalogue)"))
                    .toAbsolutePath().normalize();
            trialCriteria = arguments.path("trialCriteria");
        } catch (UsageException e) {
            return usage(e.getMessage());
        }
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            return usage("catalogue " + dir + " is a file, not a folder");
        }
        if (trialCriteria != null && !Files.isRegularFile(trialCriteria)) {
            return usage("trialCriteria " + trialCriteria + " is not a file (the suggestions are written beside it)");
        }
        List<String> statuses = new ArrayList<>();
        for (String status : arguments.value("status", String.join(",", CtgovQuery.DEFAULT_STATUSES)).split("[,|]")) {
            String s = status.trim().toUpperCase(Locale.ROOT);
            if (!CtgovQuery.STATUSES.contains(s)) {
                return usage("status '" + status.trim() + "' is not an overall status of ClinicalTrials.gov ("
                        + String.join(", ", CtgovQuery.STATUSES.stream().sorted().toList()) + ")");
            }
            statuses.add(s);
        }
        int pageSize;
        try {
            pageSize = Integer.parseInt(arguments.value("pageSize", String.valueOf(CtgovQuery.DEFAULT_PAGE_SIZE)));
        } catch (NumberFormatException e) {
            pageSize = -1;
        }
        if (pageSize < 1 || pageSize > 1000) {
            return usage("pageSize '" + arguments.value("pageSize") + "' is not a number from 1 to 1000");
        }
        try {
            for (String name : List.of("condition", "country")) {
                arguments.notBlank(name, null);
            }
        } catch (UsageException e) {
            return usage(e.getMessage());
        }
        CtgovProperties settings;
        try (ConfigurableApplicationContext context = settingsContext(arguments.spring())) {
            settings = context.getBean(CtgovProperties.class);
        } catch (RuntimeException e) {
            return usage("bad setting: " + TrialPathCommand.rootMessage(e));
        }
        CtgovQuery query = new CtgovQuery(arguments.value("condition", CtgovQuery.DEFAULT_CONDITION),
                arguments.value("country", CtgovQuery.DEFAULT_COUNTRY), statuses, pageSize, settings.fields());
        return download(dir, query, settings, trialCriteria);
    }

    private int download(Path dir, CtgovQuery query, CtgovProperties settings, Path trialCriteria) {
        CatalogueDownload.Result result;
        try {
            result = new CatalogueDownload(new CtgovClient(settings), settings, clock).download(dir, query);
        } catch (FetchException e) {
            err.println("fetch-trials: download failed: " + e.getMessage() + "; " + kept(dir));
            return FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("fetch-trials: download interrupted; " + kept(dir));
            return FAILED;
        }
        result.warnings().forEach(warning -> err.println("fetch-trials: warning: " + warning));
        if (trialCriteria != null) {
            try {
                Path beside = CatalogueDownload.suggestionsBeside(trialCriteria, result.catalogue(), curated(trialCriteria));
                err.println("fetch-trials: criteria suggestions for " + result.suggested() + " studies in " + beside);
            } catch (IOException | RuntimeException e) {
                err.println("fetch-trials: warning: the criteria suggestions could not be written beside " + trialCriteria
                        + ": " + TrialPathCommand.rootMessage(e) + " (they are in " + result.catalogue() + ")");
            }
        }
        out.println("fetch-trials: downloaded " + result.studies() + " studies" + (result.skipped() == 0 ? ""
                : " (and " + result.skipped() + " unusable entries)") + " in " + result.record().pages() + " pages from "
                + settings.baseUrl() + " at " + result.record().downloadedAt() + " into " + result.catalogue());
        return DOWNLOADED;
    }

    /** What the failed download left: the catalogue the job will use, and how old it is. */
    private String kept(Path dir) {
        Path current = dir.resolve(CatalogueDownload.CURRENT);
        if (!Files.isDirectory(current)) {
            return "there is no catalogue in " + current + " yet: run the job without trials= or try again later";
        }
        DownloadRecord record = DownloadRecord.of(current);
        if (record == null) {
            return "the catalogue in " + current + " is kept (download time unknown)";
        }
        long days = record.ageInDays(LocalDate.now(clock));
        return "the last good catalogue " + current + " is kept, downloaded " + record.downloadedAt() + " (" + days
                + (days == 1 ? " day" : " days") + " ago)";
    }

    /** NCT ids the coordinators have curated; read leniently, as the file may be half-edited. */
    private static Set<String> curated(Path trialCriteria) throws IOException {
        JsonNode root = JsonMapper.builder().build().readTree(trialCriteria.toFile());
        Set<String> ids = new LinkedHashSet<>();
        if (root != null && root.isObject()) {
            root.propertyNames().forEach(ids::add);
        }
        return ids;
    }

    private static ConfigurableApplicationContext settingsContext(List<String> spring) {
        SpringApplication application = new SpringApplication(FetchConfiguration.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setLogStartupInfo(false);
        return application.run(spring.toArray(String[]::new));
    }

    private int usage(String problem) {
        err.println("fetch-trials: " + problem + " (" + USAGE_LINE + ")");
        return USAGE;
    }

}
