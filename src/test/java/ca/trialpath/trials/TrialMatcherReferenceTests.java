package ca.trialpath.trials;

import static ca.trialpath.trials.Studies.RUN_DATE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.trialpath.guideline.Pathway;
import ca.trialpath.guideline.PriorTreatment;
import ca.trialpath.guideline.SurgeryPossible;
import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The matcher works out per study, per person and per way of judging what it can before it judges a pair, and
 * orders a person's list by counting; this holds it to trials.md read plainly, one pair at a time, the list
 * sorted by comparing: the same matches, verdicts, sites and cities, in the same order, for random catalogues
 * and people (limits in every unit, birthdays on 29 February, sites without a province or city, the same city
 * in two provinces, studies with the same NCT id and phase).
 */
class TrialMatcherReferenceTests {

    private static final String[] PROVINCES = { "ON", "QC", "BC", "NS", "AB" };
    private static final String[] CITIES = { "Toronto", "Montréal", " Ottawa ", "Halifax", "Toronto", "", null };
    private static final String[] PHASES = { "PHASE1", "PHASE2", "PHASE3", "PHASE4", "EARLY_PHASE1", "NA",
            " phase2 ", "PHASE9" };
    private static final String[] AGES = { "N/A", "18 Years", "60 Years", "65 Years", "731 Months", "40 Weeks", "3000 Weeks",
            "9999 Days", "9999 Hours", "9999 Minutes", "0 Years" };
    private static final String[] HISTOLOGIES = { "807", "8070/3", "8123", "814", "8140/3" };

