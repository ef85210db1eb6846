package ca.trialpath.trials;

import ca.trialpath.guideline.Pathway;
import ca.trialpath.guideline.SurgeryPossible;
import java.time.LocalDate;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Judges people against the catalogue (trials.md, "Criteria") and lists each person's matches and near
 * misses in the spec's order.
 *
 * <p>A study that fails STATUS, CONDITION or LOCATION is neither a match nor a near miss for anyone, and
 * those three depend on the study alone; so the catalogue is indexed once per run, keeping only the studies
 * that pass them, and a person is judged against that index. The cost per person grows with the open anal
 * cancer trials in Canada, not with the size of the catalogue.
 *
 * <p>A person's list is worked out when it is read, not when it is asked for: a chunk of a thousand people
 * waiting to be written holds a thousand small lists of nothing but the person's facts, whatever the catalogue.
 * Reading one works out every match of that person, and keeps them (for the several files the writer puts them
 * in) until the thread reads another person's: memory holds one person's matches per thread at a time. With
 * every study of a 22,507-study catalogue open to everyone, a chunk used to hold 22 million matches.
 */
public final class TrialMatcher {

    private static final Criterion[] CRITERIA = Criterion.values();

    private final LocalDate runDate;
    private final List<Indexed> index = new ArrayList<>();
    /** The matches of the person this thread read last: one person's at a time per thread. */
    private final ThreadLocal<Materialized> lastRead = new ThreadLocal<>();

    private record Materialized(PersonMatches of, List<TrialMatch> matches) {
    }

    /**
     * A study of the index with what does not depend on the person worked out once: its recruiting Canadian
     * sites and, per province, their cities in the order a person of that province sees them.
     */
    private record Indexed(Study study, TrialCriteria criteria, List<Site> canadianSites,
            Map<String, List<String>> citiesByProvince, Map<Criterion, Verdict> studyVerdicts) {

        Indexed(Study study, TrialCriteria criteria) {
            this(study, criteria, study.recruitingCanadianSites(), new java.util.concurrent.ConcurrentHashMap<>(),
                    studyVerdicts(study, criteria));
        }

        private static Map<Criterion, Verdict> studyVerdicts(Study study, TrialCriteria criteria) {
            Map<Criterion, Verdict> verdicts = new EnumMap<>(Criterion.class);
            for (Criterion criterion : Criterion.values()) {
                if (criterion.isStudyWide()) {
                    verdicts.put(criterion, studyVerdict(criterion, study, criteria));
                }
            }
            return verdicts;
        }

        List<String> cities(String province) {
            return citiesByProvince.computeIfAbsent(province == null ? "" : province,
                    key -> List.copyOf(study.recruitingCities(province)));
        }
    }

    /** @param runDate ages are taken at the run date (trials.md, AGE) */
    public TrialMatcher(LocalDate runDate) {
        this.runDate = runDate;
    }

    /** Adds a study to the index if anyone could match it or nearly match it; tells whether it did. */
    public boolean add(Study study, TrialCriteria criteria) {
        TrialCriteria curated = criteria == null ? TrialCriteria.NONE : criteria;
        if (studyVerdict(Criterion.STATUS, study, curated) == Verdict.MET
                && studyVerdict(Criterion.CONDITION, study, curated) == Verdict.MET
                && studyVerdict(Criterion.LOCATION, study, curated) == Verdict.MET) {
            index.add(new Indexed(study, curated));
            return true;
        }
        return false;
    }

    /** How many studies a person is judged against. */
    public int indexed() {
        return index.size();
    }

    /**
     * The person's matches and near misses: sites in their province first, fewer UNKNOWN, later phase, NCT id.
     * Worked out when first read (see the class comment); read-only.
     */
    public List<TrialMatch> match(PersonFacts person) {
        return new PersonMatches(person);
    }

    /** Every match of the person, worked out now. */
    List<TrialMatch> matchNow(PersonFacts person) {
        List<TrialMatch> matches = new ArrayList<>();
        for (Indexed entry : index) {
            TrialMatch match = judge(entry, person);
            if (match != null) {
                matches.add(match);
            }
        }
        matches.sort(ORDER);
        return List.copyOf(matches);
    }

