package ca.trialpath.guideline;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Decides the pathway (rules.md, section 3) from the recurrence sites and the NAACCR recurrence type,
 * and what about them needs review. Pure: the same case always gives the same classification.
 */
public final class PathwayClassifier {

    /**
     * The pathway with the row of the table that decided it (P0-P5) and why in one sentence, the extent
     * column, whether part of the disease is local, and the data flags.
     */
    public record Classification(Pathway pathway, String rule, String basis, String extent, boolean hasLocalPart,
            Set<ReviewFlag> flags) {
    }

    private PathwayClassifier() {
    }

    public static Classification classify(RecurrenceCase recurrence) {
        if (recurrence.scope() == PrimarySite.Scope.OUT_OF_SCOPE) {
            // P0: the guideline does not cover this cancer; nothing else is read
            return new Classification(Pathway.OUT_OF_SCOPE, "P0",
                    "The primary site is neither the anal canal nor the perianal skin, so this guideline does not apply.",
                    null, false, Set.of());
        }
        Set<Extent> siteExtents = EnumSet.noneOf(Extent.class);
        List<String> distantSites = new ArrayList<>();
        List<String> localOrRegionalSites = new ArrayList<>();
        List<String> unknownSites = new ArrayList<>();
        for (String site : recurrence.sites()) {
            Optional<Extent> extent = RecurrenceSites.extentOf(site);
            if (extent.isPresent()) {
                siteExtents.add(extent.get());
                (extent.get() == Extent.DISTANT ? distantSites : localOrRegionalSites).add(site);
            } else {
                unknownSites.add(site);
            }
        }
        boolean unknownTerm = !unknownSites.isEmpty();
        Optional<RecurrenceType> code = recurrence.recurrenceType();
        boolean codeDistant = code.map(RecurrenceType::isDistant).orElse(false);
        boolean codeLocalOrRegional = code.map(RecurrenceType::isLocalOrRegional).orElse(false);
        boolean codeNoRecurrence = code.map(RecurrenceType::meansNoRecurrence).orElse(false);
        boolean siteDistant = siteExtents.contains(Extent.DISTANT);
        boolean siteLocalOrRegional = siteExtents.contains(Extent.LOCAL) || siteExtents.contains(Extent.REGIONAL);
        boolean anySite = !recurrence.sites().isEmpty();

        Set<ReviewFlag> flags = EnumSet.noneOf(ReviewFlag.class);
        boolean conflict = (codeLocalOrRegional && siteDistant)
                || (codeDistant && anySite && !unknownTerm && !siteDistant)
                || (codeNoRecurrence && anySite);
        if (conflict) {
            flags.add(ReviewFlag.RECURRENCE_TYPE_SITE_CONFLICT);
        }
        if (unknownTerm) {
            // the person is assessed on the rest of the row, and the term is flagged whatever the pathway
            flags.add(ReviewFlag.UNKNOWN_SITE_TERM);
        }
        boolean hasLocalPart = siteLocalOrRegional || code.map(RecurrenceType::hasLocalPart).orElse(false);

        if (siteDistant || codeDistant) {
            // P1: a known distant site settles it, even beside an unknown term
            String basis = siteDistant
                    ? "The cancer came back far from the anus: " + String.join(", ", distantSites)
                            + (distantSites.size() == 1 ? " is a distant site." : " are distant sites.")
                    : "The NAACCR recurrence type is a distant recurrence (codes 40-62).";
            return new Classification(Pathway.DISTANT_METASTASIS, "P1", basis, Extent.DISTANT.name(), hasLocalPart, flags);
        }
        if (unknownTerm) {
            // P2: the unknown term might be distant, so the local pathway would be a guess
            return new Classification(Pathway.UNDETERMINED, "P2", "The recurrence site term "
                    + String.join(", ", unknownSites) + " is not in the vocabulary, and it might be distant,"
                    + " so a local recurrence cannot be confirmed.", null, hasLocalPart, flags);
        }
        if (siteLocalOrRegional || codeLocalOrRegional) {
            // P3
            boolean regional = siteExtents.contains(Extent.REGIONAL) || code.map(RecurrenceType::isRegional).orElse(false);
            String basis = siteLocalOrRegional
                    ? "The cancer came back in or near the anus (" + String.join(", ", localOrRegionalSites)
                            + ") and nowhere distant."
                    : "The NAACCR recurrence type is a local or regional recurrence (codes 04-36).";
            return new Classification(Pathway.LOCAL_RECURRENCE, "P3", basis,
                    regional ? "LOCOREGIONAL" : Extent.LOCAL.name(), hasLocalPart, flags);
        }
        if (codeNoRecurrence) {
            // P4: no site can be present here, or P2/P3 would have fired
            return new Classification(Pathway.NOT_RECURRENT, "P4",
                    "The NAACCR recurrence type says there is no recurrence to treat (code 00 or 70) and no site is recorded.",
                    null, false, EnumSet.of(ReviewFlag.NO_RECURRENCE_RECORDED));
        }
        // P5: code 88 or 99, or nothing given
        flags.add(ReviewFlag.RECURRENCE_SITE_MISSING);
        return new Classification(Pathway.UNDETERMINED, "P5",
                "Neither the recurrence sites nor the recurrence type say where the cancer came back.",
                null, hasLocalPart, flags);
    }
}
