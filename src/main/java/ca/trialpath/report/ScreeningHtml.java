package ca.trialpath.report;

import ca.trialpath.report.ReportView.Capped;
import ca.trialpath.report.ReportView.CountRow;
import ca.trialpath.report.ReportView.PairRow;
import ca.trialpath.report.ReportView.Txt;
import ca.trialpath.report.ReportView.Val;
import ca.trialpath.screening.PairFacts;
import ca.trialpath.screening.ScreeningNight;
import ca.trialpath.screening.ScreeningPair;
import ca.trialpath.screening.ScreeningStatus;
import ca.trialpath.screening.TonightsMatch;
import ca.trialpath.screening.WorklistGroup;
import ca.trialpath.trials.Criterion;
import ca.trialpath.trials.TrialCatalogue;
import ca.trialpath.trials.TrialMatch;
import ca.trialpath.trials.Verdict;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The screening parts of {@code report.html} (screening.md, "report.html"): "Today", the morning worklist of
 * (person, trial) pairs; each trial's candidates, ranked; the counts of the whole run with the coordinator's charts;
 * and a card per person of those lists. Made from the night's {@link ScreeningNight}, whose pairs come ranked.
 *
 * <p>Every list is ranked over all the night's pairs and only then cut to the page's cap; counts are taken over
 * all the pairs, never over the rows shown. The criteria are said in words (bundle {@code criterion.*}).
 */
final class ScreeningHtml {

    /** The study's page when the catalogue gives none: ClinicalTrials.gov's address for an NCT id. */
    static final String CTGOV_STUDY = "https://clinicaltrials.gov/study/";

    /** Trials whose section lists people (as {@code TrialPublication}): a real catalogue has a few dozen. */
    static final int TRIALS_WITH_PEOPLE = 100;

    /** Statuses that mean the person was reached (the funnel's "contacted" and after). */
    private static final Set<ScreeningStatus> CONTACTED = EnumSet.of(ScreeningStatus.CONTACTED,
            ScreeningStatus.ELIGIBLE, ScreeningStatus.ENROLLED, ScreeningStatus.DECLINED);
    private static final Set<ScreeningStatus> ELIGIBLE = EnumSet.of(ScreeningStatus.ELIGIBLE, ScreeningStatus.ENROLLED);

    private final ScreeningNight night;
    private final ReportText text;
    private final int maxRows;
    private final int maxRowsPerTrial;
    /** The file that holds every pair: {@code screening_log.csv}, or {@code trial_matches.csv} without it. */
    private final String allRowsFile;
    private final Map<String, TrialReport.Section> studies = new LinkedHashMap<>();
    /** Each pair's place in the night's order (the log's: the worklist ranked first). */
    private final Map<ScreeningPair, Integer> rank = new java.util.IdentityHashMap<>();
    private final List<ScreeningPair> worklist;
    private final Map<String, List<ScreeningPair>> perTrial = new HashMap<>();
    private final Map<String, long[]> trialCounts = new HashMap<>();
    private final Set<String> listedTrials = new HashSet<>();

    /**
     * @param maxRows         rows of "Today" and of the cards
     * @param maxRowsPerTrial rows of each trial's list
     */
    ScreeningHtml(ScreeningNight night, TrialReport trials, ReportText text, int maxRows, int maxRowsPerTrial,
            String allRowsFile) {
        this.night = night;
        this.text = text;
        this.maxRows = maxRows;
        this.maxRowsPerTrial = maxRowsPerTrial;
        this.allRowsFile = allRowsFile;
        if (trials != null) {
            for (TrialReport.Section section : trials.sections()) {
                studies.put(section.nctId(), section);
                if (listedTrials.size() < TRIALS_WITH_PEOPLE) {
                    listedTrials.add(section.nctId());
                }
            }
        }
        List<ScreeningPair> pairs = night.pairs();
        List<ScreeningPair> today = new ArrayList<>();
        for (int i = 0; i < pairs.size(); i++) {
            ScreeningPair pair = pairs.get(i);
            rank.put(pair, i);
            if (pair.group().onWorklist()) {
                today.add(pair);
            }
            if (pair.stillMatching()) {
                String nct = pair.key().nctId();
                long[] counts = trialCounts.computeIfAbsent(nct, id -> new long[3]);
                if (pair.result() == TrialMatch.Result.MATCH) {
                    counts[pair.match().inProvince() ? 0 : 1]++;
                } else {
                    counts[2]++;
                }
                if (listedTrials.contains(nct)) {
                    perTrial.computeIfAbsent(nct, id -> new ArrayList<>()).add(pair);
                }
            }
        }
        // the night ranks its worklist; a stable sort by group keeps that order and holds a hand-made night to it
        today.sort(Comparator.comparingInt((ScreeningPair p) -> p.group().ordinal()));
        this.worklist = today;
        Comparator<ScreeningPair> trialOrder = Comparator
                .comparing((ScreeningPair p) -> p.result() == TrialMatch.Result.MATCH ? 0 : 1)
                .thenComparing(p -> p.match().inProvince() ? 0 : 1)
                .thenComparing(p -> p.toVerify().size())
                .thenComparing(rank::get);
        for (List<ScreeningPair> list : perTrial.values()) {
            list.sort(trialOrder);
        }
    }

