package ca.trialpath.guideline;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Decides the pathway (rules.md, section 3, rows P0-P5) from the recurrence sites and the NAACCR recurrence
 * type, where the disease is relative to the anus (section 2), and what about them needs review. Pure: the
 * same case always gives the same classification.
 */
public final class PathwayClassifier {

    /** Regional sites that are nodes (section 2); the other REGIONAL terms are adjacent tissue. */
    private static final Set<String> REGIONAL_NODES = Set.of("mesorectal_nodes", "perirectal_nodes",
            "internal_iliac_nodes", "external_iliac_nodes", "inguinal_nodes", "regional_nodes");

    /**
     * The pathway with the row of the table that decided it (P0-P5, P4b) and why in one sentence, the
     * extent column, where the disease is, and the data flags.
     */
    public record Classification(Pathway pathway, String rule, String basis, String extent, Disease disease,
            Set<ReviewFlag> flags) {
    }

    /**
     * Where the disease is, as the option rules read it (rules.md, section 2).
     *
     * @param atAnus            "disease at the anus" (LR3, DM3, DM4): a LOCAL site, or code 10, 13-17, 30, 36, 60
     * @param atOrNextToAnus    "disease at or next to the anus" (LR2): also an adjacent-tissue site, or code 20, 21, 25-27
     * @param regionalNodesOnly no disease at or next to the anus, and at least one site with every known site a
     *                          regional node, or code 22 with no site
     */
    public record Disease(boolean atAnus, boolean atOrNextToAnus, boolean regionalNodesOnly) {
        static final Disease NONE = new Disease(false, false, false);
    }

    private PathwayClassifier() {
    }

