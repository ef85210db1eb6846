package ca.trialpath.guideline;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The clinical facts of one person that the guideline's rules read, already validated. Site terms are
 * kept as typed; the rules look their extent up.
 *
 * @param scope          where the primary tumour was (rules.md, section 1)
 * @param histology      ICD-O-3 morphology with behaviour, {@code NNNN/B}; {@code null} when not recorded
 * @param recurrenceCode the NAACCR item 1880 code, two digits; {@code null} when not recorded
 * @param sites          recurrence-site terms in any spelling, known or not
 * @param prior          how the original tumour was treated (empty: not recorded)
 * @param symptoms       normalised symptom terms; the pain and bleeding terms of {@link Symptoms} drive rules
 * @param ecog           ECOG performance status 0-4; {@code null} when not recorded
 * @param priorNoneGiven {@code prior} is empty because the registry says no treatment was given (NAACCR items
 *                       1290/1291, 1360, 1390 all "none"), not because it is not recorded (naaccr.md)
 * @param severalAnalPrimaries the registry holds several anal tumours for the person: flag
 *                       {@link ReviewFlag#SEVERAL_ANAL_PRIMARIES}
 */
public record RecurrenceCase(
        PrimarySite.Scope scope,
        String histology,
        String recurrenceCode,
        List<String> sites,
        Set<PriorTreatment> prior,
        SurgeryPossible surgeryPossible,
        Set<String> symptoms,
        Integer ecog,
        TreatmentWish treatmentWish,
        boolean priorNoneGiven,
        boolean severalAnalPrimaries) {

    /** A case from a cohort CSV row: an empty prior is "not recorded". */
    public RecurrenceCase(PrimarySite.Scope scope, String histology, String recurrenceCode, List<String> sites,
            Set<PriorTreatment> prior, SurgeryPossible surgeryPossible, Set<String> symptoms, Integer ecog,
            TreatmentWish treatmentWish) {
        this(scope, histology, recurrenceCode, sites, prior, surgeryPossible, symptoms, ecog, treatmentWish, false,
                false);
    }

    /** The same case with what a NAACCR registry record adds. */
    public RecurrenceCase withRegistryNotes(boolean noneGiven, boolean severalPrimaries) {
        return new RecurrenceCase(scope, histology, recurrenceCode, sites, prior, surgeryPossible, symptoms, ecog,
                treatmentWish, noneGiven && prior.isEmpty(), severalPrimaries);
    }

    public RecurrenceCase {
        if (recurrenceCode != null && RecurrenceCode.of(recurrenceCode).isEmpty()) {
            throw new IllegalArgumentException("not an accepted NAACCR item 1880 code: " + recurrenceCode);
        }
        if (histology != null && !Histology.isMorphology(histology)) {
            throw new IllegalArgumentException("not an ICD-O-3 morphology NNNN/B: " + histology);
        }
        sites = List.copyOf(sites);
        prior = Set.copyOf(prior);
        symptoms = Set.copyOf(symptoms);
    }

    /** The code's class; empty when no code is recorded. */
    public Optional<RecurrenceType> recurrenceType() {
        return recurrenceCode == null ? Optional.empty() : RecurrenceType.ofCode(recurrenceCode);
    }

    /** What the code says of where the disease is (rules.md, section 2); empty when no code is recorded. */
    public Optional<RecurrenceCode> code() {
        return recurrenceCode == null ? Optional.empty() : RecurrenceCode.of(recurrenceCode);
    }
}
