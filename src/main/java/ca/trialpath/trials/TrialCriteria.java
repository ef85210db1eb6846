package ca.trialpath.trials;

import ca.trialpath.guideline.Pathway;
import ca.trialpath.guideline.PriorTreatment;
import ca.trialpath.guideline.SurgeryPossible;
import java.util.List;
import java.util.Set;

/**
 * What the coordinators curated for one study (trials.md, {@code trialCriteria}). An empty set or list, like
 * an absent key, sets no condition.
 *
 * @param ecogMax         {@code null} when not given
 * @param surgeryPossible {@code null} when not given; otherwise YES or NO
 * @param note            shown with the study, never judged
 */
public record TrialCriteria(Set<Pathway> pathways, List<String> histology, Integer ecogMax,
        Set<PriorTreatment> priorTreatmentsRequired, Set<PriorTreatment> priorTreatmentsExcluded,
        SurgeryPossible surgeryPossible, boolean conditionMatch, String note) {

    /** A study nobody curated: only what ClinicalTrials.gov says applies. */
    public static final TrialCriteria NONE = new TrialCriteria(Set.of(), List.of(), null, Set.of(), Set.of(), null,
            false, null);

    public TrialCriteria {
        pathways = Set.copyOf(pathways);
        histology = List.copyOf(histology);
        priorTreatmentsRequired = Set.copyOf(priorTreatmentsRequired);
        priorTreatmentsExcluded = Set.copyOf(priorTreatmentsExcluded);
    }
}
