package ca.trialpath.guideline;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the {@code primary_site} column (rules.md, section 1): an ICD-O-3 topography code, with or
 * without its dot, or one of four terms, and says whether the guideline covers it.
 */
public final class PrimarySite {

    /** What part of the guideline a primary site falls under. */
    public enum Scope {
        ANAL_CANAL,
        /** Perianal skin: the only scope where a wide local excision is offered for a local recurrence (LR3). */
        PERIANAL_SKIN,
        OUT_OF_SCOPE
    }

    private static final Pattern TOPOGRAPHY = Pattern.compile("C(\\d\\d)\\.?(\\d)", Pattern.CASE_INSENSITIVE);

    private static final Map<String, Scope> SCOPE_BY_TERM = Map.of(
            "anus", Scope.ANAL_CANAL,
            "anal_canal", Scope.ANAL_CANAL,
            "perianal_skin", Scope.PERIANAL_SKIN,
            "anal_margin", Scope.PERIANAL_SKIN);

    private static final Map<String, Scope> SCOPE_BY_CODE = Map.of(
            "C21.0", Scope.ANAL_CANAL,
            "C21.1", Scope.ANAL_CANAL,
            "C21.2", Scope.ANAL_CANAL,
            "C21.8", Scope.ANAL_CANAL,
            "C44.5", Scope.PERIANAL_SKIN);

    private PrimarySite() {
    }

    /**
     * The scope of a cell value; empty when it is neither a valid ICD-O-3 topography code nor a
     * known term (a row error, not an out-of-scope person).
     */
    public static Optional<Scope> scopeOf(String value) {
        Matcher code = TOPOGRAPHY.matcher(value.strip());
        if (code.matches()) {
            String canonical = "C" + code.group(1) + "." + code.group(2);
            if (!IcdO3Topography.isValid(canonical)) {
                return Optional.empty();
            }
            return Optional.of(SCOPE_BY_CODE.getOrDefault(canonical, Scope.OUT_OF_SCOPE));
        }
        return Optional.ofNullable(SCOPE_BY_TERM.get(Terms.normalize(value)));
    }

    /** The code written as {@code C21.1} (upper case, with the dot), or the normalised term. */
    public static String canonical(String value) {
        Matcher code = TOPOGRAPHY.matcher(value.strip());
        if (code.matches()) {
            return "C" + code.group(1) + "." + code.group(2);
        }
        return Terms.normalize(value);
    }
}
