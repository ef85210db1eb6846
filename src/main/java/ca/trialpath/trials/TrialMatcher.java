package ca.trialpath.trials;

import ca.trialpath.guideline.Pathway;
import ca.trialpath.guideline.SurgeryPossible;
import ca.trialpath.guideline.PriorTreatment;
import java.time.LocalDate;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReferenceArray;

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
 *
 * <p>Matching runs for every (person, study) pair (6.7 million pairs for a million people), so what does not
 * depend on the pair is worked out before: per study when it is indexed (its criteria as lookups and bit masks,
 * its sites per province, its phase), per person once for all the studies (ages, prior treatments, province),
 * and per way a pair can be judged once for the run (the verdicts, result and criteria to verify, shared by
 * every pair judged alike). The index is kept in order of later phase then NCT id, so a person's list is put in
 * the spec's order by counting, without comparing: by sites in the province, then by how many UNKNOWN.
 */
public final class TrialMatcher {

    private static final Criterion[] CRITERIA = Criterion.values();
    /** The criteria that depend on the person, AGE to SURGERY, come after the study-wide ones. */
    private static final int FIRST_PERSON_CRITERION = Criterion.AGE.ordinal();
    private static final int PERSON_CRITERIA = CRITERIA.length - FIRST_PERSON_CRITERION;
    /** Places in a person's list before phase and NCT id: sites in the province or not, times 0 to 8 UNKNOWN. */
    private static final int PLACES = 2 * (PERSON_CRITERIA + 1);
    /** The ways a pair can be judged: three verdicts for each person criterion. */
    private static final AtomicReferenceArray<Judgement> JUDGEMENTS = new AtomicReferenceArray<>(
            (int) Math.pow(3, PERSON_CRITERIA));

    static {
        for (Criterion criterion : CRITERIA) {
            if (criterion.isStudyWide() != criterion.ordinal() < FIRST_PERSON_CRITERION) {
                throw new ExceptionInInitializerError("the study-wide criteria must come first: " + criterion);
            }
        }
        if (PriorTreatment.values().length > Integer.SIZE) {
            throw new ExceptionInInitializerError("prior treatments do not fit an int mask");
        }
    }

    /** The tie-breaks of a person's list (trials.md): later phase first, then NCT id. */
    private static final Comparator<Indexed> PHASE_THEN_NCT_ID = Comparator
            .comparingInt((Indexed entry) -> -entry.phaseRank)
            .thenComparing(entry -> entry.study.nctId(), Comparator.nullsLast(Comparator.naturalOrder()));

    private final LocalDate runDate;
    /** In {@link #PHASE_THEN_NCT_ID} order, studies that tie in the order they were added. */
    private final List<Indexed> index = new ArrayList<>();
    /** A number for each province with a recruiting site in the index, from 1; 0 is any other or none. */
    private final Map<String, Integer> provinceIds = new HashMap<>();
    /** The matches of the person this thread read last: one person's at a time per thread. */
    private final ThreadLocal<Materialized> lastRead = new ThreadLocal<>();

    private record Materialized(PersonMatches of, List<TrialMatch> matches) {
    }

    /** What a person sees of a study's sites: how many are in their province, and the cities, theirs first. */
    private record SitesSeen(int inProvince, List<String> cities) {
    }

    /**
     * One way a pair can be judged, shared by every pair judged so: all study-wide criteria MET (a study that
     * fails one is never listed) and the person criteria as the code says.
     */
    private record Judgement(TrialMatch.Result result, Verdicts verdicts, Criterion failed,
            List<Criterion> toVerify) {

        static Judgement of(int code) {
            Verdict[] verdicts = new Verdict[CRITERIA.length];
            Arrays.fill(verdicts, 0, FIRST_PERSON_CRITERION, Verdict.MET);
            Criterion failed = null;
            List<Criterion> toVerify = new ArrayList<>();
            for (int c = FIRST_PERSON_CRITERION, rest = code; c < CRITERIA.length; c++, rest /= 3) {
                Verdict verdict = Verdict.values()[rest % 3];
                verdicts[c] = verdict;
                if (verdict == Verdict.FAILED) {
                    failed = CRITERIA[c];
                } else if (verdict == Verdict.UNKNOWN) {
                    toVerify.add(CRITERIA[c]);
                }
            }
            return new Judgement(failed == null ? TrialMatch.Result.MATCH : TrialMatch.Result.NEAR_MISS,
                    new Verdicts(verdicts), failed, List.copyOf(toVerify));
        }
    }

