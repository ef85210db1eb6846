package ca.trialpath.trials;

import java.util.Locale;

/**
 * One location of a study ({@code contactsLocationsModule.locations[]}).
 *
 * @param province the 2-letter code of a Canadian site's {@code state}, {@code null} elsewhere or when unknown
 * @param recruiting its own {@code status} is {@code RECRUITING}, or it has none and the study recruits
 */
public record Site(String facility, String city, String state, String country, String province, boolean recruiting) {

    public boolean inCanada() {
        return country != null && country.trim().toLowerCase(Locale.ROOT).equals("canada");
    }

    /** A site where a person in Canada could be enrolled now. */
    public boolean recruitingInCanada() {
        return recruiting && inCanada();
    }
}
