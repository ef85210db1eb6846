package ca.trialpath.guideline;

import java.util.Map;

/**
 * The ICD-O-3 topography codes (WHO, 3rd edition, C00.0-C80.9), so that a mistyped code such as
 * {@code C21.5} or {@code C35.0} is rejected as an invalid value instead of being taken as a real
 * site outside the guideline's scope.
 */
final class IcdO3Topography {

    /** Three-character category to the fourth characters it has. */
    private static final Map<String, String> SUBSITES = Map.ofEntries(
            Map.entry("C00", "012345689"), Map.entry("C01", "9"), Map.entry("C02", "0123489"),
            Map.entry("C03", "019"), Map.entry("C04", "0189"), Map.entry("C05", "01289"),
            Map.entry("C06", "01289"), Map.entry("C07", "9"), Map.entry("C08", "0189"),
            Map.entry("C09", "0189"), Map.entry("C10", "0123489"), Map.entry("C11", "012389"),
            Map.entry("C12", "9"), Map.entry("C13", "01289"), Map.entry("C14", "028"),
            Map.entry("C15", "01234589"), Map.entry("C16", "012345689"), Map.entry("C17", "012389"),
            Map.entry("C18", "0123456789"), Map.entry("C19", "9"), Map.entry("C20", "9"),
            Map.entry("C21", "0128"), Map.entry("C22", "01"), Map.entry("C23", "9"),
            Map.entry("C24", "0189"), Map.entry("C25", "01234789"), Map.entry("C26", "089"),
            Map.entry("C30", "01"), Map.entry("C31", "012389"), Map.entry("C32", "012389"),
            Map.entry("C33", "9"), Map.entry("C34", "012389"), Map.entry("C37", "9"),
            Map.entry("C38", "012348"), Map.entry("C39", "089"), Map.entry("C40", "012389"),
            Map.entry("C41", "0123489"), Map.entry("C42", "01234"), Map.entry("C44", "0123456789"),
            Map.entry("C47", "012345689"), Map.entry("C48", "0128"), Map.entry("C49", "012345689"),
            Map.entry("C50", "012345689"), Map.entry("C51", "01289"), Map.entry("C52", "9"),
            Map.entry("C53", "0189"), Map.entry("C54", "012389"), Map.entry("C55", "9"),
            Map.entry("C56", "9"), Map.entry("C57", "01234789"), Map.entry("C58", "9"),
            Map.entry("C60", "01289"), Map.entry("C61", "9"), Map.entry("C62", "019"),
            Map.entry("C63", "012789"), Map.entry("C64", "9"), Map.entry("C65", "9"),
            Map.entry("C66", "9"), Map.entry("C67", "0123456789"), Map.entry("C68", "0189"),
            Map.entry("C69", "012345689"), Map.entry("C70", "019"), Map.entry("C71", "0123456789"),
            Map.entry("C72", "01234589"), Map.entry("C73", "9"), Map.entry("C74", "019"),
            Map.entry("C75", "01234589"), Map.entry("C76", "01234578"), Map.entry("C77", "01234589"),
            Map.entry("C80", "9"));

    private IcdO3Topography() {
    }

    /** {@code code} is in the canonical form {@code Cnn.n}. */
    static boolean isValid(String code) {
        String subsites = SUBSITES.get(code.substring(0, 3));
        return subsites != null && subsites.indexOf(code.charAt(4)) >= 0;
    }
}
