package ca.trialpath.trials;

import java.util.Locale;

/**
 * One location of a study ({@code contactsLocationsModule.locations[]}).
 *
 * @param province   the 2-letter code of a Canadian site's {@code state} (or, without a state, of its postal
 *                   code's first letter), {@code null} elsewhere or when unknown
 * @param recruiting its own {@code status} is {@code RECRUITING}, or it has none and the study recruits
 * @param status     its own recruitment status as written, upper case ({@code RECRUITING},
 *                   {@code NOT_YET_RECRUITING}, ...), {@code null} when the record gives none (completed studies
 *                   give none)
 * @param contact    the person to call about this site, {@code null} when the record names none
 * @param geoPoint   {@code null} when the record has none
 */
public record Site(String facility, String city, String state, String country, String province, boolean recruiting,
        String status, Contact contact, GeoPoint geoPoint) {

    /** A site's contact ({@code locations[].contacts[]}); any part may be {@code null}. */
    public record Contact(String name, String role, String phone, String email) {
    }

    /** {@code locations[].geoPoint}. */
    public record GeoPoint(double lat, double lon) {
    }

    /** A site known by its place and status only. */
    public Site(String facility, String city, String state, String country, String province, boolean recruiting) {
        this(facility, city, state, country, province, recruiting, null, null, null);
    }

    public boolean inCanada() {
        return country != null && country.trim().toLowerCase(Locale.ROOT).equals("canada");
    }

    /** A site where a person in Canada could be enrolled now. */
    public boolean recruitingInCanada() {
        return recruiting && inCanada();
    }
}