    /**
     * How many lists this thread holds worked out: at most one, however many people wait in a chunk.
     * For the test that proves matching's memory does not grow with chunk times catalogue.
     */
    int materializedOnThisThread() {
        return lastRead.get() == null ? 0 : 1;
    }

    /** A person's list as {@link #match} hands it out: the person's facts until it is read. */
    private final class PersonMatches extends AbstractList<TrialMatch> implements java.util.RandomAccess {

        private final PersonFacts person;

        PersonMatches(PersonFacts person) {
            this.person = person;
        }

        private List<TrialMatch> matches() {
            Materialized last = lastRead.get();
            if (last != null && last.of() == this) {
                return last.matches();
            }
            List<TrialMatch> matches = matchNow(person);
            lastRead.set(new Materialized(this, matches)); // the previous person's list goes
            return matches;
        }

        @Override
        public TrialMatch get(int i) {
            return matches().get(i);
        }

        @Override
        public int size() {
            return matches().size();
        }

        // the list's own iterator and array, not AbstractList's, which ask size() and get(i) of every element
        @Override
        public java.util.Iterator<TrialMatch> iterator() {
            return matches().iterator();
        }

        @Override
        public Object[] toArray() {
            return matches().toArray();
        }
    }

    static final Comparator<TrialMatch> ORDER = Comparator
            .comparing((TrialMatch m) -> m.sitesInProvince() > 0 ? 0 : 1)
            .thenComparingInt(m -> m.toVerify().size())
            .thenComparing(m -> -m.study().phaseRank())
            .thenComparing(TrialMatch::nctId);

    /** The pair as a match or a near miss, or {@code null} when it is neither. */
    public TrialMatch judge(Study study, TrialCriteria criteria, PersonFacts person) {
        return judge(new Indexed(study, criteria == null ? TrialCriteria.NONE : criteria), person);
    }

    private TrialMatch judge(Indexed entry, PersonFacts person) {
        Study study = entry.study();
        // runs for every (person, study) pair: an array, and a pair with two failures is left at the second
        Verdict[] verdicts = new Verdict[CRITERIA.length];
        Criterion failed = null;
        int unknowns = 0;
        for (Criterion criterion : CRITERIA) {
            Verdict verdict = criterion.isStudyWide() ? entry.studyVerdicts().get(criterion)
                    : personVerdict(criterion, study, entry.criteria(), person);
            if (verdict == Verdict.FAILED) {
                if (failed != null || criterion.isStudyWide()) {
                    return null; // neither a match nor a near miss
                }
                failed = criterion;
            } else if (verdict == Verdict.UNKNOWN) {
                unknowns++;
            }
            verdicts[criterion.ordinal()] = verdict;
        }
        TrialMatch.Result result = failed == null ? TrialMatch.Result.MATCH : TrialMatch.Result.NEAR_MISS;
        Map<Criterion, Verdict> byCriterion = new EnumMap<>(Criterion.class);
        List<Criterion> unknown = new ArrayList<>(unknowns);
        for (Criterion criterion : CRITERIA) {
            byCriterion.put(criterion, verdicts[criterion.ordinal()]);
            if (verdicts[criterion.ordinal()] == Verdict.UNKNOWN) {
                unknown.add(criterion);
            }
        }
        String province = person.province();
        int inProvince = 0;
        int inCanada = 0;
        for (Site site : entry.canadianSites()) {
            inCanada++;
            if (province != null && province.equals(site.province())) {
                inProvince++;
            }
        }
        return new TrialMatch(study, entry.criteria(), result, byCriterion, failed, unknown, inProvince, inCanada,
                entry.cities(province));
    }

    /** Every criterion for the pair, in {@link Criterion} order. */
    public Map<Criterion, Verdict> verdicts(Study study, TrialCriteria criteria, PersonFacts person) {
        TrialCriteria curated = criteria == null ? TrialCriteria.NONE : criteria;
        Map<Criterion, Verdict> verdicts = new EnumMap<>(Criterion.class);
        for (Criterion criterion : Criterion.values()) {
            verdicts.put(criterion, criterion.isStudyWide() ? studyVerdict(criterion, study, curated)
                    : personVerdict(criterion, study, curated, person));
        }
        return verdicts;
    }

