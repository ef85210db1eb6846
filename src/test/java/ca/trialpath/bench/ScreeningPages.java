package ca.trialpath.bench;

import ca.trialpath.report.HtmlReport;
import ca.trialpath.report.ReportFeeds;
import ca.trialpath.report.ReportHistory;
import ca.trialpath.report.ReportText;
import ca.trialpath.report.RunSummary;
import ca.trialpath.report.TrialReport;
import ca.trialpath.screening.Decision;
import ca.trialpath.screening.PairFacts;
import ca.trialpath.screening.PairKey;
import ca.trialpath.screening.RememberedPair;
import ca.trialpath.screening.ScreeningMemory;
import ca.trialpath.screening.ScreeningNight;
import ca.trialpath.screening.ScreeningStatus;
import ca.trialpath.screening.TonightsMatch;
import ca.trialpath.trials.CatalogueFacts;
import ca.trialpath.trials.Criterion;
import ca.trialpath.trials.TrialCatalogue;
import ca.trialpath.trials.TrialMatch;
import ca.trialpath.trials.Verdict;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A whole night's page for N people, as the job would write it: the feeds of {@link ReportPageBench}, twelve open
 * trials with sites in four provinces, and a screening night of about 1.3 pairs per flagged person in which every
 * status and every worklist group occurs (coordinators' decisions on one pair in ten, a reopened decision on one in
 * fifty). The browser test opens the 200,000-people page; {@code bench/report-page.sh browser} times them.
 */
public final class ScreeningPages {

    public static final LocalDate RUN_DATE = LocalDate.of(2026, 11, 27);
    private static final String[] PROVINCES = {"ON", "QC", "BC", "AB", "NS", "MB"};
    private static final String[][] SITES = {{"Toronto", "ON"}, {"Montréal", "QC"}, {"Vancouver", "BC"},
            {"Calgary", "AB"}};
    private static final int TRIALS = 12;

    private ScreeningPages() {
    }

    /** Writes {@code folder/report.html} (with its feeds and an assessments.csv beside it) and returns the page. */
    public static Path write(Path folder, long people, String lang, int cap) throws IOException {
        Files.createDirectories(folder);
        Path feedsFolder = Files.createDirectories(folder.resolve("feeds"));
        RunSummary summary = ReportPageBench.feeds(feedsFolder, people, cap);
        long shown = Math.min(cap, people);
        ReportFeeds feeds = new ReportFeeds(feedsFolder, Math.max(shown, people * 3 / 10),
                Math.max(shown, people * 3 / 10), Math.max(shown, people / 5), people, Math.max(shown, people / 50));
        TrialReport trials = trials();
        ScreeningNight night = night(people, trials);
        try (BufferedWriter out = Files.newBufferedWriter(folder.resolve("assessments.csv"), StandardCharsets.UTF_8)) {
            out.write("patient_id,province\n");
            for (long i = 0; i < people; i++) {
                out.write(id(i) + "," + PROVINCES[(int) (i % PROVINCES.length)] + "\n");
            }
        }
        Path page = folder.resolve("report.html");
        new HtmlReport(cap, ReportText.of(lang), null).write(summary, feeds, ReportHistory.none(), trials, night, page);
        return page;
    }

    static String id(long i) {
        return String.format(Locale.ROOT, "TP-26-%06d", i);
    }

    static String nct(int trial) {
        return String.format(Locale.ROOT, "NCT990%05d", trial + 1);
    }

    public static TrialReport trials() {
        List<TrialReport.Section> sections = new ArrayList<>();
        for (int t = 0; t < TRIALS; t++) {
            List<TrialCatalogue.SiteRow> sites = new ArrayList<>();
            for (int s = 0; s <= t % SITES.length; s++) {
                String[] site = SITES[(t + s) % SITES.length];
                sites.add(new TrialCatalogue.SiteRow("Cancer centre " + site[0], site[0], site[1], "RECRUITING",
                        null, null, null));
            }
            sections.add(new TrialReport.Section(nct(t), "[BENCH] Trial " + (t + 1) + " for recurrent anal cancer",
                    List.of("PHASE2"), sites.stream().map(TrialCatalogue.SiteRow::province).distinct().toList(), null,
                    0, 0, List.of(), "https://clinicaltrials.gov/study/" + nct(t), "2026-10-01", sites));
        }
        CatalogueFacts facts = catalogueFacts();
        return new TrialReport(facts, 0, 0, 0, 0, 0, sections);
    }

