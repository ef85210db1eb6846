package ca.trialpath.trials;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * ClinicalTrials.gov writes a Canadian site's province as a full name, in English or French, with or
 * without accents ({@code Québec}, {@code Quebec}); the cohort uses the 2-letter code (cohort-csv.md).
 */
public final class ProvinceNames {

    private static final Map<String, String> CODES = new HashMap<>();

    static {
        add("AB", "Alberta");
        add("BC", "British Columbia", "Colombie-Britannique");
        add("MB", "Manitoba");
        add("NB", "New Brunswick", "Nouveau-Brunswick");
        add("NL", "Newfoundland and Labrador", "Newfoundland", "Labrador", "Terre-Neuve-et-Labrador", "Terre-Neuve");
        add("NS", "Nova Scotia", "Nouvelle-Écosse");
        add("NT", "Northwest Territories", "Territoires du Nord-Ouest");
        add("NU", "Nunavut");
        add("ON", "Ontario");
        add("PE", "Prince Edward Island", "Île-du-Prince-Édouard");
        add("QC", "Quebec", "Québec", "Province of Quebec");
        add("SK", "Saskatchewan");
        add("YT", "Yukon", "Yukon Territory", "Territoire du Yukon");
    }

    private ProvinceNames() {
    }

    private static void add(String code, String... names) {
        CODES.put(key(code), code);
        for (String name : names) {
            CODES.put(key(name), code);
        }
    }

    /** The 2-letter code of a province or territory name (or of its code), or {@code null} when unknown. */
    public static String codeOf(String name) {
        return name == null ? null : CODES.get(key(name));
    }

    /**
     * The province of a Canadian postal code, from its first letter (Canada Post's forward sortation areas),
     * for a site whose record gives no state; {@code null} when it is not a Canadian postal code. X is both
     * Northwest Territories and Nunavut, so it gives {@code null}.
     */
    public static String codeOfPostalCode(String zip) {
        if (zip == null || !zip.trim().toUpperCase(Locale.ROOT).matches("[A-Z]\\d[A-Z]( ?\\d[A-Z]\\d)?")) {
            return null;
        }
        return switch (Character.toUpperCase(zip.trim().charAt(0))) {
            case 'A' -> "NL";
            case 'B' -> "NS";
            case 'C' -> "PE";
            case 'E' -> "NB";
            case 'G', 'H', 'J' -> "QC";
            case 'K', 'L', 'M', 'N', 'P' -> "ON";
            case 'R' -> "MB";
            case 'S' -> "SK";
            case 'T' -> "AB";
            case 'V' -> "BC";
            case 'Y' -> "YT";
            default -> null;
        };
    }

    /** Accents, case, hyphens, dots, {@code &} and spaces of any kind (a no-break space too) do not distinguish names: "Île-du-Prince-Édouard" = "ile du prince edouard". */
    private static String key(String name) {
        String plain = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.toLowerCase(Locale.ROOT).replace("&", " and ").replaceAll("[\\s\\p{Z}\\-.'’]+", " ").trim();
    }
}
