package ca.trialpath.naaccr;

/**
 * What the mapping learnt about a patient that a cohort CSV row cannot say, for the job to flag and count.
 *
 * @param severalAnalPrimaries the patient has more than one anal tumour: flag {@code SEVERAL_ANAL_PRIMARIES}
 * @param provinceDropped      item 80 held a code that is not a Canadian province or territory (a US state, a
 *                             country code): {@code province} is left empty and the summary counts it
 * @param noTreatmentGiven     items 1290/1291, 1360 and 1390 all say "none given": {@code prior_treatments} is empty
 *                             because nothing was given, not because it is unknown, so {@code PRIOR_TREATMENT_MISSING}
 *                             should not be raised (naaccr.md)
 */
public record NaaccrNotes(boolean severalAnalPrimaries, boolean provinceDropped, boolean noTreatmentGiven) {
}
