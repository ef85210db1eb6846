package ca.trialpath.guideline;

import java.util.Map;
import java.util.Optional;

/**
 * What each accepted NAACCR item 1880 code says about where the disease is (rules.md, sections 2 and 3),
 * one row per code, so the table can be held next to the spec. The code's class (local, regional,
 * distant, ...) is {@link RecurrenceType}; this adds what the v2 rules read beside it.
 *
 * @param code            the two digits
 * @param atAnus          "disease at the anus" (LR3, DM3, DM4): 10, 13-17, 30, 36, 60
 * @param nextToAnus      the code's part of "disease at or next to the anus" (LR2) beyond the anus: 20, 21, 25-27
 * @param nodesOnly       regional nodes only: 22
 * @param inSitu          the recurrence itself is in situ: 04, 06
 * @param inSituPrimary   a recurrence of an in situ primary: 16, 17, 26, 27, 36, 46
 */
public record RecurrenceCode(String code, boolean atAnus, boolean nextToAnus, boolean nodesOnly, boolean inSitu,
        boolean inSituPrimary) {

    private static final boolean Y = true;
    private static final boolean N = false;

    //                                                   code     atAnus nextTo nodes  inSitu inSituPrimary
    private static final Map<String, RecurrenceCode> TABLE = Map.ofEntries(
            row(new RecurrenceCode("00", N, N, N, N, N)),   // disease-free: no recurrence (P4)
            row(new RecurrenceCode("04", N, N, N, Y, N)),   // in situ recurrence: no options
            row(new RecurrenceCode("06", N, N, N, Y, N)),
            row(new RecurrenceCode("10", Y, N, N, N, N)),
            row(new RecurrenceCode("13", Y, N, N, N, N)),
            row(new RecurrenceCode("14", Y, N, N, N, N)),
            row(new RecurrenceCode("15", Y, N, N, N, N)),
            row(new RecurrenceCode("16", Y, N, N, N, Y)),
            row(new RecurrenceCode("17", Y, N, N, N, Y)),
            row(new RecurrenceCode("20", N, Y, N, N, N)),
            row(new RecurrenceCode("21", N, Y, N, N, N)),
            row(new RecurrenceCode("22", N, N, Y, N, N)),   // regional nodes only
            row(new RecurrenceCode("25", N, Y, N, N, N)),
            row(new RecurrenceCode("26", N, Y, N, N, Y)),
            row(new RecurrenceCode("27", N, Y, N, N, Y)),
            row(new RecurrenceCode("30", Y, N, N, N, N)),
            row(new RecurrenceCode("36", Y, N, N, N, Y)),
            row(new RecurrenceCode("40", N, N, N, N, N)),
            row(new RecurrenceCode("46", N, N, N, N, Y)),
            row(new RecurrenceCode("51", N, N, N, N, N)),
            row(new RecurrenceCode("52", N, N, N, N, N)),
            row(new RecurrenceCode("53", N, N, N, N, N)),
            row(new RecurrenceCode("54", N, N, N, N, N)),
            row(new RecurrenceCode("55", N, N, N, N, N)),
            row(new RecurrenceCode("56", N, N, N, N, N)),
            row(new RecurrenceCode("57", N, N, N, N, N)),
            row(new RecurrenceCode("58", N, N, N, N, N)),
            row(new RecurrenceCode("59", N, N, N, N, N)),
            row(new RecurrenceCode("60", Y, N, N, N, N)),   // distant with a local or regional part
            row(new RecurrenceCode("62", N, N, N, N, N)),
            row(new RecurrenceCode("70", N, N, N, N, N)),   // never disease-free: persistent disease, the sites decide
            row(new RecurrenceCode("88", N, N, N, N, N)),   // recurred, type unknown: no extent
            row(new RecurrenceCode("99", N, N, N, N, N)));  // unknown: no extent

    private static Map.Entry<String, RecurrenceCode> row(RecurrenceCode code) {
        return Map.entry(code.code(), code);
    }

    /** The row of an exact two-digit code; empty for any code item 1880 does not accept here. */
    public static Optional<RecurrenceCode> of(String code) {
        return Optional.ofNullable(code == null ? null : TABLE.get(code));
    }

    /** The code's class (local, regional, distant, ...). */
    public RecurrenceType type() {
        return RecurrenceType.ofCode(code).orElseThrow();
    }

    /** Code 70: never disease-free (persistent disease). */
    public boolean persistentDisease() {
        return code.equals("70");
    }

    /** Code 00: disease-free, no recurrence. */
    public boolean diseaseFree() {
        return code.equals("00");
    }
}