    /** The pairs "Today" shows: the worklist's first {@code maxRows}, ranked. */
    List<ScreeningPair> todayShown() {
        return worklist.subList(0, Math.min(maxRows, worklist.size()));
    }

    /** A trial's listed pairs: its first {@code maxRowsPerTrial}, ranked; empty for a trial not listed. */
    List<ScreeningPair> trialShown(String nctId) {
        List<ScreeningPair> list = perTrial.getOrDefault(nctId, List.of());
        return list.subList(0, Math.min(maxRowsPerTrial, list.size()));
    }

    // ---- today ----

    /**
     * @param matching     whether the run matched trials
     * @param deidentified a de-identified run keeps no screening memory or log: an empty list says so, not "nothing
     *                     to act on"
     */
    ReportView.Today today(boolean matching, boolean deidentified, Rows rows) {
        List<PairRow> shown = new ArrayList<>();
        int order = 1;
        for (ScreeningPair pair : todayShown()) {
            shown.add(rows.row(pair, order++));
        }
        String none = !matching ? text.get("today.noMatching")
                : deidentified ? text.get("today.deidentified") : text.get("today.empty");
        Capped<PairRow> list = capped(shown, worklist.size(), none);
        String scope = worklist.size() > shown.size()
                ? text.get("today.scope", text.number(shown.size()), text.number(worklist.size()), allRowsFile) : null;
        return new ReportView.Today(matching, controls(), scope, list);
    }

    /** A list cut after ranking: how many it leaves out, and the file that has them all. */
    Capped<PairRow> capped(List<PairRow> shown, long total, String empty) {
        String more = total > shown.size() ? text.get("list.cut", text.number(shown.size()), text.number(total),
                text.number(total - shown.size()), allRowsFile) : null;
        return new Capped<>(List.copyOf(shown), total == 0 ? empty : null, more);
    }

    private ReportView.Controls controls() {
        List<ReportView.Filter> filters = new ArrayList<>();
        List<ReportView.Choice> groups = new ArrayList<>();
        for (WorklistGroup group : WorklistGroup.values()) {
            if (group.onWorklist()) {
                groups.add(new ReportView.Choice(group.name(), text.get("group." + group.name())));
            }
        }
        filters.add(new ReportView.Filter("today-table-group", "group", text.get("filter.group"), groups));
        List<ReportView.Choice> statuses = new ArrayList<>();
        for (ScreeningStatus status : ScreeningStatus.values()) {
            statuses.add(new ReportView.Choice(status.name(), text.get("status." + status.name())));
        }
        filters.add(new ReportView.Filter("today-table-status", "status", text.get("filter.status"), statuses));
        List<ReportView.Choice> trials = new ArrayList<>();
        Set<String> seen = new java.util.TreeSet<>(studies.keySet());
        for (ScreeningPair pair : todayShown()) {
            seen.add(pair.key().nctId());
        }
        for (String nct : seen) {
            trials.add(new ReportView.Choice(nct, nct));
        }
        filters.add(new ReportView.Filter("today-table-trial", "trial", text.get("filter.trial"), trials));
        filters.add(new ReportView.Filter("today-table-in-province", "in-province", text.get("filter.inProvince"),
                List.of(new ReportView.Choice("yes", text.get("filter.yes")),
                        new ReportView.Choice("no", text.get("filter.no")))));
        filters.add(new ReportView.Filter("today-table-province", "province", text.get("filter.province"), List.of()));
        return new ReportView.Controls("today-table", filters);
    }

    // ---- per trial ----

