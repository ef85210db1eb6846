package ca.trialpath.trials;

import ca.trialpath.cohort.InputFingerprint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The files behind {@code trials=} and {@code trialCriteria=}: checked before anything starts (a missing
 * path is a wrong call), and part of the run's identity through their digests.
 */
public final class TrialFiles {

    /** Prefixes that keep a catalogue or criteria file apart from a cohort file of the same name in the fingerprint. */
    static final String TRIALS = "trials/";
    static final String CRITERIA = "trialCriteria/";

    /**
     * Files of a catalogue folder that are not pages: written by {@code fetch-trials} beside the pages, and
     * never read as studies (nor part of the run's identity: the pages are).
     */
    public static final String DOWNLOAD_RECORD = "catalogue-download.json";
    public static final String CRITERIA_SUGGESTIONS = "criteria-suggestions.json";

    /** Whether a file of a catalogue folder is one of those {@link #DOWNLOAD_RECORD written beside the pages}. */
    public static boolean isNotAPage(Path file) {
        String name = file.getFileName().toString();
        return name.equals(DOWNLOAD_RECORD) || name.equals(CRITERIA_SUGGESTIONS);
    }

    private TrialFiles() {
    }

    /** @throws IllegalArgumentException when a given path is missing, unreadable or a folder without JSON */
    public static void check(Path trials, Path trialCriteria) {
        if (trials != null) {
            CatalogueReader.resolve(trials);
        }
        if (trialCriteria != null && (!Files.isRegularFile(trialCriteria) || !Files.isReadable(trialCriteria))) {
            throw new IllegalArgumentException("trialCriteria " + trialCriteria + " is not a readable file");
        }
    }

    /** Name and SHA-256 of each catalogue file, then of the criteria file; empty without a catalogue. */
    public static List<InputFingerprint.FileDigest> digests(Path trials, Path trialCriteria) throws IOException {
        List<InputFingerprint.FileDigest> digests = new ArrayList<>();
        if (trials != null) {
            for (Path file : CatalogueReader.resolve(trials)) {
                digests.add(new InputFingerprint.FileDigest(TRIALS + file.getFileName(), InputFingerprint.sha256(file)));
            }
        }
        if (trialCriteria != null) {
            digests.add(new InputFingerprint.FileDigest(CRITERIA + trialCriteria.getFileName(),
                    InputFingerprint.sha256(trialCriteria)));
        }
        return digests;
    }

    /** The curated criteria, validated; none without a file. */
    public static Map<String, TrialCriteria> criteria(Path trialCriteria) throws IOException {
        return trialCriteria == null ? Map.of() : CuratedCriteria.read(trialCriteria);
    }
}
