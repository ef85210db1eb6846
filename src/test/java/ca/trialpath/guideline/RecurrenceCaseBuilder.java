package ca.trialpath.guideline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Test fixture for {@link RecurrenceCase}: starts from an anal-canal primary with nothing else recorded
 * (the cohort defaults: surgery_possible unknown, wants treatment), so that each test names only the
 * facts its rule reads.
 */
final class RecurrenceCaseBuilder {

    private PrimarySite.Scope scope = PrimarySite.Scope.ANAL_CANAL;
    private String code;
    private final List<String> sites = new ArrayList<>();
    private final Set<PriorTreatment> prior = EnumSet.noneOf(PriorTreatment.class);
    private SurgeryPossible surgeryPossible = SurgeryPossible.UNKNOWN;
    private final Set<String> symptoms = new LinkedHashSet<>();
    private TreatmentWish treatmentWish = TreatmentWish.WANTS_TREATMENT;
    private String histology;
    private Integer ecog;
    private boolean priorNoneGiven;
    private boolean severalAnalPrimaries;

    private RecurrenceCaseBuilder() {
    }

    static RecurrenceCaseBuilder analCanal() {
        return new RecurrenceCaseBuilder();
    }

    static RecurrenceCaseBuilder perianalSkin() {
        return analCanal().scope(PrimarySite.Scope.PERIANAL_SKIN);
    }

    static RecurrenceCaseBuilder outOfScope() {
        return analCanal().scope(PrimarySite.Scope.OUT_OF_SCOPE);
    }

    /** A local recurrence in the anal canal, the starting point of the LR rules. */
    static RecurrenceCaseBuilder localRecurrence() {
        return analCanal().sites("anal_canal");
    }

    /** A liver metastasis with nothing in or near the anus, the starting point of the DM rules. */
    static RecurrenceCaseBuilder distantMetastasis() {
        return analCanal().sites("liver");
    }

    RecurrenceCaseBuilder scope(PrimarySite.Scope value) {
        this.scope = value;
        return this;
    }

    /** A NAACCR item 1880 code; it must be one the codebook accepts. */
    RecurrenceCaseBuilder code(String value) {
        this.code = value;
        return this;
    }

    RecurrenceCaseBuilder sites(String... terms) {
        sites.addAll(Arrays.asList(terms));
        return this;
    }

    RecurrenceCaseBuilder prior(PriorTreatment... treatments) {
        prior.addAll(Arrays.asList(treatments));
        return this;
    }

    RecurrenceCaseBuilder surgeryPossible(SurgeryPossible value) {
        this.surgeryPossible = value;
        return this;
    }

    RecurrenceCaseBuilder symptoms(String... terms) {
        symptoms.addAll(Arrays.asList(terms));
        return this;
    }

    RecurrenceCaseBuilder wish(TreatmentWish value) {
        this.treatmentWish = value;
        return this;
    }

    /** ICD-O-3 morphology with behaviour, e.g. {@code 8140/3}. */
    RecurrenceCaseBuilder histology(String value) {
        this.histology = value;
        return this;
    }

    /** A registry's "no treatment given" (NAACCR items 1290, 1360, 1390 all none). */
    RecurrenceCaseBuilder priorNoneGiven() {
        this.priorNoneGiven = true;
        return this;
    }

    /** A registry record with several anal tumours. */
    RecurrenceCaseBuilder severalAnalPrimaries() {
        this.severalAnalPrimaries = true;
        return this;
    }

    RecurrenceCaseBuilder ecog(int value) {
        this.ecog = value;
        return this;
    }

    RecurrenceCase build() {
        return new RecurrenceCase(scope, histology, code, sites, prior, surgeryPossible, symptoms, ecog, treatmentWish,
                priorNoneGiven, severalAnalPrimaries);
    }

    Assessment assess() {
        return GuidelineAssessor.assess(build());
    }
}