    /** A trial's list for its section, ranked and cut, with its counts over the whole run. */
    Capped<PairRow> trialList(TrialReport.Section section, Rows rows) {
        String nctId = section.nctId();
        long[] counts = trialCounts.getOrDefault(nctId, new long[3]);
        long total = counts[0] + counts[1] + counts[2];
        if (night.pairs().isEmpty()) {
            // no screening night (a page written without one): the catalogue's counts, and the file with the rows
            long candidates = section.candidates() + section.nearMisses();
            return new Capped<>(List.of(), candidates == 0 ? text.get("perTrial.noPeople") : null, candidates == 0 ? null
                    : text.get("list.more", text.number(candidates), "trial_matches.csv"));
        }
        if (!listedTrials.contains(nctId)) {
            return new Capped<>(List.of(), total == 0 ? text.get("perTrial.noPeople") : null, total == 0 ? null
                    : text.get("perTrial.notListed", text.number(TRIALS_WITH_PEOPLE), allRowsFile));
        }
        List<PairRow> shown = new ArrayList<>();
        int order = 1;
        for (ScreeningPair pair : trialShown(nctId)) {
            shown.add(rows.row(pair, order++));
        }
        return capped(shown, total, text.get("perTrial.noPeople"));
    }

    /** The trial's counts over the whole night, {@code null} without a night. */
    String trialCounts(String nctId) {
        if (night.pairs().isEmpty()) {
            return null;
        }
        long[] c = trialCounts.getOrDefault(nctId, new long[3]);
        return text.get("perTrial.counts", text.number(c[0] + c[1]), text.number(c[0]), text.number(c[1]),
                text.number(c[2]));
    }

    // ---- counts of the whole run ----

    /**
     * @param flagged people flagged for a trial discussion (the run's tally)
     * @param nights  the nights the trend shows, oldest first, tonight last
     */
    ReportView.ScreeningCounts counts(boolean matching, long flagged, List<LocalDate> nights) {
        List<CountRow> statusRows = new ArrayList<>();
        for (Map.Entry<ScreeningStatus, Long> count : night.countsByStatus().entrySet()) {
            statusRows.add(new CountRow(text.get("status." + count.getKey().name()), number(count.getValue()), null));
        }
        ReportView.CountTable byStatus = new ReportView.CountTable(text.get("counts.byStatus"), text.get("counts.status"),
                text.get("counts.pairs"), statusRows, text.get("glance.none"));

        List<ReportView.TrialCountRow> trialRows = new ArrayList<>();
        List<SvgCharts.Split> bars = new ArrayList<>();
        Set<String> trials = new LinkedHashSet<>(studies.keySet());
        trials.addAll(new TreeMap<>(trialCounts).keySet());
        for (String nct : trials) {
            long[] c = trialCounts.getOrDefault(nct, new long[3]);
            TrialReport.Section section = studies.get(nct);
            trialRows.add(new ReportView.TrialCountRow(nct, section == null ? "" : section.briefTitle(), number(c[0]),
                    number(c[1]), number(c[2])));
            bars.add(new SvgCharts.Split(nct, c[0], c[1]));
        }

        // the funnel, in people: each person once, at every step one of their pairs reached
        Set<String> matched = new HashSet<>();
        Set<String> contacted = new HashSet<>();
        Set<String> eligible = new HashSet<>();
        Set<String> enrolled = new HashSet<>();
        Map<LocalDate, Long> firstSeen = new TreeMap<>();
        for (ScreeningPair pair : night.pairs()) {
            String person = pair.key().patientId();
            ScreeningStatus status = pair.decision().status();
            if (pair.result() == TrialMatch.Result.MATCH) {
                matched.add(person);
            }
            if (CONTACTED.contains(status)) {
                contacted.add(person);
            }
            if (ELIGIBLE.contains(status)) {
                eligible.add(person);
            }
            if (status == ScreeningStatus.ENROLLED) {
                enrolled.add(person);
            }
            if (pair.firstSeen() != null) {
                firstSeen.merge(pair.firstSeen(), 1L, Long::sum);
            }
        }
        Map<String, Long> funnel = new LinkedHashMap<>();
        funnel.put(text.get("funnel.flagged"), flagged);
        funnel.put(text.get("funnel.matched"), (long) matched.size());
        funnel.put(text.get("funnel.contacted"), (long) contacted.size());
        funnel.put(text.get("funnel.eligible"), (long) eligible.size());
        funnel.put(text.get("funnel.enrolled"), (long) enrolled.size());
        Map<String, Long> perNight = new LinkedHashMap<>();
        for (LocalDate date : nights) {
            perNight.put(String.valueOf(date), firstSeen.getOrDefault(date, 0L));
        }
        return new ReportView.ScreeningCounts(matching, byStatus, trialRows,
                SvgCharts.split("chart-per-trial-svg", text.get("counts.perTrial"), bars, text),
                chart("chart-funnel", text.get("funnel.heading"), text.get("funnel.step"), text.get("glance.people"),
                        funnel),
                text.get("funnel.note"),
                chart("chart-new-pairs", text.get("newPairs.heading"), text.get("newPairs.night"),
                        text.get("counts.pairs"), perNight));
    }