    private static CatalogueFacts catalogueFacts() {
        return new CatalogueFacts(new ArrayList<>(List.of(new CatalogueFacts.File("trials.json", "ab".repeat(32), 1234))),
                TRIALS, TRIALS, new java.util.LinkedHashMap<>(), TRIALS, TRIALS, new ArrayList<>());
    }

    /** About 1.3 pairs per flagged person (six in ten people flagged), every status and group present. */
    public static ScreeningNight night(long people, TrialReport trials) {
        List<TonightsMatch> tonight = new ArrayList<>();
        List<RememberedPair> previous = new ArrayList<>();
        Map<PairKey, Decision> fromFile = new HashMap<>();
        Map<Criterion, Verdict> allMet = new EnumMap<>(Criterion.class);
        for (Criterion c : Criterion.values()) {
            allMet.put(c, Verdict.MET);
        }
        Map<Criterion, Verdict> surgeryUnknown = new EnumMap<>(allMet);
        surgeryUnknown.put(Criterion.SURGERY, Verdict.UNKNOWN);
        Map<Criterion, Verdict> ecogFailed = new EnumMap<>(allMet);
        ecogFailed.put(Criterion.ECOG, Verdict.FAILED);
        PairFacts match = new PairFacts(TrialMatch.Result.MATCH, "DISTANT_METASTASIS", List.of("CHEMOTHERAPY"), allMet, "");
        PairFacts toVerify = new PairFacts(TrialMatch.Result.MATCH, "LOCAL_RECURRENCE",
                List.of("ABDOMINOPERINEAL_RESECTION"), surgeryUnknown, "");
        PairFacts nearMiss = new PairFacts(TrialMatch.Result.NEAR_MISS, "DISTANT_METASTASIS", List.of("CHEMOTHERAPY"),
                ecogFailed, "");
        ScreeningStatus[] decided = {ScreeningStatus.PENDING, ScreeningStatus.CONTACTED, ScreeningStatus.ELIGIBLE,
                ScreeningStatus.DEFERRED, ScreeningStatus.NOT_ELIGIBLE, ScreeningStatus.DECLINED, ScreeningStatus.ENROLLED};
        long pair = 0;
        for (long i = 0; i < people; i++) {
            if (i % 10 >= 6) {
                continue; // not flagged for a trial discussion
            }
            int pairs = i % 10 < 2 ? 2 : 1;
            for (int k = 0; k < pairs; k++) {
                int trial = (int) ((i * 7 + k * 5) % TRIALS);
                PairKey key = new PairKey(id(i), nct(trial));
                PairFacts facts = pair % 9 == 4 ? nearMiss : pair % 3 == 1 ? toVerify : match;
                List<Criterion> verify = facts == toVerify ? List.of(Criterion.SURGERY) : List.of();
                // a site in the person's province when one of the trial's sites is there
                String province = PROVINCES[(int) (i % PROVINCES.length)];
                boolean inProvince = trials.sections().get(trial).provinces().contains(province);
                tonight.add(new TonightsMatch(key, trials.sections().get(trial).briefTitle(), facts, verify, inProvince,
                        RUN_DATE.minusDays(30 + (i % 300))));
                if (pair % 10 == 7) {
                    ScreeningStatus status = decided[(int) ((pair / 10) % decided.length)];
                    fromFile.put(key, new Decision(status, RUN_DATE.minusDays(3),
                            status.needsReason() ? "reason given" : "", status.needsRevisitDate()
                                    ? RUN_DATE.minusDays((pair / 70) % 2 == 0 ? 1 : -20) : null, "JD", ""));
                } else if (pair % 50 == 13) {
                    // closed last week on other facts: reopened tonight
                    Decision closed = new Decision(ScreeningStatus.NOT_ELIGIBLE, RUN_DATE.minusDays(7), "ECOG 3", null,
                            "MB", "");
                    previous.add(new RememberedPair(key, "", closed, List.of(closed), RUN_DATE.minusDays(20),
                            nearMiss, List.of()));
                }
                pair++;
            }
        }
        return ScreeningMemory.tonight(RUN_DATE, previous, tonight, fromFile);
    }
}
