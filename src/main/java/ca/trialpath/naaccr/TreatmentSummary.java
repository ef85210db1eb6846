package ca.trialpath.naaccr;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The first course of treatment of a tumour, from the registry's treatment summary items, as {@code prior_treatments}
 * terms (naaccr.md). Codes from the NAACCR Data Standards and Data Dictionary:
 *
 * <table>
 * <caption>codes read as given, none and unknown</caption>
 * <tr><th>item</th><th>given</th><th>none</th><th>unknown</th></tr>
 * <tr><td>1290 rxSummSurgPrimSite</td><td>10-90</td><td>00</td><td>98, 99</td></tr>
 * <tr><td>1291 rxSummSurgPrimSite2023</td><td>A100-A900, B100-B900 (letter, 3 digits)</td><td>A000, B000</td>
 * <td>A980, A990, B980, B990</td></tr>
 * <tr><td>1360 rxSummRadiation</td><td>1-5</td><td>0, 7</td><td>8, 9</td></tr>
 * <tr><td>1390 rxSummChemo</td><td>01-03</td><td>00, 82, 85, 86, 87</td><td>88, 99</td></tr>
 * </table>
 *
 * @param noneGiven every treatment is known and none was given
 */
record TreatmentSummary(boolean surgery, boolean radiation, boolean chemotherapy, boolean noneGiven) {

    private enum Status { GIVEN, NONE, UNKNOWN }

    static TreatmentSummary of(Map<String, NaaccrItem> tumour, NaaccrMapping.Problems problems) {
        Status surgery = combine(surgery(tumour, problems), surgery2023(tumour, problems));
        Status radiation = radiation(tumour, problems);
        Status chemo = chemo(tumour, problems);
        boolean noneGiven = surgery == Status.NONE && radiation == Status.NONE && chemo == Status.NONE;
        return new TreatmentSummary(surgery == Status.GIVEN, radiation == Status.GIVEN, chemo == Status.GIVEN, noneGiven);
    }

    /**
     * The {@code prior_treatments} terms: radiation and chemotherapy both given are {@code chemoradiation}, the
     * first-course standard for anal cancer being concurrent. A treatment given is listed even when another is
     * unknown: it is a fact the options depend on.
     */
    List<String> terms() {
        List<String> terms = new ArrayList<>();
        if (surgery) {
            terms.add("surgery");
        }
        if (radiation && chemotherapy) {
            terms.add("chemoradiation");
        } else if (radiation) {
            terms.add("radiation");
        } else if (chemotherapy) {
            terms.add("chemotherapy");
        }
        return terms;
    }

    /** 1290 before 2023, 1291 from 2023: a tumour holds one or the other; given if either says so. */
    private static Status combine(Status before2023, Status from2023) {
        if (before2023 == Status.GIVEN || from2023 == Status.GIVEN) {
            return Status.GIVEN;
        }
        if (before2023 == Status.NONE || from2023 == Status.NONE) {
            return Status.NONE;
        }
        return Status.UNKNOWN;
    }

    private static Status surgery(Map<String, NaaccrItem> tumour, NaaccrMapping.Problems problems) {
        NaaccrItem item = tumour.get(ReadItem.RX_SUMM_SURG_PRIM_SITE.id);
        if (item == null || item.value().isEmpty()) {
            return Status.UNKNOWN;
        }
        String code = item.value();
        if (code.length() == 2 && isDigits(code)) {
            int n = Integer.parseInt(code);
            if (n == 0) {
                return Status.NONE;
            }
            if (n >= 10 && n <= 90) {
                return Status.GIVEN;
            }
            if (n == 98 || n == 99) {
                return Status.UNKNOWN;
            }
        }
        problems.invalid(ReadItem.RX_SUMM_SURG_PRIM_SITE, item, "is not a surgery code (00, 10-90, 98, 99)");
        return Status.UNKNOWN;
    }

    private static Status surgery2023(Map<String, NaaccrItem> tumour, NaaccrMapping.Problems problems) {
        NaaccrItem item = tumour.get(ReadItem.RX_SUMM_SURG_PRIM_SITE_2023.id);
        if (item == null || item.value().isEmpty()) {
            return Status.UNKNOWN;
        }
        String code = item.value();
        if (code.length() == 4 && (code.charAt(0) == 'A' || code.charAt(0) == 'B') && isDigits(code.substring(1))) {
            int n = Integer.parseInt(code.substring(1));
            if (n == 0) {
                return Status.NONE;
            }
            if (n >= 100 && n <= 900) {
                return Status.GIVEN;
            }
            if (n == 980 || n == 990) {
                return Status.UNKNOWN;
            }
        }
        problems.invalid(ReadItem.RX_SUMM_SURG_PRIM_SITE_2023, item,
                "is not a 2023 surgery code (A or B and 000, 100-900, 980, 990)");
        return Status.UNKNOWN;
    }

    private static Status radiation(Map<String, NaaccrItem> tumour, NaaccrMapping.Problems problems) {
        NaaccrItem item = tumour.get(ReadItem.RX_SUMM_RADIATION.id);
        if (item == null || item.value().isEmpty()) {
            return Status.UNKNOWN;
        }
        switch (item.value()) {
            case "1", "2", "3", "4", "5":
                return Status.GIVEN;
            case "0", "7":
                return Status.NONE;
            case "8", "9":
                return Status.UNKNOWN;
            default:
                problems.invalid(ReadItem.RX_SUMM_RADIATION, item, "is not a radiation code (0-5, 7, 8, 9)");
                return Status.UNKNOWN;
        }
    }

    private static Status chemo(Map<String, NaaccrItem> tumour, NaaccrMapping.Problems problems) {
        NaaccrItem item = tumour.get(ReadItem.RX_SUMM_CHEMO.id);
        if (item == null || item.value().isEmpty()) {
            return Status.UNKNOWN;
        }
        switch (item.value()) {
            case "01", "02", "03":
                return Status.GIVEN;
            case "00", "82", "85", "86", "87":
                return Status.NONE;
            case "88", "99":
                return Status.UNKNOWN;
            default:
                problems.invalid(ReadItem.RX_SUMM_CHEMO, item, "is not a chemotherapy code (00-03, 82, 85-88, 99)");
                return Status.UNKNOWN;
        }
    }

    private static boolean isDigits(String value) {
        return !value.isEmpty() && value.chars().allMatch(c -> c >= '0' && c <= '9');
    }
}
