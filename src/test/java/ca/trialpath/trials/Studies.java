package ca.trialpath.trials;

import ca.trialpath.guideline.Pathway;
import ca.trialpath.guideline.PriorTreatment;
import ca.trialpath.guideline.SurgeryPossible;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** Studies, people and criteria for the matcher tests: open, about anal cancer, in Ontario, unless changed. */
final class Studies {

    static final LocalDate RUN_DATE = LocalDate.of(2026, 11, 27);

    private Studies() {
    }

    static Site site(String city, String province, boolean recruiting) {
        return new Site("Sample site", city, province, "Canada", ProvinceNames.codeOf(province), recruiting);
    }

    static Study open(String nctId) {
        return study(nctId, "RECRUITING", List.of("Anal Cancer"), List.of("PHASE2"), "ALL", EligibleAge.NO_LIMIT,
                EligibleAge.NO_LIMIT, List.of(site("Toronto", "Ontario", true)));
    }

    static Study study(String nctId, String status, List<String> conditions, List<String> phases, String sex,
            EligibleAge min, EligibleAge max, List<Site> sites) {
        return new Study(nctId, "[SAMPLE] " + nctId, status, conditions, List.of(), phases, sex, min, max, sites);
    }

    static Study withSex(Study s, String sex) {
        return new Study(s.nctId(), s.briefTitle(), s.overallStatus(), s.conditions(), s.keywords(), s.phases(), sex,
                s.minimumAge(), s.maximumAge(), s.sites());
    }

    static Study withAges(Study s, String min, String max) {
        return new Study(s.nctId(), s.briefTitle(), s.overallStatus(), s.conditions(), s.keywords(), s.phases(),
                s.sex(), EligibleAge.parse(min), EligibleAge.parse(max), s.sites());
    }

    static Study withPhases(Study s, String... phases) {
        return new Study(s.nctId(), s.briefTitle(), s.overallStatus(), s.conditions(), s.keywords(), List.of(phases),
                s.sex(), s.minimumAge(), s.maximumAge(), s.sites());
    }

    static Study withSites(Study s, Site... sites) {
        return new Study(s.nctId(), s.briefTitle(), s.overallStatus(), s.conditions(), s.keywords(), s.phases(),
                s.sex(), s.minimumAge(), s.maximumAge(), List.of(sites));
    }

    /** A 60-year-old woman in Ontario on the distant pathway, everything recorded. */
    static PersonFacts person() {
        return new PersonFacts(LocalDate.of(1966, 6, 1), "F", "ON", Pathway.DISTANT_METASTASIS, "8070/3", 1,
                Set.of(PriorTreatment.CHEMORADIATION), SurgeryPossible.NO);
    }

    static TrialCriteria criteria(Set<Pathway> pathways, List<String> histology, Integer ecogMax,
            Set<PriorTreatment> required, Set<PriorTreatment> excluded, SurgeryPossible surgery, boolean conditionMatch) {
        return new TrialCriteria(pathways, histology, ecogMax, required, excluded, surgery, conditionMatch, null);
    }
}