    public static Classification classify(RecurrenceCase recurrence) {
        if (recurrence.scope() == PrimarySite.Scope.OUT_OF_SCOPE) {
            // P0: the guideline does not cover this cancer; nothing else is read
            return new Classification(Pathway.OUT_OF_SCOPE, "P0",
                    "The primary site is neither the anal canal nor the perianal skin, so this guideline does not apply.",
                    null, Disease.NONE, Set.of());
        }
        Set<Extent> siteExtents = EnumSet.noneOf(Extent.class);
        List<String> distantSites = new ArrayList<>();
        List<String> localOrRegionalSites = new ArrayList<>();
        List<String> unknownSites = new ArrayList<>();
        boolean siteAtAnus = false;
        boolean siteAdjacentTissue = false;
        boolean everyKnownSiteANode = true;
        for (String site : recurrence.sites()) {
            Optional<Extent> extent = RecurrenceSites.extentOf(site);
            if (extent.isPresent()) {
                siteExtents.add(extent.get());
                (extent.get() == Extent.DISTANT ? distantSites : localOrRegionalSites).add(site);
                boolean node = REGIONAL_NODES.contains(Terms.normalize(site));
                siteAtAnus |= extent.get() == Extent.LOCAL;
                siteAdjacentTissue |= extent.get() == Extent.REGIONAL && !node;
                everyKnownSiteANode &= node;
            } else {
                unknownSites.add(site);
            }
        }
        boolean unknownTerm = !unknownSites.isEmpty();
        Optional<RecurrenceCode> code = recurrence.code();
        Optional<RecurrenceType> type = recurrence.recurrenceType();
        boolean codeDistant = type.map(RecurrenceType::isDistant).orElse(false);
        boolean codeLocalOrRegional = type.map(RecurrenceType::isLocalOrRegional).orElse(false);
        boolean codeDiseaseFree = code.map(RecurrenceCode::diseaseFree).orElse(false);
        boolean codePersistent = code.map(RecurrenceCode::persistentDisease).orElse(false);
        boolean siteDistant = siteExtents.contains(Extent.DISTANT);
        boolean siteLocalOrRegional = siteExtents.contains(Extent.LOCAL) || siteExtents.contains(Extent.REGIONAL);
        boolean anySite = !recurrence.sites().isEmpty();

        boolean atAnus = siteAtAnus || code.map(RecurrenceCode::atAnus).orElse(false);
        boolean atOrNextToAnus = atAnus || siteAdjacentTissue || code.map(RecurrenceCode::nextToAnus).orElse(false);
        boolean nodesOnly = !atOrNextToAnus && (anySite && everyKnownSiteANode && !siteExtents.isEmpty()
                || !anySite && code.map(RecurrenceCode::nodesOnly).orElse(false));
        Disease disease = new Disease(atAnus, atOrNextToAnus, nodesOnly);

        Set<ReviewFlag> flags = EnumSet.noneOf(ReviewFlag.class);
        // the more extensive reading wins (section 3); code 60 beside only local or regional sites is a conflict
        // too (its distant part is missing from the sites); 70, 88 and 99 beside sites are not
        boolean conflict = (codeLocalOrRegional && siteDistant)
                || (codeDistant && anySite && !unknownTerm && !siteDistant)
                || (codeDiseaseFree && anySite);
        if (conflict) {
            flags.add(ReviewFlag.RECURRENCE_TYPE_SITE_CONFLICT);
        }
        if (unknownTerm) {
            // the person is assessed on the rest of the row, and the term is flagged whatever the pathway
            flags.add(ReviewFlag.UNKNOWN_SITE_TERM);
        }
        if (codePersistent) {
            // code 70: never disease-free; with sites they decide the pathway (P1-P3), without them P4b
            flags.add(ReviewFlag.PERSISTENT_DISEASE);
        }
        if (code.map(RecurrenceCode::inSituPrimary).orElse(false)) {
            // codes 16, 17, 26, 27, 36, 46: the options of the pathway, as for a behaviour-2 primary (section 2)
            flags.add(ReviewFlag.PRIMARY_IN_SITU);
        }

        if (siteDistant || codeDistant) {
            // P1: a known distant site settles it, even beside an unknown term
            String basis = siteDistant
                    ? "The cancer came back far from the anus: " + String.join(", ", distantSites)
                            + (distantSites.size() == 1 ? " is a distant site." : " are distant sites.")
                    : "The NAACCR recurrence type is a distant recurrence (codes 40-62).";
            return new Classification(Pathway.DISTANT_METASTASIS, "P1", basis, Extent.DISTANT.name(), disease, flags);
        }
        if (unknownTerm) {
            // P2: the unknown term might be distant, so the local pathway would be a guess
            return new Classification(Pathway.UNDETERMINED, "P2", "The recurrence site term "
                    + String.join(", ", unknownSites) + " is not in the vocabulary, and it might be distant,"
                    + " so a local recurrence cannot be confirmed.", null, disease, flags);
        }
        if (siteLocalOrRegional || codeLocalOrRegional) {
            // P3
            if (code.map(RecurrenceCode::inSitu).orElse(false)) {
                // codes 04 and 06 on the local pathway: the recurrence is in situ, no option (section 2)
                flags.add(ReviewFlag.IN_SITU_RECURRENCE);
            }
            boolean regional = siteExtents.contains(Extent.REGIONAL) || type.map(RecurrenceType::isRegional).orElse(false);
            String basis = siteLocalOrRegional
                    ? "The cancer came back in or near the anus (" + String.join(", ", localOrRegionalSites)
                            + ") and nowhere distant."
                    : "The NAACCR recurrence type is a local or regional recurrence (codes 04-36).";
            return new Classification(Pathway.LOCAL_RECURRENCE, "P3", basis,
                    regional ? "LOCOREGIONAL" : Extent.LOCAL.name(), disease, flags);
        }
        if (codeDiseaseFree) {
            // P4: no site can be present here, or P2/P3 would have fired
            return new Classification(Pathway.NOT_RECURRENT, "P4",
                    "The NAACCR recurrence type says the person is disease-free (code 00) and no site is recorded.",
                    null, Disease.NONE, EnumSet.of(ReviewFlag.NO_RECURRENCE_RECORDED));
        }
        if (codePersistent) {
            // P4b: persistent disease is not "no recurrence": the care team decides whether the options apply
            return new Classification(Pathway.UNDETERMINED, "P4b",
                    "The NAACCR recurrence type says the person was never disease-free (code 70: persistent disease)"
                            + " and no site is recorded; the guideline is about recurrence.",
                    null, disease, flags);
        }
        // P5: code 88 or 99, or nothing given
        flags.add(ReviewFlag.RECURRENCE_SITE_MISSING);
        return new Classification(Pathway.UNDETERMINED, "P5",
                "Neither the recurrence sites nor the recurrence type say where the cancer came back.",
                null, disease, flags);
    }
}
