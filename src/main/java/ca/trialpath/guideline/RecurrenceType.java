package ca.trialpath.guideline;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * NAACCR item 1880 "Recurrence Type--1st": the accepted codes (cohort-csv.md) and what each says
 * about extent (rules.md, section 2). What a single code adds beside its class is {@link RecurrenceCode}. Codes not listed here (23, 24, 41, 61, ...) are row errors.
 */
public enum RecurrenceType {
    DISEASE_FREE("00"),
    LOCAL("04", "06", "10", "13", "14", "15", "16", "17"),
    REGIONAL("20", "21", "22", "25", "26", "27"),
    LOCAL_AND_REGIONAL("30", "36"),
    DISTANT("40", "46", "51", "52", "53", "54", "55", "56", "57", "58", "59", "62"),
    /** Code 60: one distant site and a local or regional recurrence. */
    DISTANT_WITH_LOCAL_PART("60"),
    NEVER_DISEASE_FREE("70"),
    RECURRED_TYPE_UNKNOWN("88"),
    UNKNOWN("99");

    private static final Map<String, RecurrenceType> BY_CODE = Arrays.stream(values())
            .flatMap(type -> Arrays.stream(type.codes).map(code -> Map.entry(code, type)))
            .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));

    private final String[] codes;

    RecurrenceType(String... codes) {
        this.codes = codes;
    }

    /** The class of an exact two-digit code; empty for any code item 1880 does not accept here. */
    public static Optional<RecurrenceType> ofCode(String code) {
        return Optional.ofNullable(BY_CODE.get(code));
    }

    /**
     * Code 00: the registry says there is no recurrence. (Code 70, never disease-free, is persistent disease
     * since rules v2: it says nothing of where the disease is, and the sites decide.)
     */
    public boolean meansNoRecurrence() {
        return this == DISEASE_FREE;
    }

    /** Codes 40-62. */
    public boolean isDistant() {
        return this == DISTANT || this == DISTANT_WITH_LOCAL_PART;
    }

    /** Codes 04-36: local and/or regional, nothing distant. */
    public boolean isLocalOrRegional() {
        return this == LOCAL || this == REGIONAL || this == LOCAL_AND_REGIONAL;
    }

    /** Codes 20-36: the regional part that makes a local recurrence locoregional. */
    public boolean isRegional() {
        return this == REGIONAL || this == LOCAL_AND_REGIONAL;
    }
}
