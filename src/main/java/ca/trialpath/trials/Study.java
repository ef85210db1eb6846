package ca.trialpath.trials;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * One study of the catalogue, the fields of trials.md read from the ClinicalTrials.gov API v2 shape.
 *
 * @param overallStatus as written ({@code RECRUITING}, {@code COMPLETED}, ...), {@code null} when absent
 * @param sex {@code ALL}, {@code FEMALE} or {@code MALE} ({@code ALL} when absent)
 * @param sites in catalogue order
 * @param lastUpdatePosted {@code statusModule.lastUpdatePostDateStruct.date} as ClinicalTrials.gov gives it:
 *        {@code 2026-11-20}, or only the month ({@code 2016-07}) or year; {@code null} when absent or not a date
 */
public record Study(String nctId, String briefTitle, String overallStatus, List<String> conditions,
        List<String> keywords, List<String> phases, String sex, EligibleAge minimumAge, EligibleAge maximumAge,
        List<Site> sites, String lastUpdatePosted) {

    /** Where a coordinator reads the whole record. */
    public static final String LINK_PREFIX = "https://clinicaltrials.gov/study/";

    /**
     * The study concerns anal cancer (trials.md): a condition or keyword names the anus, anal canal, anal
     * margin, perianal region or anal squamous carcinoma, or anal cancer in so many words. Whole words only,
     * so "canal" or "banal" alone do not count.
     */
    private static final Pattern ANAL_CANCER = Pattern.compile(
            "\\b(anus|anal\\s+canal|anal\\s+margin|perianal|peri-anal|anal\\s+squamous"
                    + "|anal\\s+(cancer|carcinoma|neoplasm|neoplasms|tumou?r|tumou?rs|malignan\\w*|intraepithelial))\\b",
            Pattern.CASE_INSENSITIVE);

    public Study {
        conditions = List.copyOf(conditions);
        keywords = List.copyOf(keywords);
        phases = List.copyOf(phases);
        sites = List.copyOf(sites);
    }

    /** A study without its last update date. */
    public Study(String nctId, String briefTitle, String overallStatus, List<String> conditions, List<String> keywords,
            List<String> phases, String sex, EligibleAge minimumAge, EligibleAge maximumAge, List<Site> sites) {
        this(nctId, briefTitle, overallStatus, conditions, keywords, phases, sex, minimumAge, maximumAge, sites, null);
    }

    /** The study's page on ClinicalTrials.gov. */
    public String link() {
        return LINK_PREFIX + nctId;
    }

    public boolean isRecruiting() {
        return "RECRUITING".equals(overallStatus);
    }

    public boolean concernsAnalCancer() {
        for (List<String> terms : List.of(conditions, keywords)) {
            for (String term : terms) {
                if (term != null && ANAL_CANCER.matcher(term).find()) {
                    return true;
                }
            }
        }
        return false;
    }

    public List<Site> recruitingCanadianSites() {
        return sites.stream().filter(Site::recruitingInCanada).toList();
    }

    /** Recruiting and at least one recruiting site in Canada. */
    public boolean openInCanada() {
        return isRecruiting() && !recruitingCanadianSites().isEmpty();
    }

    /** Codes of the provinces with a recruiting site, in code order. */
    public Set<String> recruitingProvinces() {
        Set<String> codes = new TreeSet<>();
        for (Site site : recruitingCanadianSites()) {
            if (site.province() != null) {
                codes.add(site.province());
            }
        }
        return codes;
    }

    /**
     * How late the study's phase is, for ordering: its highest phase ({@code PHASE1|PHASE2} counts as
     * phase 2), {@code EARLY_PHASE1} below phase 1, and {@code NA} or no phase last.
     */
    public int phaseRank() {
        int rank = 0;
        for (String phase : phases) {
            String p = phase == null ? "" : phase.trim().toUpperCase(Locale.ROOT);
            int r = switch (p) {
                case "EARLY_PHASE1" -> 1;
                case "PHASE1" -> 2;
                case "PHASE2" -> 3;
                case "PHASE3" -> 4;
                case "PHASE4" -> 5;
                default -> 0;
            };
            rank = Math.max(rank, r);
        }
        return rank;
    }

    /** Distinct cities of the recruiting Canadian sites, those in {@code province} first. */
    public List<String> recruitingCities(String province) {
        Set<String> first = new LinkedHashSet<>();
        Set<String> rest = new LinkedHashSet<>();
        for (Site site : recruitingCanadianSites()) {
            if (site.city() == null || site.city().isBlank()) {
                continue;
            }
            (province != null && province.equals(site.province()) ? first : rest).add(site.city().trim());
        }
        List<String> cities = new ArrayList<>(first);
        rest.stream().filter(city -> !first.contains(city)).forEach(cities::add);
        return cities;
    }
}