    /**
     * A study of the index with what does not depend on the person worked out once: its study-wide verdicts,
     * its criteria in the form a pair reads fastest, and, per province, what a person there sees of its sites.
     */
    private static final class Indexed {

        final Study study;
        final TrialCriteria criteria;
        final Map<Criterion, Verdict> studyVerdicts;
        final boolean studyWideMet;
        final int phaseRank;
        final boolean ageLimited;
        /** {@code ALL}: any sex; otherwise FEMALE or, for anything else, MALE (as {@link #sex} reads it). */
        final boolean anySex;
        final boolean female;
        /** The PATHWAY verdict by the person's pathway; {@code null} when the study asks for none. */
        final Verdict[] byPathway;
        final String[] histology;
        final boolean ecogLimited;
        final int ecogMax;
        final int priorRequired;
        final int priorExcluded;
        final SurgeryPossible surgeryPossible;
        final int sitesInCanada;
        /** By province number; a province with no recruiting site of the study sees what slot 0 sees. */
        final SitesSeen[] sitesSeen;

        Indexed(Study study, TrialCriteria criteria, Map<String, Integer> provinceIds) {
            this.study = study;
            this.criteria = criteria;
            this.studyVerdicts = studyVerdicts(study, criteria);
            this.studyWideMet = !studyVerdicts.containsValue(Verdict.FAILED);
            this.phaseRank = study.phaseRank();
            this.ageLimited = study.minimumAge().isLimit() || study.maximumAge().isLimit();
            this.anySex = study.sex().equals("ALL");
            this.female = study.sex().equals("FEMALE");
            if (criteria.pathways().isEmpty()) {
                this.byPathway = null;
            } else {
                this.byPathway = new Verdict[Pathway.values().length];
                for (Pathway pathway : Pathway.values()) {
                    byPathway[pathway.ordinal()] = criteria.pathways().contains(pathway) ? Verdict.MET
                            // the record does not say where the cancer came back: it might be the one wanted
                            : pathway == Pathway.UNDETERMINED ? Verdict.UNKNOWN : Verdict.FAILED;
                }
            }
            this.histology = criteria.histology().toArray(String[]::new);
            this.ecogLimited = criteria.ecogMax() != null;
            this.ecogMax = ecogLimited ? criteria.ecogMax() : 0;
            this.priorRequired = mask(criteria.priorTreatmentsRequired());
            this.priorExcluded = mask(criteria.priorTreatmentsExcluded());
            this.surgeryPossible = criteria.surgeryPossible();
            List<Site> canadianSites = study.recruitingCanadianSites();
            this.sitesInCanada = canadianSites.size();
            Map<Integer, String> provinces = new HashMap<>();
            for (Site site : canadianSites) {
                if (site.province() != null) {
                    int id = provinceIds.computeIfAbsent(site.province(), key -> provinceIds.size() + 1);
                    provinces.put(id, site.province());
                }
            }
            SitesSeen elsewhere = new SitesSeen(0, List.copyOf(study.recruitingCities(null)));
            this.sitesSeen = new SitesSeen[provinces.keySet().stream().mapToInt(id -> id + 1).max().orElse(1)];
            Arrays.fill(sitesSeen, elsewhere);
            provinces.forEach((id, province) -> {
                int inProvince = 0;
                for (Site site : canadianSites) {
                    if (province.equals(site.province())) {
                        inProvince++;
                    }
                }
                sitesSeen[id] = new SitesSeen(inProvince, List.copyOf(study.recruitingCities(province)));
            });
        }

        static Map<Criterion, Verdict> studyVerdicts(Study study, TrialCriteria criteria) {
            Map<Criterion, Verdict> verdicts = new EnumMap<>(Criterion.class);
            for (Criterion criterion : Criterion.values()) {
                if (criterion.isStudyWide()) {
                    verdicts.put(criterion, studyVerdict(criterion, study, criteria));
                }
            }
            return verdicts;
        }

