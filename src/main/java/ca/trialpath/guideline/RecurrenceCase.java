package ca.trialpath.guideline;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The clinical facts of one person that the guideline's rules read, already validated. Site terms are
 * kept as typed; the rules look their extent up.
 *
 * @param scope          where the primary tumour was (rules.md, section 1)
 * @param recurrenceType the NAACCR item 1880 class, empty when not recorded
 * @param sites          recurrence-site terms in any spelling, known or not
 * @param prior          how the original tumour was treated (empty: not recorded)
 * @param symptoms       normalised symptom terms; {@code pain} and {@code bleeding} drive rules
 */
public record RecurrenceCase(
        PrimarySite.Scope scope,
        Optional<RecurrenceType> recurrenceType,
        List<String> sites,
        Set<PriorTreatment> prior,
        SurgeryPossible surgeryPossible,
        Set<String> symptoms,
        TreatmentWish treatmentWish) {

    public RecurrenceCase {
        sites = List.copyOf(sites);
        prior = Set.copyOf(prior);
        symptoms = Set.copyOf(symptoms);
    }
}
