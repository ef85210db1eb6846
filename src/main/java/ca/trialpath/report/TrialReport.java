package ca.trialpath.report;

import ca.trialpath.trials.CatalogueFacts;
import ca.trialpath.trials.TrialCatalogue;
import java.util.List;

/**
 * The trial part of a run as {@code summary.json} and {@code report.html} show it, counted from the
 * published {@code trial_matches.csv} so it is exact after a restart.
 *
 * @param catalogue        {@code null} when the run had no catalogue (and did no matching)
 * @param peopleConsidered people flagged for a trial discussion, the only ones matched
 * @param peopleWithMatch  people with at least one MATCH
 * @param sections         one per study someone could match (open in Canada, about anal cancer), NCT id order
 */
public record TrialReport(CatalogueFacts catalogue, long peopleConsidered, long peopleWithMatch,
        long peopleWithNearMissOnly, long matches, long nearMisses, List<Section> sections) {

    public static final TrialReport NO_MATCHING = new TrialReport(null, 0, 0, 0, 0, 0, List.of());

    public boolean matching() {
        return catalogue != null;
    }

    /**
     * One study with its first candidates and near misses (at most the page's cap per trial).
     *
     * @param candidates people for whom it is a MATCH, in all
     * @param nearMisses people for whom it is a NEAR_MISS, in all
     * @param link             its ClinicalTrials.gov page, {@code null} when not known
     * @param lastUpdatePosted as ClinicalTrials.gov gives it, {@code null} when absent
     * @param sites            its recruiting Canadian sites with their status and contact where given
     */
    public record Section(String nctId, String briefTitle, List<String> phases, List<String> provinces, String note,
            long candidates, long nearMisses, List<Person> shown, String link, String lastUpdatePosted,
            List<TrialCatalogue.SiteRow> sites) {

        public Section {
            sites = sites == null ? List.of() : List.copyOf(sites);
        }

        /** The section of a catalogue study, with its counts and the people shown. */
        public static Section of(TrialCatalogue.StudyRow study, long candidates, long nearMisses, List<Person> shown) {
            return new Section(study.nctId(), study.briefTitle(), study.phases(), study.provinces(), study.note(),
                    candidates, nearMisses, shown, study.link(), study.lastUpdatePosted(), study.sites());
        }

        /** A section without the study's link, last update and sites. */
        public Section(String nctId, String briefTitle, List<String> phases, List<String> provinces, String note,
                long candidates, long nearMisses, List<Person> shown) {
            this(nctId, briefTitle, phases, provinces, note, candidates, nearMisses, shown, null, null, List.of());
        }
    }

    /** One row of a trial's section, from trial_matches.csv. */
    public record Person(String patientId, String result, String failedCriterion, List<String> toVerify,
            int sitesInProvince, List<String> siteCities) {
    }
}
