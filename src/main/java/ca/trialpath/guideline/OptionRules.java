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
 * the spec. Pure functions of the case, its pathway and the flags already raised about the record.
 */
public final class OptionRules {

    /** The options, in rule order, and the flags that choosing them raised. */
    public record Selection(List<TreatmentOption> options, Set<ReviewFlag> flags) {
        static final Selection NONE = new Selection(List.of(), Set.of());
    }

    private OptionRules() {
    }

    /**
     * @param recordFlags the flags of the pathway and the histology: a withheld-options flag among them
     *                    ({@link ReviewFlag#withholdsOptions()}) leaves no option
     */
    public static Selection select(RecurrenceCase c, PathwayClassifier.Classification classification,
            Set<ReviewFlag> recordFlags) {
        Pathway pathway = classification.pathway();
        if (pathway == Pathway.OUT_OF_SCOPE || pathway == Pathway.NOT_RECURRENT) {
            return Selection.NONE;
        }
        for (ReviewFlag flag : recordFlags) {
            if (flag.withholdsOptions()) {
                // NON_SQUAMOUS_HISTOLOGY, PRIMARY_NOT_INVASIVE, IN_SITU_RECURRENCE win over SC1 too: no option,
                // and the flags about choosing among treatments do not apply
                return Selection.NONE;
            }
        }
        if (c.treatmentWish() != TreatmentWish.WANTS_TREATMENT) {
            // SC1 replaces every LR/DM option; the flags about choosing among them no longer apply
            return new Selection(List.of(SC1), Set.of());
        }
        return switch (pathway) {
            case LOCAL_RECURRENCE -> localRecurrence(c, classification.disease());
            case DISTANT_METASTASIS -> distantMetastasis(c, classification.disease());
            default -> Selection.NONE;
        };
    }

    /** Guideline section "Local recurrence": the options depend on how the original tumour was treated. */
    static Selection localRecurrence(RecurrenceCase c, PathwayClassifier.Disease disease) {
        Set<ReviewFlag> flags = EnumSet.noneOf(ReviewFlag.class);
        if (disease.regionalNodesOnly()) {
            // salvage surgery removes a recurrence at the anus; the guideline describes no surgery of the nodes
            flags.add(ReviewFlag.NODAL_RECURRENCE_ONLY);
        }
        Set<PriorTreatment> prior = c.prior();
        if (prior.isEmpty() && !c.priorNoneGiven()) {
            // empty and known to be none (a registry's "none given") is not missing: the rules below read it
            flags.add(ReviewFlag.PRIOR_TREATMENT_MISSING);
            return new Selection(List.of(), flags);
        }
        boolean surgeryOnly = prior.size() == 1 && prior.contains(PriorTreatment.SURGERY);
        boolean chemoradiation = prior.contains(PriorTreatment.CHEMORADIATION);
        boolean radiationUsed = chemoradiation || prior.contains(PriorTreatment.RADIATION);
        SurgeryPossible surgery = c.surgeryPossible();
        boolean perianalSkin = c.scope() == PrimarySite.Scope.PERIANAL_SKIN;
        boolean atAnus = disease.atAnus();
        boolean atOrNextToAnus = disease.atOrNextToAnus();

        List<TreatmentOption> options = new ArrayList<>();
        if (surgeryOnly)                                                                    options.add(LR1);
        if (chemoradiation && surgery != SurgeryPossible.NO && atOrNextToAnus)              options.add(LR2);
        if (chemoradiation && surgery != SurgeryPossible.NO && perianalSkin && atAnus)      options.add(LR3);
        if (chemoradiation && surgery == SurgeryPossible.NO)                                options.add(LR4);
        if (!radiationUsed)                                                                 options.add(LR5);

        if (options.isEmpty()) {
            flags.add(ReviewFlag.NO_STANDARD_OPTION);
        }
        addSurgicalAssessmentFlag(options, surgery, flags);
        return new Selection(options, flags);
    }

    /** Guideline section "Distant metastasis": no standard treatment; control the disease and relieve symptoms. */
    static Selection distantMetastasis(RecurrenceCase c, PathwayClassifier.Disease disease) {
        boolean painOrBleeding = Symptoms.anyPainOrBleeding(c.symptoms());
        SurgeryPossible surgery = c.surgeryPossible();
        boolean atAnus = disease.atAnus();

        List<TreatmentOption> options = new ArrayList<>();
        options.add(DM1);
        options.add(DM2);
        if (painOrBleeding && atAnus)                                                       options.add(DM3);
        if (painOrBleeding && atAnus && surgery != SurgeryPossible.NO)                      options.add(DM4);

        Set<ReviewFlag> flags = EnumSet.noneOf(ReviewFlag.class);
        if (painOrBleeding && !atAnus) {
            // the guideline ties palliative radiation and excision to symptoms caused by an anal tumour
            flags.add(ReviewFlag.SYMPTOMS_WITHOUT_LOCAL_TUMOUR);
        }
        addSurgicalAssessmentFlag(options, surgery, flags);
        return new Selection(options, flags);
    }

    private static void addSurgicalAssessmentFlag(List<TreatmentOption> options, SurgeryPossible surgery,
            Set<ReviewFlag> flags) {
        if (surgery != SurgeryPossible.UNKNOWN) {
            return;
        }
        for (TreatmentOption option : options) {
            if (option.isSurgical()) {
                flags.add(ReviewFlag.SURGICAL_ASSESSMENT_NEEDED);
                return;
            }
        }
    }
}
