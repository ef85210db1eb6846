package ca.trialpath.trials;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * What the start of the run learnt about the catalogue and criteria files, kept with the job (a restart
 * does not read them again to know it) and reported in {@code summary.json}.
 *
 * @param files    the catalogue files, then the criteria file ({@code trialCriteria/} before its name)
 * @param matchable studies open in Canada and about anal cancer: the ones a person is judged against
 * @param downloadedAt when {@code fetch-trials} downloaded the catalogue (ISO date-time with offset), {@code null}
 *                     when unknown (a catalogue copied by hand has no {@link DownloadRecord})
 * @param ageDays      days from the download date to the run date, {@code null} when unknown
 * @param maxAgeDays   the limit above which the catalogue is stale ({@code trialpath.trials.catalogue-max-age-days})
 */
public record CatalogueFacts(ArrayList<File> files, long entriesRead, long studies, LinkedHashMap<String, Long> skipped,
        long openInCanada, long matchable, ArrayList<String> warnings, String downloadedAt, Long ageDays,
        long maxAgeDays) implements Serializable {

    /** Default of {@code trialpath.trials.catalogue-max-age-days}: trial status changes weekly. */
    public static final long DEFAULT_MAX_AGE_DAYS = 7;

    /** Facts without a download time (a catalogue copied by hand). */
    public CatalogueFacts(ArrayList<File> files, long entriesRead, long studies, LinkedHashMap<String, Long> skipped,
            long openInCanada, long matchable, ArrayList<String> warnings) {
        this(files, entriesRead, studies, skipped, openInCanada, matchable, warnings, null, null, DEFAULT_MAX_AGE_DAYS);
    }

    /** Older than the limit: studies may have closed since, or opened. */
    public boolean stale() {
        return ageDays != null && ageDays > maxAgeDays;
    }

    /** One file read, with its SHA-256 as part of the run's identity. */
    public record File(String name, String sha256, long bytes) implements Serializable {
    }

    /** Reads and validates everything; the catalogue read is returned too, for its counts. */
    public static CatalogueFacts of(Path trials, Path trialCriteria, TrialCatalogue catalogue) throws IOException {
        return of(trials, trialCriteria, catalogue, null, DEFAULT_MAX_AGE_DAYS);
    }

    /**
     * As {@link #of(Path, Path, TrialCatalogue)}, with the catalogue's age at the run date: a catalogue older
     * than {@code maxAgeDays} is a warning (the run still matches against it: an old list beats none, and the
     * warning says how old it is).
     *
     * @param runDate {@code null}: the age is not computed
     */
    public static CatalogueFacts of(Path trials, Path trialCriteria, TrialCatalogue catalogue, LocalDate runDate,
            long maxAgeDays) throws IOException {
        ArrayList<File> files = new ArrayList<>();
        List<Path> paths = new ArrayList<>(CatalogueReader.resolve(trials));
        if (trialCriteria != null) {
            paths.add(trialCriteria);
        }
        var digests = TrialFiles.digests(trials, trialCriteria);
        for (int i = 0; i < paths.size(); i++) {
            files.add(new File(digests.get(i).name(), digests.get(i).sha256(), Files.size(paths.get(i))));
        }
        DownloadRecord download = DownloadRecord.of(trials);
        Long ageDays = download == null || runDate == null ? null : download.ageInDays(runDate);
        ArrayList<String> warnings = new ArrayList<>();
        if (ageDays != null && ageDays > maxAgeDays) {
            warnings.add("the trial catalogue was downloaded on " + download.downloadedAt().toLocalDate() + ", " + ageDays
                    + " days before the run date, more than the limit of " + maxAgeDays + " days: studies may have"
                    + " closed or opened since; run fetch-trials (docs/trial-catalogue.md)");
        }
        warnings.addAll(catalogue.warnings());
        return new CatalogueFacts(files, catalogue.entriesRead(), catalogue.studies(),
                new LinkedHashMap<>(catalogue.skipped()), catalogue.openInCanada(), catalogue.matcher().indexed(),
                warnings, download == null ? null : download.downloadedAt().toString(), ageDays, maxAgeDays);
    }
}
