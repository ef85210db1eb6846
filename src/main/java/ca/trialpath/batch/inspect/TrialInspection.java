package ca.trialpath.batch.inspect;

import ca.trialpath.batch.run.RunCheckFailedException;
import ca.trialpath.batch.run.RunState;
import ca.trialpath.trials.CatalogueException;
import ca.trialpath.trials.CatalogueFacts;
import ca.trialpath.trials.CatalogueReader;
import ca.trialpath.trials.TrialCatalogue;
import ca.trialpath.trials.TrialFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;

/** The trial catalogue and curated criteria, read and validated whole in the first step. */
public final class TrialInspection {

    private static final Logger log = LoggerFactory.getLogger(TrialInspection.class);

    /**
     * The catalogue the last step read, by what it was read from: the partitions of a run, each its own step on
     * its own thread, and the publication share one index instead of holding one copy each (a catalogue of
     * 22,507 studies open to everyone is some 100 MB of index). One entry: a process runs one run at a time.
     */
    private static Read lastRead;

    private record Read(List<String> key, TrialCatalogue catalogue) {
    }

    private TrialInspection() {
    }

    /** @return {@code null} without a catalogue */
    static CatalogueFacts inspect(Path trials, Path trialCriteria, JobExecution job, long maxAgeDays) throws IOException {
        if (trials == null) {
            log.info("no trials= catalogue: this run does no trial matching");
            return null;
        }
        LocalDate runDate = LocalDate.parse(job.getJobParameters().getString("runDate"));
        TrialCatalogue catalogue = read(trials, trialCriteria, runDate);
        CatalogueFacts facts = CatalogueFacts.of(trials, trialCriteria, catalogue, runDate, maxAgeDays);
        log.info("trial catalogue {} ({}): {} entries, {} studies, {} skipped {}, {} open in Canada, {} to match against",
                trials, facts.downloadedAt() == null ? "download time unknown" : "downloaded " + facts.downloadedAt()
                        + ", " + facts.ageDays() + " days before the run date", facts.entriesRead(), facts.studies(), catalogue.skippedTotal(), facts.skipped(),
                facts.openInCanada(), facts.matchable());
        facts.warnings().forEach(warning -> log.warn("{}", warning));
        RunState.of(job).catalogue(facts);
        return facts;
    }

    /**
     * The catalogue as the first step validated it, read again by a later step (after a restart too): a
     * catalogue downloaded since, or a file added or removed, would make the run's outputs describe two
     * catalogues, so it fails the run instead.
     */
    public static TrialCatalogue readUnchanged(Path trials, Path trialCriteria, LocalDate runDate, CatalogueFacts inspected)
            throws IOException {
        List<String> now = TrialFiles.digests(trials, trialCriteria).stream()
                .map(file -> file.name() + " " + file.sha256()).toList();
        List<String> then = inspected == null ? List.of()
                : inspected.files().stream().map(file -> file.name() + " " + file.sha256()).toList();
        if (!now.equals(then)) {
            throw new RunCheckFailedException("the trial files in " + trials + " changed after this run was"
                    + " started; run the command again to start a run for the files as they are now");
        }
        List<String> key = new java.util.ArrayList<>(now);
        key.add(0, trials + " " + trialCriteria + " " + runDate);
        synchronized (TrialInspection.class) {
            if (lastRead == null || !lastRead.key().equals(key)) {
                lastRead = null; // the old one may go before the new one is read
                lastRead = new Read(key, read(trials, trialCriteria, runDate));
            }
            return lastRead.catalogue();
        }
    }

    /** The catalogue with its criteria; a bad file is a data problem, reported by its message alone. */
    static TrialCatalogue read(Path trials, Path trialCriteria, LocalDate runDate) throws IOException {
        try {
            return TrialCatalogue.read(CatalogueReader.resolve(trials), TrialFiles.criteria(trialCriteria), runDate);
        } catch (CatalogueException | IllegalArgumentException e) {
            throw new RunCheckFailedException(e.getMessage());
        }
    }
}