    /**
     * The verdicts of the study-wide criteria (STATUS, CONDITION, LOCATION), in {@link Criterion} order: the same
     * for every person, so published once per study ({@code trials.csv}).
     */
    public static Map<Criterion, Verdict> studyVerdicts(Study study, TrialCriteria criteria) {
        return Indexed.studyVerdicts(study, criteria == null ? TrialCriteria.NONE : criteria);
    }

    private static Verdict studyVerdict(Criterion criterion, Study study, TrialCriteria criteria) {
        boolean met = switch (criterion) {
            case STATUS -> study.isRecruiting();
            case CONDITION -> criteria.conditionMatch() || study.concernsAnalCancer();
            case LOCATION -> !study.recruitingCanadianSites().isEmpty();
            default -> throw new IllegalArgumentException(criterion + " depends on the person");
        };
        return met ? Verdict.MET : Verdict.FAILED;
    }

    private Verdict personVerdict(Criterion criterion, Study study, TrialCriteria criteria, PersonFacts person) {
        return switch (criterion) {
            case AGE -> age(study, person);
            case SEX -> sex(study, person);
            case PATHWAY -> pathway(criteria, person);
            case HISTOLOGY -> histology(criteria, person);
            case ECOG -> criteria.ecogMax() == null ? Verdict.MET
                    : person.ecog() == null ? Verdict.UNKNOWN : of(person.ecog() <= criteria.ecogMax());
            case PRIOR_REQUIRED -> criteria.priorTreatmentsRequired().isEmpty() ? Verdict.MET
                    : person.priorTreatments().isEmpty() ? Verdict.UNKNOWN
                            : of(person.priorTreatments().containsAll(criteria.priorTreatmentsRequired()));
            case PRIOR_EXCLUDED -> priorExcluded(criteria, person);
            case SURGERY -> criteria.surgeryPossible() == null ? Verdict.MET
                    : person.surgeryPossible() == SurgeryPossible.UNKNOWN ? Verdict.UNKNOWN
                            : of(person.surgeryPossible() == criteria.surgeryPossible());
            default -> throw new IllegalArgumentException(criterion + " depends on the study alone");
        };
    }

    private Verdict age(Study study, PersonFacts person) {
        if (!study.minimumAge().isLimit() && !study.maximumAge().isLimit()) {
            return Verdict.MET;
        }
        if (person.birthDate() == null) {
            return Verdict.UNKNOWN;
        }
        return of(study.minimumAge().admitsAsMinimum(person.birthDate(), runDate)
                && study.maximumAge().admitsAsMaximum(person.birthDate(), runDate));
    }

    private static Verdict sex(Study study, PersonFacts person) {
        if (study.sex().equals("ALL")) {
            return Verdict.MET;
        }
        if (!"F".equals(person.sex()) && !"M".equals(person.sex())) {
            return Verdict.UNKNOWN;
        }
        return of(study.sex().equals("FEMALE") == "F".equals(person.sex()));
    }

    private static Verdict pathway(TrialCriteria criteria, PersonFacts person) {
        if (criteria.pathways().isEmpty() || criteria.pathways().contains(person.pathway())) {
            return Verdict.MET;
        }
        // the record does not say where the cancer came back: it might be the pathway the study wants
        return person.pathway() == Pathway.UNDETERMINED ? Verdict.UNKNOWN : Verdict.FAILED;
    }

    private static Verdict histology(TrialCriteria criteria, PersonFacts person) {
        if (criteria.histology().isEmpty()) {
            return Verdict.MET;
        }
        if (person.histology() == null) {
            return Verdict.UNKNOWN;
        }
        // a loop, not a stream: this runs for every (person, study) pair
        for (String prefix : criteria.histology()) {
            if (person.histology().startsWith(prefix)) {
                return Verdict.MET;
            }
        }
        return Verdict.FAILED;
    }

    private static Verdict priorExcluded(TrialCriteria criteria, PersonFacts person) {
        if (criteria.priorTreatmentsExcluded().isEmpty()) {
            return Verdict.MET;
        }
        if (criteria.priorTreatmentsExcluded().stream().anyMatch(person.priorTreatments()::contains)) {
            return Verdict.FAILED;
        }
        return person.priorTreatments().isEmpty() ? Verdict.UNKNOWN : Verdict.MET;
    }

    private static Verdict of(boolean met) {
        return met ? Verdict.MET : Verdict.FAILED;
    }
}
