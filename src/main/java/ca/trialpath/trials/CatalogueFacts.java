package ca.trialpath.trials;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * What the start of the run learnt about the catalogue and criteria files, kept with the job (a restart
 * does not read them again to know it) and reported in {@code summary.json}.
 *
 * @param files    the catalogue files, then the criteria file ({@code trialCriteria/} before its name)
 * @param matchable studies open in Canada and about anal cancer: the ones a person is judged against
 */
public record CatalogueFacts(ArrayList<File> files, long entriesRead, long studies, LinkedHashMap<String, Long> skipped,
        long openInCanada, long matchable, ArrayList<String> warnings) implements Serializable {

    /** One file read, with its SHA-256 as part of the run's identity. */
    public record File(String name, String sha256, long bytes) implements Serializable {
    }

    /** Reads and validates everything; the catalogue read is returned too, for its counts. */
    public static CatalogueFacts of(Path trials, Path trialCriteria, TrialCatalogue catalogue) throws IOException {
        ArrayList<File> files = new ArrayList<>();
        List<Path> paths = new ArrayList<>(CatalogueReader.resolve(trials));
        if (trialCriteria != null) {
            paths.add(trialCriteria);
        }
        var digests = TrialFiles.digests(trials, trialCriteria);
        for (int i = 0; i < paths.size(); i++) {
            files.add(new File(digests.get(i).name(), digests.get(i).sha256(), Files.size(paths.get(i))));
        }
        return new CatalogueFacts(files, catalogue.entriesRead(), catalogue.studies(),
                new LinkedHashMap<>(catalogue.skipped()), catalogue.openInCanada(), catalogue.matcher().indexed(),
                new ArrayList<>(catalogue.warnings()));
    }
}
