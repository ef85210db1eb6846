package ca.trialpath.trials;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One run's catalogue, read once: the matcher's index (open anal cancer studies in Canada only), a small
 * row per study for {@code trials.csv}, and the counts and warnings of {@code summary.json}.
 */
public final class TrialCatalogue {

    /**
     * One line of {@code trials.csv} before its counts, and what a trial's section of {@code report.html} shows.
     *
     * @param matchable        open in Canada and about anal cancer: someone could match it or nearly match it
     * @param note             the coordinators' note, {@code null} when none
     * @param link             the study's ClinicalTrials.gov page
     * @param lastUpdatePosted as ClinicalTrials.gov gives it ({@code 2016-07} kept), {@code null} when absent
     * @param sites            the recruiting Canadian sites, in catalogue order
     * @param studyVerdicts    the verdicts of the criteria that depend on the study alone (STATUS, CONDITION,
     *                         LOCATION), in {@link Criterion} order
     */
    public record StudyRow(String nctId, String briefTitle, String status, List<String> phases,
            boolean openInCanada, List<String> provinces, boolean matchable, String note, String link,
            String lastUpdatePosted, List<SiteRow> sites, Map<Criterion, Verdict> studyVerdicts)
            implements Serializable {

        public StudyRow {
            sites = List.copyOf(sites);
            EnumMap<Criterion, Verdict> ordered = new EnumMap<>(Criterion.class);
            ordered.putAll(studyVerdicts);
            studyVerdicts = java.util.Collections.unmodifiableMap(ordered);
        }
    }

    /**
     * A recruiting Canadian site as coordinators read it: where, its own status and whom to call. The contact
     * is the one the study publishes on ClinicalTrials.gov, not patient data.
     *
     * @param status its own recruitment status as written, {@code null} when the record gives none
     * @param contactName  {@code null} when not given (likewise phone and e-mail)
     */
    public record SiteRow(String facility, String city, String province, String status, String contactName,
            String contactPhone, String contactEmail) implements Serializable {

        static SiteRow of(Site site) {
            Site.Contact contact = site.contact();
            return new SiteRow(blankToNull(site.facility()), blankToNull(site.city()), site.province(),
                    blankToNull(site.status()), contact == null ? null : blankToNull(contact.name()),
                    contact == null ? null : blankToNull(contact.phone()),
                    contact == null ? null : blankToNull(contact.email()));
        }

        /** The record names someone or a way to reach them. */
        public boolean hasContact() {
            return contactName != null || contactPhone != null || contactEmail != null;
        }

        private static String blankToNull(String value) {
            return value == null || value.isBlank() ? null : value.trim();
        }
    }

    private final TrialMatcher matcher;
    private final List<StudyRow> rows = new ArrayList<>();
    private final Map<SkipReason, Long> skipped = new EnumMap<>(SkipReason.class);
    private final List<String> warnings = new ArrayList<>();
    private long entries;
    private long openInCanada;

    private TrialCatalogue(LocalDate runDate) {
        this.matcher = new TrialMatcher(runDate);
        for (SkipReason reason : SkipReason.values()) {
            skipped.put(reason, 0L);
        }
    }

    /**
     * Streams the catalogue files in order. A criteria entry for an NCT id the catalogue does not hold
     * (or skipped) is a warning, not an error: the catalogue of the night may have dropped a closed study.
     *
     * @throws CatalogueException for a file that is not valid JSON
     */
    public static TrialCatalogue read(List<Path> files, Map<String, TrialCriteria> criteria, LocalDate runDate)
            throws IOException {
        TrialCatalogue catalogue = new TrialCatalogue(runDate);
        CatalogueReader reader = new CatalogueReader();
        Set<String> studied = new HashSet<>();
        for (Path file : files) {
            reader.read(file, new CatalogueReader.Visitor() {
                @Override
                public void study(Study study) {
                    catalogue.entries++;
                    studied.add(study.nctId());
                    catalogue.add(study, criteria.get(study.nctId()));
                }

                @Override
                public void skipped(SkipReason reason, String file, String detail) {
                    catalogue.entries++;
                    catalogue.skipped.merge(reason, 1L, Long::sum);
                }
            });
        }
        for (String nctId : criteria.keySet()) {
            if (!studied.contains(nctId)) {
                catalogue.warnings.add("trialCriteria has an entry for " + nctId + ", which is not a study of the"
                        + " catalogue (or was skipped); it is not used");
            }
        }
        catalogue.rows.sort(Comparator.comparing(StudyRow::nctId));
        return catalogue;
    }

    private void add(Study study, TrialCriteria criteria) {
        boolean open = study.openInCanada();
        if (open) {
            openInCanada++;
        }
        boolean matchable = matcher.add(study, criteria);
        rows.add(new StudyRow(study.nctId(), study.briefTitle(), study.overallStatus(), study.phases(), open,
                List.copyOf(study.recruitingProvinces()), matchable, criteria == null ? null : criteria.note(),
                study.link(), study.lastUpdatePosted(),
                study.recruitingCanadianSites().stream().map(SiteRow::of).toList(),
                TrialMatcher.studyVerdicts(study, criteria)));
    }

    public TrialMatcher matcher() {
        return matcher;
    }

    /** One per study kept, in NCT id order. */
    public List<StudyRow> rows() {
        return rows;
    }

    /** Entries met in the files: studies kept plus entries skipped. */
    public long entriesRead() {
        return entries;
    }

    public long studies() {
        return rows.size();
    }

    /** Every reason, zeros included, in {@link SkipReason} order. */
    public Map<String, Long> skipped() {
        Map<String, Long> byName = new LinkedHashMap<>();
        skipped.forEach((reason, count) -> byName.put(reason.name(), count));
        return byName;
    }

    public long skippedTotal() {
        return skipped.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Recruiting, with a recruiting site in Canada (whether or not about anal cancer). */
    public long openInCanada() {
        return openInCanada;
    }

    public List<String> warnings() {
        return warnings;
    }
}
