package ca.trialpath.bench;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes a synthetic ClinicalTrials.gov catalogue (API v2 pages of 100 studies, {@code page-001.json}, ...)
 * and a curated criteria file for it, for the trial benchmark. Pure JDK, deterministic for a seed.
 *
 * <p>Like a download of gastrointestinal cancer studies: most are about other cancers, closed, or without a
 * Canadian site, so about 2-3% are open anal cancer trials in Canada, the ones people are judged against.
 * NCT ids start at NCT98000001 and titles with {@code [SAMPLE]}.
 *
 * <pre>
 * java -cp target/test-classes ca.trialpath.bench.TrialCatalogueGenerator --studies 500 --seed 42 --out DIR --criteria FILE
 * </pre>
 */
public final class TrialCatalogueGenerator {

    private static final String[] OTHER_CONDITIONS = {"Colorectal Cancer", "Rectal Cancer", "Gastric Cancer",
            "Pancreatic Cancer", "Hepatocellular Carcinoma", "Esophageal Cancer", "Cervical Cancer", "Head and Neck Cancer"};
    private static final String[] ANAL_CONDITIONS = {"Anal Cancer", "Anal Canal Carcinoma",
            "Anal Squamous Cell Carcinoma", "Carcinoma of the Anus", "Perianal Squamous Cell Carcinoma"};
    private static final String[] STATUSES = {"COMPLETED", "ACTIVE_NOT_RECRUITING", "NOT_YET_RECRUITING", "TERMINATED"};
    private static final String[][] CANADA = {{"Toronto", "Ontario"}, {"Ottawa", "Ontario"}, {"Montréal", "Québec"},
            {"Québec", "Quebec"}, {"Vancouver", "British Columbia"}, {"Calgary", "Alberta"}, {"Edmonton", "Alberta"},
            {"Winnipeg", "Manitoba"}, {"Halifax", "Nova Scotia"}, {"Saskatoon", "Saskatchewan"},
            {"St. John's", "Newfoundland and Labrador"}, {"Moncton", "Nouveau-Brunswick"}};
    private static final String[][] ELSEWHERE = {{"Boston", "Massachusetts", "United States"},
            {"Houston", "Texas", "United States"}, {"Paris", "Île-de-France", "France"}, {"Leeds", "", "United Kingdom"}};
    private static final String[] PHASES = {"PHASE1", "PHASE2", "PHASE3", "EARLY_PHASE1", "NA"};
    private static final String[] PATHWAYS = {"LOCAL_RECURRENCE", "DISTANT_METASTASIS"};

    private TrialCatalogueGenerator() {
    }

    public static void main(String[] args) throws IOException {
        int studies = 500;
        long seed = 42;
        Path out = null;
        Path criteria = null;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--studies" -> studies = Integer.parseInt(args[i + 1]);
                case "--seed" -> seed = Long.parseLong(args[i + 1]);
                case "--out" -> out = Path.of(args[i + 1]);
                case "--criteria" -> criteria = Path.of(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (out == null || criteria == null) {
            throw new IllegalArgumentException("usage: --studies N --seed S --out DIR --criteria FILE");
        }
        int open = write(out, criteria, studies, seed);
        System.out.println("wrote " + studies + " studies to " + out + " (" + open + " open anal cancer studies in Canada)"
                + " and criteria to " + criteria);
    }

    /** @return how many studies are recruiting, about anal cancer and with a recruiting Canadian site */
    public static int write(Path folder, Path criteriaFile, int studies, long seed) throws IOException {
        Files.createDirectories(folder);
        SplittableRandom random = new SplittableRandom(seed);
        int matchable = 0;
        List<String> criteria = new ArrayList<>();
        for (int page = 0; page * 100 < studies; page++) {
            try (Writer w = Files.newBufferedWriter(folder.resolve(String.format(Locale.ROOT, "page-%03d.json", page + 1)),
                    StandardCharsets.UTF_8)) {
                w.write("{\"studies\": [\n");
                for (int i = page * 100; i < Math.min(studies, page * 100 + 100); i++) {
                    String nct = String.format(Locale.ROOT, "NCT98%06d", i + 1);
                    boolean anal = random.nextDouble() < 0.15;
                    boolean recruiting = random.nextDouble() < 0.5;
                    boolean canada = random.nextDouble() < 0.35;
                    if (anal && recruiting && canada) {
                        matchable++;
                    }
                    String condition = anal ? pick(random, ANAL_CONDITIONS) : pick(random, OTHER_CONDITIONS);
                    StringBuilder sites = new StringBuilder();
                    int n = 1 + random.nextInt(4);
                    for (int s = 0; s < n; s++) {
                        String[] where = canada ? pick(random, CANADA) : pick(random, ELSEWHERE);
                        String country = canada ? "Canada" : where[2];
                        // now and then a site that is not recruiting yet, or no site status at all
                        String status = random.nextDouble() < 0.2 ? ",\"status\":\"NOT_YET_RECRUITING\""
                                : random.nextDouble() < 0.5 ? "" : ",\"status\":\"RECRUITING\"";
                        sites.append(s == 0 ? "" : ",").append("{\"facility\":\"Sample site ").append(s + 1)
                                .append("\",\"city\":\"").append(where[0]).append("\",\"state\":\"").append(where[1])
                                .append("\",\"country\":\"").append(country).append("\"").append(status).append("}");
                    }
                    String sex = random.nextDouble() < 0.9 ? "ALL" : random.nextBoolean() ? "FEMALE" : "MALE";
                    String maxAge = random.nextDouble() < 0.7 ? "N/A" : (65 + random.nextInt(20)) + " Years";
                    w.write((i == page * 100 ? "" : ",\n") + "{\"protocolSection\":{"
                            + "\"identificationModule\":{\"nctId\":\"" + nct + "\",\"briefTitle\":\"[SAMPLE] Generated study "
                            + (i + 1) + " in " + condition + "\"},"
                            + "\"statusModule\":{\"overallStatus\":\"" + (recruiting ? "RECRUITING" : pick(random, STATUSES)) + "\"},"
                            + "\"conditionsModule\":{\"conditions\":[\"" + condition + "\"]},"
                            + "\"designModule\":{\"studyType\":\"INTERVENTIONAL\",\"phases\":[\"" + pick(random, PHASES) + "\"]},"
                            + "\"eligibilityModule\":{\"sex\":\"" + sex + "\",\"minimumAge\":\"18 Years\",\"maximumAge\":\""
                            + maxAge + "\"},"
                            + "\"contactsLocationsModule\":{\"locations\":[" + sites + "]}},\"hasResults\":false}");
                    if (anal && random.nextDouble() < 0.8) {
                        criteria.add("\"" + nct + "\":{\"pathways\":[\"" + pick(random, PATHWAYS) + "\"],"
                                + "\"histology\":[\"807\",\"8123\",\"8124\"],\"ecogMax\":" + (1 + random.nextInt(2))
                                + (random.nextBoolean() ? ",\"priorTreatmentsRequired\":[\"chemoradiation\"]" : "")
                                + ",\"note\":\"generated\"}");
                    }
                }
                w.write("\n]}\n");
            }
        }
        Files.writeString(criteriaFile, "{\n" + String.join(",\n", criteria) + "\n}\n", StandardCharsets.UTF_8);
        return matchable;
    }

    private static <T> T pick(SplittableRandom random, T[] values) {
        return values[random.nextInt(values.length)];
    }
}