    @Test
    void shouldListWhatJudgingEachPairPlainlyListsInTheSameOrder() {
        Random random = new Random(20261127);
        int[] listed = new int[3]; // matches, near misses, with a site in the person's province
        for (int round = 0; round < 20; round++) {
            // given
            List<Study> studies = new ArrayList<>();
            List<TrialCriteria> criteria = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                // some NCT ids twice: a tie on phase and id keeps the order the studies were added in
                studies.add(study(random, String.format("NCT%08d", random.nextInt(25))));
                criteria.add(random.nextInt(4) == 0 ? null : criteria(random));
            }
            TrialMatcher matcher = new TrialMatcher(RUN_DATE);
            Reference reference = new Reference();
            for (int i = 0; i < studies.size(); i++) {
                assertThat(matcher.add(studies.get(i), criteria.get(i)))
                        .isEqualTo(reference.add(studies.get(i), criteria.get(i)));
            }

            for (int p = 0; p < 150; p++) {
                PersonFacts person = person(random);

                // when
                List<TrialMatch> matches = matcher.match(person);

                // then
                assertThat(rendered(matches)).as("round %d, %s", round, person)
                        .isEqualTo(rendered(reference.match(person)));
                assertThat(matches).isEqualTo(reference.match(person));
                for (TrialMatch match : matches) {
                    listed[match.result().ordinal()]++;
                    listed[2] += match.sitesInProvince() > 0 ? 1 : 0;
                }
                // and each study on its own, listed or not, for some of them
                for (int i = 0; p < 20 && i < studies.size(); i++) {
                    assertThat(matcher.verdicts(studies.get(i), criteria.get(i), person))
                            .isEqualTo(reference.verdicts(studies.get(i), criteria.get(i), person));
                    assertThat(rendered(listOf(matcher.judge(studies.get(i), criteria.get(i), person))))
                            .isEqualTo(rendered(listOf(reference.judge(studies.get(i), criteria.get(i), person))));
                }
            }
        }
        assertThat(java.util.Arrays.stream(listed).min().getAsInt()).as("fewest of matches, near misses, in the province")
                .isGreaterThan(1000);
    }

    @Test
    void shouldShareVerdictsThatCannotBeChangedAndReadLikeAnEnumMap() {
        // given
        TrialMatcher matcher = new TrialMatcher(RUN_DATE);
        matcher.add(Studies.open("NCT00000001"), null);
        matcher.add(Studies.open("NCT00000002"), null);
        List<TrialMatch> matches = matcher.match(Studies.person());
        Map<Criterion, Verdict> verdicts = matches.get(0).verdicts();
        Map<Criterion, Verdict> asEnumMap = new EnumMap<>(verdicts);

        // when / then
        assertThat(verdicts).isSameAs(matches.get(1).verdicts()).isEqualTo(asEnumMap).hasSameHashCodeAs(asEnumMap);
        assertThat(verdicts.toString()).isEqualTo(asEnumMap.toString());
        assertThat(List.copyOf(verdicts.keySet())).containsExactly(Criterion.values());
        assertThatThrownBy(() -> verdicts.put(Criterion.AGE, Verdict.FAILED))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> verdicts.entrySet().iterator().next().setValue(Verdict.FAILED))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(verdicts::clear).isInstanceOf(UnsupportedOperationException.class);
        assertThat(verdicts.get(Criterion.AGE)).isEqualTo(Verdict.MET);
        assertThat(verdicts.get("AGE")).isNull();
    }

    @Test
    void shouldCopyVerdictsAMatchIsGivenFromElsewhere() {
        // given
        Map<Criterion, Verdict> mutable = new EnumMap<>(Criterion.class);
        for (Criterion criterion : Criterion.values()) {
            mutable.put(criterion, Verdict.MET);
        }
        TrialMatch match = new TrialMatch(Studies.open("NCT00000001"), null, TrialMatch.Result.MATCH, mutable, null,
                List.of(), 1, 1, List.of("Toronto"));

        // when
        mutable.put(Criterion.AGE, Verdict.FAILED);

        // then
        assertThat(match.verdicts().get(Criterion.AGE)).isEqualTo(Verdict.MET);
    }

    private static List<TrialMatch> listOf(TrialMatch match) {
        return match == null ? List.of() : List.of(match);
    }

    /** Everything a published file takes from a match, in iteration order. */
    private static List<String> rendered(List<TrialMatch> matches) {
        List<String> lines = new ArrayList<>();
        for (TrialMatch m : matches) {
            lines.add(System.identityHashCode(m.study()) + " " + m.nctId() + " " + m.result() + " "
                    + m.verdicts().entrySet() + " " + m.failedCriterion() + " " + m.toVerify() + " "
                    + m.sitesInProvince() + "/" + m.sitesInCanada() + " " + m.siteCities() + " "
                    + System.identityHashCode(m.criteria()));
        }
        return lines;
    }

    private static <T> T any(Random random, T[] values) {
        return values[random.nextInt(values.length)];
    }

    private static Study study(Random random, String nctId) {
        List<Site> sites = new ArrayList<>();
        for (int s = random.nextInt(5); s >= 0; s--) {
            String province = random.nextInt(6) == 0 ? null : any(random, PROVINCES);
            String country = random.nextInt(8) == 0 ? "United States" : " canada";
            sites.add(new Site("f", any(random, CITIES), province, country, province, random.nextInt(6) != 0));
        }
        List<String> phases = new ArrayList<>();
        for (int k = random.nextInt(3); k > 0; k--) {
            phases.add(any(random, PHASES));
        }
        String status = random.nextInt(10) == 0 ? "COMPLETED" : "RECRUITING";
        List<String> conditions = List.of(random.nextInt(10) == 0 ? "Lung Cancer" : "Anal Cancer");
        String sex = any(random, new String[] { "ALL", "ALL", "FEMALE", "MALE" });
        return new Study(nctId, "t", status, conditions, List.of(), phases, sex, EligibleAge.parse(any(random, AGES)),
                EligibleAge.parse(any(random, AGES)), sites);
    }

    private static TrialCriteria criteria(Random random) {
        Set<Pathway> pathways = EnumSet.noneOf(Pathway.class);
        Set<PriorTreatment> required = EnumSet.noneOf(PriorTreatment.class);
        Set<PriorTreatment> excluded = EnumSet.noneOf(PriorTreatment.class);
        if (random.nextBoolean()) {
            for (Pathway pathway : Pathway.values()) {
                if (random.nextInt(3) == 0) {
                    pathways.add(pathway);
                }
            }
        }
        for (PriorTreatment treatment : PriorTreatment.values()) {
            if (random.nextInt(5) == 0) {
                required.add(treatment);
            } else if (random.nextInt(5) == 0) {
                excluded.add(treatment);
            }
        }
        List<String> histology = new ArrayList<>();
        for (int k = random.nextInt(3); k > 0; k--) {
            histology.add(any(random, HISTOLOGIES));
        }
        Integer ecog = random.nextBoolean() ? null : random.nextInt(4);
        SurgeryPossible surgery = random.nextBoolean() ? null
                : random.nextBoolean() ? SurgeryPossible.YES : SurgeryPossible.NO;
        return new TrialCriteria(pathways, histology, ecog, required, excluded, surgery, random.nextInt(5) == 0,
                null);
    }

    private static PersonFacts person(Random random) {
        LocalDate birth = switch (random.nextInt(5)) {
            case 0 -> null;
            case 4 -> { // a day either side of a limit
                EligibleAge limit = EligibleAge.parse(AGES[1 + random.nextInt(AGES.length - 1)]);
                ChronoUnit unit = limit.unit() == ChronoUnit.HOURS || limit.unit() == ChronoUnit.MINUTES
                        ? ChronoUnit.DAYS : limit.unit();
                long amount = limit.unit() == ChronoUnit.HOURS ? limit.amount() / 24
                        : limit.unit() == ChronoUnit.MINUTES ? limit.amount() / (24 * 60) : limit.amount();
                yield RUN_DATE.minus(amount, unit).plusDays(random.nextInt(3) - 1);
            }
            case 1 -> LocalDate.of(1904 + 4 * random.nextInt(30), 2, 29); // leap days
            case 2 -> RUN_DATE.minusYears(random.nextInt(80)).plusDays(random.nextInt(3) - 1); // around birthdays
            default -> RUN_DATE.minusDays(random.nextInt(40_000) - 100); // one born after the run date too
        };
        String province = random.nextInt(6) == 0 ? null : any(random, new String[] { "ON", "QC", "BC", "NS", "AB",
                "PE" });
        Set<PriorTreatment> prior = EnumSet.noneOf(PriorTreatment.class);
        for (PriorTreatment treatment : PriorTreatment.values()) {
            if (random.nextInt(3) == 0) {
                prior.add(treatment);
            }
        }
        return new PersonFacts(birth, any(random, new String[] { "F", "M", "X", "U", null }), province,
                any(random, Pathway.values()), random.nextInt(4) == 0 ? null : any(random, HISTOLOGIES),
                random.nextBoolean() ? null : random.nextInt(5), prior, any(random, SurgeryPossible.values()));
    }

    /** trials.md's criteria judged one pair at a time, as the matcher once did; the list sorted by comparing. */
    private static final class Reference {

        private static final Comparator<TrialMatch> ORDER = Comparator
                .comparing((TrialMatch m) -> m.sitesInProvince() > 0 ? 0 : 1)
                .thenComparingInt(m -> m.toVerify().size())
                .thenComparing(m -> -m.study().phaseRank())
                .thenComparing(TrialMatch::nctId);

        private final List<Study> studies = new ArrayList<>();
        private final List<TrialCriteria> criteria = new ArrayList<>();

        boolean add(Study study, TrialCriteria curated) {
            TrialCriteria c = curated == null ? TrialCriteria.NONE : curated;
            if (!TrialMatcher.studyVerdicts(study, c).containsValue(Verdict.FAILED)) {
                studies.add(study);
                criteria.add(c);
                return true;
            }
            return false;
        }

        List<TrialMatch> match(PersonFacts person) {
            List<TrialMatch> matches = new ArrayList<>();
            for (int i = 0; i < studies.size(); i++) {
                TrialMatch match = judge(studies.get(i), criteria.get(i), person);
                if (match != null) {
                    matches.add(match);
                }
            }
            matches.sort(ORDER);
            return matches;
        }

        Map<Criterion, Verdict> verdicts(Study study, TrialCriteria curated, PersonFacts person) {
            TrialCriteria c = curated == null ? TrialCriteria.NONE : curated;
            Map<Criterion, Verdict> verdicts = new EnumMap<>(TrialMatcher.studyVerdicts(study, c));
            for (Criterion criterion : Criterion.values()) {
                if (!criterion.isStudyWide()) {
                    verdicts.put(criterion, personVerdict(criterion, study, c, person));
                }
            }
            return verdicts;
        }

        TrialMatch judge(Study study, TrialCriteria curated, PersonFacts person) {
            TrialCriteria c = curated == null ? TrialCriteria.NONE : curated;
            Map<Criterion, Verdict> verdicts = verdicts(study, c, person);
            List<Criterion> failed = new ArrayList<>();
            List<Criterion> unknown = new ArrayList<>();
            verdicts.forEach((criterion, verdict) -> {
                if (verdict == Verdict.FAILED) {
                    failed.add(criterion);
                } else if (verdict == Verdict.UNKNOWN) {
                    unknown.add(criterion);
                }
            });
            if (failed.size() > 1 || failed.size() == 1 && failed.get(0).isStudyWide()) {
                return null;
            }
            int inProvince = 0;
            List<Site> canadian = study.recruitingCanadianSites();
            for (Site site : canadian) {
                if (person.province() != null && person.province().equals(site.province())) {
                    inProvince++;
                }
            }
            return new TrialMatch(study, c, failed.isEmpty() ? TrialMatch.Result.MATCH : TrialMatch.Result.NEAR_MISS,
                    verdicts, failed.isEmpty() ? null : failed.get(0), unknown, inProvince, canadian.size(),
                    cities(canadian, person.province()));
        }

        private static List<String> cities(List<Site> sites, String province) {
            Set<String> first = new LinkedHashSet<>();
            Set<String> rest = new LinkedHashSet<>();
            for (Site site : sites) {
                if (site.city() != null && !site.city().isBlank()) {
                    (province != null && province.equals(site.province()) ? first : rest).add(site.city().trim());
                }
            }
            List<String> cities = new ArrayList<>(first);
            rest.stream().filter(city -> !first.contains(city)).forEach(cities::add);
            return cities;
        }

        private static Verdict personVerdict(Criterion criterion, Study study, TrialCriteria c, PersonFacts p) {
            return switch (criterion) {
                case AGE -> !study.minimumAge().isLimit() && !study.maximumAge().isLimit() ? Verdict.MET
                        : p.birthDate() == null ? Verdict.UNKNOWN
                                : of(ageIn(study.minimumAge(), p.birthDate()) >= study.minimumAge().amount()
                                        && (!study.maximumAge().isLimit()
                                                || ageIn(study.maximumAge(), p.birthDate()) <= study.maximumAge().amount()));
                case SEX -> study.sex().equals("ALL") ? Verdict.MET
                        : !"F".equals(p.sex()) && !"M".equals(p.sex()) ? Verdict.UNKNOWN
                                : of(study.sex().equals("FEMALE") == "F".equals(p.sex()));
                case PATHWAY -> c.pathways().isEmpty() || c.pathways().contains(p.pathway()) ? Verdict.MET
                        : p.pathway() == Pathway.UNDETERMINED ? Verdict.UNKNOWN : Verdict.FAILED;
                case HISTOLOGY -> c.histology().isEmpty() ? Verdict.MET
                        : p.histology() == null ? Verdict.UNKNOWN
                                : of(c.histology().stream().anyMatch(p.histology()::startsWith));
                case ECOG -> c.ecogMax() == null ? Verdict.MET
                        : p.ecog() == null ? Verdict.UNKNOWN : of(p.ecog() <= c.ecogMax());
                case PRIOR_REQUIRED -> c.priorTreatmentsRequired().isEmpty() ? Verdict.MET
                        : p.priorTreatments().isEmpty() ? Verdict.UNKNOWN
                                : of(p.priorTreatments().containsAll(c.priorTreatmentsRequired()));
                case PRIOR_EXCLUDED -> c.priorTreatmentsExcluded().isEmpty() ? Verdict.MET
                        : c.priorTreatmentsExcluded().stream().anyMatch(p.priorTreatments()::contains) ? Verdict.FAILED
                                : p.priorTreatments().isEmpty() ? Verdict.UNKNOWN : Verdict.MET;
                case SURGERY -> c.surgeryPossible() == null ? Verdict.MET
                        : p.surgeryPossible() == SurgeryPossible.UNKNOWN ? Verdict.UNKNOWN
                                : of(p.surgeryPossible() == c.surgeryPossible());
                default -> throw new IllegalArgumentException(criterion.name());
            };
        }

        /** A minimum without a limit admits everyone: any age is at least -1. */
        private static long ageIn(EligibleAge limit, LocalDate birth) {
            if (!limit.isLimit()) {
                return Long.MAX_VALUE;
            }
            return switch (limit.unit()) {
                case YEARS -> Period.between(birth, RUN_DATE).getYears();
                case MONTHS -> Period.between(birth, RUN_DATE).toTotalMonths();
                case WEEKS -> ChronoUnit.WEEKS.between(birth, RUN_DATE);
                case DAYS -> ChronoUnit.DAYS.between(birth, RUN_DATE);
                case HOURS -> ChronoUnit.DAYS.between(birth, RUN_DATE) * 24;
                default -> ChronoUnit.DAYS.between(birth, RUN_DATE) * 24 * 60;
            };
        }

        private static Verdict of(boolean met) {
            return met ? Verdict.MET : Verdict.FAILED;
        }
    }
}
