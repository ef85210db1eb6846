package ca.trialpath.guideline;

import static ca.trialpath.guideline.TreatmentOption.DM1;
import static ca.trialpath.guideline.TreatmentOption.DM2;
import static ca.trialpath.guideline.TreatmentOption.DM3;
import static ca.trialpath.guideline.TreatmentOption.DM4;
import static ca.trialpath.guideline.TreatmentOption.LR1;
import static ca.trialpath.guideline.TreatmentOption.LR2;
import static ca.trialpath.guideline.TreatmentOption.LR3;
import static ca.trialpath.guideline.TreatmentOption.LR4;
import static ca.trialpath.guideline.TreatmentOption.LR5;
import static ca.trialpath.guideline.TreatmentOption.SC1;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The option tables of rules.md, section 4, one line per rule id, so that the code can be held next to
 * the spec. Pure functions of the case and its pathway.
 */
public final class OptionRules {

    /** The options, in rule order, and the flags that choosing them raised. */
    public record Selection(List<TreatmentOption> options, Set<ReviewFlag> flags) {
    }

    private OptionRules() {
    }

    public static Selection select(RecurrenceCase c, PathwayClassifier.Classification classification) {
        Pathway pathway = classification.pathway();
        if (pathway == Pathway.OUT_OF_SCOPE || pathway == Pathway.NOT_RECURRENT) {
            return new Selection(List.of(), Set.of());
        }
        if (c.treatmentWish() != TreatmentWish.WANTS_TREATMENT) {
            // SC1 replaces every LR/DM option; the flags about choosing among them no longer apply
            return new Selection(List.of(SC1), Set.of());
        }
        return switch (pathway) {
            case LOCAL_RECURRENCE -> localRecurrence(c);
            case DISTANT_METASTASIS -> distantMetastasis(c, classification.hasLocalPart());
            default -> new Selection(List.of(), Set.of());
        };
    }

    /** Guideline section "Local recurrence": the options depend on how the original tumour was treated. */
    static Selection localRecurrence(RecurrenceCase c) {
        Set<PriorTreatment> prior = c.prior();
        if (prior.isEmpty()) {
            return new Selection(List.of(), EnumSet.of(ReviewFlag.PRIOR_TREATMENT_MISSING));
        }
        boolean surgeryOnly = prior.equals(Set.of(PriorTreatment.SURGERY));
        boolean chemoradiation = prior.contains(PriorTreatment.CHEMORADIATION);
        boolean radiationUsed = chemoradiation || prior.contains(PriorTreatment.RADIATION);
        SurgeryPossible surgery = c.surgeryPossible();
        boolean perianalSkin = c.scope() == PrimarySite.Scope.PERIANAL_SKIN;

        List<TreatmentOption> options = new ArrayList<>();
        if (surgeryOnly)                                                          options.add(LR1);
        if (chemoradiation && surgery != SurgeryPossible.NO)                      options.add(LR2);
        if (chemoradiation && surgery != SurgeryPossible.NO && perianalSkin)      options.add(LR3);
        if (chemoradiation && surgery == SurgeryPossible.NO)                      options.add(LR4);
        if (!radiationUsed)                                                       options.add(LR5);

        Set<ReviewFlag> flags = EnumSet.noneOf(ReviewFlag.class);
        if (options.isEmpty()) {
            flags.add(ReviewFlag.NO_STANDARD_OPTION);
        }
        addSurgicalAssessmentFlag(options, surgery, flags);
        return new Selection(options, flags);
    }

    /** Guideline section "Distant metastasis": no standard treatment; control the disease and relieve symptoms. */
    static Selection distantMetastasis(RecurrenceCase c, boolean hasLocalPart) {
        boolean painOrBleeding = c.symptoms().contains("pain") || c.symptoms().contains("bleeding");
        SurgeryPossible surgery = c.surgeryPossible();

        List<TreatmentOption> options = new ArrayList<>();
        options.add(DM1);
        options.add(DM2);
        if (painOrBleeding && hasLocalPart)                                       options.add(DM3);
        if (painOrBleeding && hasLocalPart && surgery != SurgeryPossible.NO)      options.add(DM4);

        Set<ReviewFlag> flags = EnumSet.noneOf(ReviewFlag.class);
        if (painOrBleeding && !hasLocalPart) {
            // the guideline ties palliative radiation and excision to symptoms caused by an anal tumour
            flags.add(ReviewFlag.SYMPTOMS_WITHOUT_LOCAL_TUMOUR);
        }
        addSurgicalAssessmentFlag(options, surgery, flags);
        return new Selection(options, flags);
    }

    private static void addSurgicalAssessmentFlag(List<TreatmentOption> options, SurgeryPossible surgery,
            Set<ReviewFlag> flags) {
        if (surgery == SurgeryPossible.UNKNOWN && options.stream().anyMatch(TreatmentOption::isSurgical)) {
            flags.add(ReviewFlag.SURGICAL_ASSESSMENT_NEEDED);
        }
    }
}