    private ReportView.Chart chart(String id, String caption, String what, String unit, Map<String, Long> counts) {
        List<CountRow> rows = new ArrayList<>();
        List<SvgCharts.Bar> bars = new ArrayList<>();
        for (Map.Entry<String, Long> count : counts.entrySet()) {
            rows.add(new CountRow(count.getKey(), number(count.getValue()), null));
            bars.add(new SvgCharts.Bar(count.getKey(), count.getValue()));
        }
        return new ReportView.Chart(id, new ReportView.CountTable(caption, what, unit, rows, text.get("glance.none")),
                SvgCharts.bars(id + "-svg", caption, bars, text));
    }

    private Val number(long n) {
        return Val.text(text.number(n));
    }

    // ---- the cards ----

    /** The people of the lists shown, in the order they first appear, each with all their pairs of the night. */
    List<String> cardPeople() {
        Set<String> people = new LinkedHashSet<>();
        for (ScreeningPair pair : todayShown()) {
            people.add(pair.key().patientId());
        }
        for (String nct : studies.keySet()) {
            for (ScreeningPair pair : trialShown(nct)) {
                people.add(pair.key().patientId());
            }
        }
        return List.copyOf(people);
    }

    /**
     * The province of each of {@code people} as tonight's matches carry it (one pass over the night). The rows that
     * name a site are those of pairs matched tonight (Today and the trials' lists); a pair that no longer matches is
     * only on its person's card, which names none.
     */
    Map<String, String> provincesOf(Set<String> people) {
        Map<String, String> provinces = new HashMap<>();
        for (ScreeningPair pair : night.pairs()) {
            TonightsMatch match = pair.match();
            if (match != null && !match.province().isEmpty() && people.contains(pair.key().patientId())) {
                provinces.putIfAbsent(pair.key().patientId(), match.province());
            }
        }
        return provinces;
    }

    /** Each wanted person's pairs, in the night's order (one pass over the night). */
    Map<String, List<ScreeningPair>> pairsOf(Set<String> people) {
        Map<String, List<ScreeningPair>> pairs = new LinkedHashMap<>();
        for (String person : people) {
            pairs.put(person, new ArrayList<>());
        }
        for (ScreeningPair pair : night.pairs()) {
            List<ScreeningPair> list = pairs.get(pair.key().patientId());
            if (list != null) {
                list.add(pair);
            }
        }
        return pairs;
    }

    ReportView.Cards cards(Rows rows, Set<String> fullRecords) {
        List<String> people = cardPeople();
        Map<String, List<ScreeningPair>> pairs = pairsOf(new LinkedHashSet<>(people));
        List<ReportView.Card> cards = new ArrayList<>();
        for (String person : people) {
            List<ScreeningPair> theirs = pairs.get(person);
            PairFacts facts = null;
            for (ScreeningPair pair : theirs) {
                facts = pair.match() != null ? pair.match().facts() : facts == null ? pair.memory().lastFacts() : facts;
                if (pair.match() != null) {
                    break;
                }
            }
            List<PairRow> rowsOfPerson = new ArrayList<>();
            int order = 1;
            for (ScreeningPair pair : theirs) {
                rowsOfPerson.add(rows.row(pair, order++));
            }
            Val pathway = facts == null || facts.pathway().isEmpty() ? Val.of(Txt.na(text.get("value.notRecorded")))
                    : Val.of(words("pathway.", facts.pathway()));
            Val options = facts == null || facts.options().isEmpty() ? Val.of(Txt.na(text.get("value.none")))
                    : new Val(facts.options().stream().map(Txt::code).toList(), " ");
            cards.add(new ReportView.Card(cardAnchor(person), person, pathway, options,
                    fullRecords.contains(person) ? Html.personAnchor(person) : null,
                    text.get("cards.caption", person), rowsOfPerson));
        }
        return new ReportView.Cards(cards);
    }

    private Txt words(String prefix, String code) {
        String words = text.getOrDefault(prefix + code, code);
        return words.equals(code) ? Txt.text(code) : Txt.words(words, code);
    }

    static String cardAnchor(String patientId) {
        return "c" + Html.personAnchor(patientId);
    }

