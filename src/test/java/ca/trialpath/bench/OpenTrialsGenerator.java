package ca.trialpath.bench;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes a ClinicalTrials.gov catalogue (API v2 pages of 100 studies) in which every study can match: all
 * recruiting anal cancer studies with recruiting sites in several provinces, for every sex and any adult age.
 * The worst case for trial matching's memory: every person flagged for a trial discussion matches every study.
 * About 2.2 kB per study, as the real API's studies are, so 22,507 studies make about 50 MB. Pure JDK.
 *
 * <pre>
 * java -cp target/test-classes ca.trialpath.bench.OpenTrialsGenerator --studies 22507 --out DIR
 * </pre>
 */
public final class OpenTrialsGenerator {

    private static final String[][] CANADA = {{"Toronto", "Ontario"}, {"Ottawa", "Ontario"}, {"Montréal", "Québec"},
            {"Québec", "Quebec"}, {"Vancouver", "British Columbia"}, {"Calgary", "Alberta"}, {"Edmonton", "Alberta"},
            {"Winnipeg", "Manitoba"}, {"Halifax", "Nova Scotia"}, {"Saskatoon", "Saskatchewan"}};
    private static final String[] PHASES = {"PHASE1", "PHASE2", "PHASE3", "EARLY_PHASE1", "NA"};
    /** Read by no criterion, but part of every real study: it gives the study its real size. */
    private static final String ELIGIBILITY = "Inclusion Criteria:\\n\\n* Histologically confirmed recurrent or"
            + " metastatic squamous cell carcinoma of the anal canal or anal margin\\n* Measurable disease per RECIST"
            + " 1.1\\n* ECOG performance status 0-1\\n* Adequate bone marrow, liver and renal function\\n\\nExclusion"
            + " Criteria:\\n\\n* Prior treatment with an anti-PD-1 or anti-PD-L1 antibody\\n* Active autoimmune disease"
            + " requiring systemic treatment in the past 2 years\\n* Known active central nervous system metastases\\n*"
            + " Pregnancy or breastfeeding";

    private OpenTrialsGenerator() {
    }

    public static void main(String[] args) throws IOException {
        int studies = 22_507;
        Path out = null;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--studies" -> studies = Integer.parseInt(args[i + 1]);
                case "--out" -> out = Path.of(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (out == null) {
            throw new IllegalArgumentException("usage: --studies N --out DIR");
        }
        long bytes = write(out, studies);
        System.out.println("wrote " + studies + " studies that all can match to " + out + " (" + bytes + " bytes)");
    }

    /** @return the bytes written */
    public static long write(Path folder, int studies) throws IOException {
        Files.createDirectories(folder);
        long bytes = 0;
        for (int page = 0; page * 100 < studies; page++) {
            Path file = folder.resolve(String.format(Locale.ROOT, "page-%03d.json", page + 1));
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                w.write("{\"studies\": [\n");
                for (int i = page * 100; i < Math.min(studies, page * 100 + 100); i++) {
                    StringBuilder sites = new StringBuilder();
                    for (int s = 0; s < 10; s++) {
                        String[] where = CANADA[(i + s) % CANADA.length];
                        sites.append(s == 0 ? "" : ",").append("{\"facility\":\"Sample cancer centre ").append(s + 1)
                                .append("\",\"status\":\"RECRUITING\",\"city\":\"").append(where[0])
                                .append("\",\"state\":\"").append(where[1]).append("\",\"country\":\"Canada\"}");
                    }
                    w.write((i == page * 100 ? "" : ",\n") + "{\"protocolSection\":{"
                            + "\"identificationModule\":{\"nctId\":\"" + String.format(Locale.ROOT, "NCT97%06d", i + 1)
                            + "\",\"briefTitle\":\"[SAMPLE] Open study " + (i + 1) + " for recurrent or metastatic"
                            + " anal canal squamous cell carcinoma\"},"
                            + "\"statusModule\":{\"overallStatus\":\"RECRUITING\"},"
                            + "\"conditionsModule\":{\"conditions\":[\"Anal Cancer\",\"Anal Squamous Cell Carcinoma\"]},"
                            + "\"designModule\":{\"studyType\":\"INTERVENTIONAL\",\"phases\":[\""
                            + PHASES[i % PHASES.length] + "\"]},"
                            + "\"eligibilityModule\":{\"eligibilityCriteria\":\"" + ELIGIBILITY + "\",\"sex\":\"ALL\","
                            + "\"minimumAge\":\"18 Years\",\"maximumAge\":\"N/A\"},"
                            + "\"contactsLocationsModule\":{\"locations\":[" + sites + "]}},\"hasResults\":false}");
                }
                w.write("\n]}\n");
            }
            bytes += Files.size(file);
        }
        return bytes;
    }
}