        SitesSeen sitesSeen(int province) {
            return province < sitesSeen.length ? sitesSeen[province] : sitesSeen[0];
        }
    }

    /** What the criteria read of one person, worked out once for all the studies. Not shared between threads. */
    private static final class Person {

        final PersonFacts facts;
        /** The province's number in the index ({@link #provinceIds}), 0 for none of them or none at all. */
        final int province;
        final boolean female;
        final boolean male;
        /** {@code null} without a birth date. */
        final CompletedAge age;
        final boolean hasEcog;
        final int ecog;
        final int prior;

        Person(PersonFacts facts, Map<String, Integer> provinceIds, LocalDate runDate) {
            this.facts = facts;
            this.province = facts.province() == null ? 0 : provinceIds.getOrDefault(facts.province(), 0);
            this.female = "F".equals(facts.sex());
            this.male = "M".equals(facts.sex());
            this.age = facts.birthDate() == null ? null : new CompletedAge(facts.birthDate(), runDate);
            this.hasEcog = facts.ecog() != null;
            this.ecog = hasEcog ? facts.ecog() : 0;
            this.prior = mask(facts.priorTreatments());
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
            Indexed entry = new Indexed(study, curated, provinceIds);
            // after every study it does not come before: studies that tie stay in the order they were added
            int low = 0;
            int high = index.size();
            while (low < high) {
                int middle = (low + high) >>> 1;
                if (PHASE_THEN_NCT_ID.compare(index.get(middle), entry) <= 0) {
                    low = middle + 1;
                } else {
                    high = middle;
                }
            }
            index.add(low, entry);
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
    List<TrialMatch> matchNow(PersonFacts facts) {
        Person person = new Person(facts, provinceIds, runDate);
        int size = index.size();
        TrialMatch[] found = null;
        byte[] places = null;
        int[] starts = null;
        int count = 0;
        for (int i = 0; i < size; i++) {
            TrialMatch match = judge(index.get(i), person);
            if (match != null) {
                if (found == null) {
                    found = new TrialMatch[size - i];
                    places = new byte[size - i];
                    starts = new int[PLACES + 1];
                }
                int place = (match.sitesInProvince() > 0 ? 0 : PERSON_CRITERIA + 1) + match.toVerify().size();
                found[count] = match;
                places[count] = (byte) place;
                starts[place + 1]++;
                count++;
            }
        }
        if (count == 0) {
            return List.of();
        }
        // a counting sort, stable: within a place the matches stay in the index's order, later phase, NCT id
        for (int place = 0; place < PLACES; place++) {
            starts[place + 1] += starts[place];
        }
        TrialMatch[] ordered = new TrialMatch[count];
        for (int i = 0; i < count; i++) {
            ordered[starts[places[i]]++] = found[i];
        }
        return Collections.unmodifiableList(Arrays.asList(ordered));
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

    /** The pair as a match or a near miss, or {@code null} when it is neither. */
    public TrialMatch judge(Study study, TrialCriteria criteria, PersonFacts person) {
        Map<String, Integer> provinces = new HashMap<>();
        Indexed entry = new Indexed(study, criteria == null ? TrialCriteria.NONE : criteria, provinces);
        return judge(entry, new Person(person, provinces, runDate));
    }

    private static TrialMatch judge(Indexed entry, Person person) {
        if (!entry.studyWideMet) {
            return null; // neither a match nor a near miss, for anyone
        }
        // runs for every (person, study) pair: a pair with two failures is left at the second
        boolean failed = false;
        int code = 0;
        for (int c = FIRST_PERSON_CRITERION, weight = 1; c < CRITERIA.length; c++, weight *= 3) {
            Verdict verdict = personVerdict(CRITERIA[c], entry, person);
            if (verdict == Verdict.FAILED) {
                if (failed) {
                    return null;
                }
                failed = true;
            }
            code += verdict.ordinal() * weight;
        }
        Judgement judgement = JUDGEMENTS.get(code);
        if (judgement == null) {
            // two threads may both make it: equal, and either serves
            judgement = Judgement.of(code);
            JUDGEMENTS.set(code, judgement);
        }
        SitesSeen seen = entry.sitesSeen(person.province);
        return new TrialMatch(entry.study, entry.criteria, judgement.result(), judgement.verdicts(),
                judgement.failed(), judgement.toVerify(), seen.inProvince(), entry.sitesInCanada, seen.cities());
    }

    /** Every criterion for the pair, in {@link Criterion} order. */
    public Map<Criterion, Verdict> verdicts(Study study, TrialCriteria criteria, PersonFacts person) {
        Map<String, Integer> provinces = new HashMap<>();
        Indexed entry = new Indexed(study, criteria == null ? TrialCriteria.NONE : criteria, provinces);
        Person facts = new Person(person, provinces, runDate);
        Map<Criterion, Verdict> verdicts = new EnumMap<>(Criterion.class);
        for (Criterion criterion : Criterion.values()) {
            verdicts.put(criterion, criterion.isStudyWide() ? entry.studyVerdicts.get(criterion)
                    : personVerdict(criterion, entry, facts));
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

    private static Verdict personVerdict(Criterion criterion, Indexed study, Person person) {
        return switch (criterion) {
            case AGE -> age(study, person);
            case SEX -> sex(study, person);
            case PATHWAY -> pathway(study, person);
            case HISTOLOGY -> histology(study, person);
            case ECOG -> !study.ecogLimited ? Verdict.MET
                    : !person.hasEcog ? Verdict.UNKNOWN : of(person.ecog <= study.ecogMax);
            case PRIOR_REQUIRED -> study.priorRequired == 0 ? Verdict.MET
                    : person.prior == 0 ? Verdict.UNKNOWN
                            : of((person.prior & study.priorRequired) == study.priorRequired);
            case PRIOR_EXCLUDED -> priorExcluded(study, person);
            case SURGERY -> study.surgeryPossible == null ? Verdict.MET
                    : person.facts.surgeryPossible() == SurgeryPossible.UNKNOWN ? Verdict.UNKNOWN
                            : of(person.facts.surgeryPossible() == study.surgeryPossible);
            default -> throw new IllegalArgumentException(criterion + " depends on the study alone");
        };
    }

    private static Verdict age(Indexed study, Person person) {
        if (!study.ageLimited) {
            return Verdict.MET;
        }
        if (person.age == null) {
            return Verdict.UNKNOWN;
        }
        return of(study.study.minimumAge().admitsAsMinimum(person.age)
                && study.study.maximumAge().admitsAsMaximum(person.age));
    }

    private static Verdict sex(Indexed study, Person person) {
        if (study.anySex) {
            return Verdict.MET;
        }
        if (!person.female && !person.male) {
            return Verdict.UNKNOWN;
        }
        return of(study.female == person.female);
    }

    private static Verdict pathway(Indexed study, Person person) {
        if (study.byPathway == null) {
            return Verdict.MET;
        }
        Pathway pathway = person.facts.pathway();
        if (pathway == null) {
            throw new NullPointerException("a person judged against a study that asks for a pathway has none");
        }
        return study.byPathway[pathway.ordinal()];
    }

    private static Verdict histology(Indexed study, Person person) {
        if (study.histology.length == 0) {
            return Verdict.MET;
        }
        String histology = person.facts.histology();
        if (histology == null) {
            return Verdict.UNKNOWN;
        }
        for (String prefix : study.histology) {
            if (histology.startsWith(prefix)) {
                return Verdict.MET;
            }
        }
        return Verdict.FAILED;
    }

    private static Verdict priorExcluded(Indexed study, Person person) {
        if (study.priorExcluded == 0) {
            return Verdict.MET;
        }
        if ((person.prior & study.priorExcluded) != 0) {
            return Verdict.FAILED;
        }
        return person.prior == 0 ? Verdict.UNKNOWN : Verdict.MET;
    }

    /** The treatments as bits by ordinal: 0 for none. */
    private static int mask(java.util.Set<PriorTreatment> treatments) {
        int mask = 0;
        for (PriorTreatment treatment : treatments) {
            mask |= 1 << treatment.ordinal();
        }
        return mask;
    }

    private static Verdict of(boolean met) {
        return met ? Verdict.MET : Verdict.FAILED;
    }
}