    // ---- one row ----

    /** Makes the rows of the lists: what a pair says, in words. */
    final class Rows {

        private final Map<String, String> provinces;

        /** @param provinces the province of each person shown, where the run knows it */
        Rows(Map<String, String> provinces) {
            this.provinces = provinces;
        }

        PairRow row(ScreeningPair pair, long order) {
            String nct = pair.key().nctId();
            TrialReport.Section study = studies.get(nct);
            String title = study != null && study.briefTitle() != null ? study.briefTitle()
                    : pair.match() != null ? pair.match().briefTitle() : pair.memory().briefTitle();
            String link = study != null && study.link() != null && study.link().startsWith("https://")
                    ? study.link() : CTGOV_STUDY + nct;
            String province = provinces.get(pair.key().patientId());
            boolean inProvince = pair.match() != null && pair.match().inProvince();
            List<String> marks = new ArrayList<>();
            if (pair.newTonight()) {
                marks.add(text.get("today.new"));
            }
            if (pair.reopened()) {
                marks.add(text.get("today.reopened", String.join("; ", pair.reopenedBecause())));
            }
            if (pair.group() == WorklistGroup.REVISIT_DUE && pair.decision().revisitDate() != null) {
                marks.add(text.get("today.revisitSince", String.valueOf(pair.decision().revisitDate())));
            }
            ScreeningStatus status = pair.decision().status();
            return new PairRow(order, pair.group().name(), text.get("group." + pair.group().name()), status.name(),
                    text.get("status." + status.name()), String.valueOf(pair.decision().statusDate()),
                    inProvince ? "yes" : "no", province == null ? "" : province,
                    new ReportView.PersonLink(cardAnchor(pair.key().patientId()),
                            Val.text(pair.key().patientId())),
                    nct, title, link, result(pair), site(study, province, inProvince), marks, fits(pair),
                    verify(pair), study != null ? "t-" + nct : null);
        }

        private Val result(ScreeningPair pair) {
            if (pair.result() == null) {
                return Val.of(Txt.na(text.get("result.none")));
            }
            if (pair.result() == TrialMatch.Result.MATCH) {
                return Val.text(text.get("result.MATCH"));
            }
            for (Map.Entry<Criterion, Verdict> verdict : pair.match().facts().verdicts().entrySet()) {
                if (verdict.getValue() == Verdict.FAILED) {
                    return Val.of(Txt.words(text.get("result.nearMissFails",
                            text.get("criterion." + verdict.getKey().name() + ".failed")), verdict.getKey().name()));
                }
            }
            return Val.text(text.get("result.NEAR_MISS"));
        }

        /** The nearest recruiting site: one in the person's province when the trial has one, else the first listed. */
        private String site(TrialReport.Section study, String province, boolean inProvince) {
            List<TrialCatalogue.SiteRow> sites = study == null ? List.of() : study.sites();
            if (province != null) {
                for (TrialCatalogue.SiteRow site : sites) {
                    if (province.equalsIgnoreCase(site.province()) && site.city() != null) {
                        return text.get("site.inProvince", place(site));
                    }
                }
            }
            if (inProvince) {
                return text.get("site.inProvinceUnnamed");
            }
            for (TrialCatalogue.SiteRow site : sites) {
                if (site.city() != null) {
                    return text.get("site.elsewhere", place(site));
                }
            }
            return text.get("site.none");
        }

        private String place(TrialCatalogue.SiteRow site) {
            return site.province() == null ? site.city() : site.city() + ", " + site.province();
        }

        /** The person's criteria met, in words (the study's own three are the same for every candidate). */
        private String fits(ScreeningPair pair) {
            PairFacts facts = pair.match() != null ? pair.match().facts() : null;
            if (facts == null) {
                return text.get("fits.none");
            }
            List<String> met = new ArrayList<>();
            for (Map.Entry<Criterion, Verdict> verdict : facts.verdicts().entrySet()) {
                if (verdict.getValue() == Verdict.MET && !verdict.getKey().isStudyWide()) {
                    met.add(text.get("criterion." + verdict.getKey().name()));
                }
            }
            return met.isEmpty() ? text.get("fits.none") : text.get("fits.list", String.join(", ", met));
        }

        private List<String> verify(ScreeningPair pair) {
            List<String> sentences = new ArrayList<>();
            for (Criterion criterion : pair.toVerify()) {
                sentences.add(text.get("criterion." + criterion.name() + ".verify"));
            }
            return sentences.isEmpty() ? List.of(text.get("verify.none")) : sentences;
        }
    }
}
