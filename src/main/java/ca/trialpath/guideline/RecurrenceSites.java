package ca.trialpath.guideline;

import java.util.Map;
import java.util.Optional;

/** The recurrence-site vocabulary of rules.md, section 2: each known term has one extent. */
public final class RecurrenceSites {

    private static final Map<String, Extent> EXTENT_BY_TERM = Map.ofEntries(
            Map.entry("anus", Extent.LOCAL),
            Map.entry("anal_canal", Extent.LOCAL),
            Map.entry("anal_margin", Extent.LOCAL),
            Map.entry("perianal_skin", Extent.LOCAL),
            Map.entry("perineum", Extent.LOCAL),

            Map.entry("rectum", Extent.REGIONAL),
            Map.entry("adjacent_organ", Extent.REGIONAL),
            Map.entry("mesorectal_nodes", Extent.REGIONAL),
            Map.entry("perirectal_nodes", Extent.REGIONAL),
            Map.entry("internal_iliac_nodes", Extent.REGIONAL),
            Map.entry("external_iliac_nodes", Extent.REGIONAL),
            Map.entry("inguinal_nodes", Extent.REGIONAL),
            Map.entry("regional_nodes", Extent.REGIONAL),

            Map.entry("common_iliac_nodes", Extent.DISTANT),
            Map.entry("para_aortic_nodes", Extent.DISTANT),
            Map.entry("distant_nodes", Extent.DISTANT),
            Map.entry("liver", Extent.DISTANT),
            Map.entry("lung", Extent.DISTANT),
            Map.entry("pleura", Extent.DISTANT),
            Map.entry("bone", Extent.DISTANT),
            Map.entry("brain", Extent.DISTANT),
            Map.entry("peritoneum", Extent.DISTANT),
            Map.entry("distant_skin", Extent.DISTANT),
            Map.entry("bone_marrow", Extent.DISTANT),
            Map.entry("other_distant", Extent.DISTANT));

    private RecurrenceSites() {
    }

    /** The extent of a site term in any spelling; empty for a term the vocabulary does not know. */
    public static Optional<Extent> extentOf(String term) {
        return Optional.ofNullable(EXTENT_BY_TERM.get(Terms.normalize(term)));
    }
}
