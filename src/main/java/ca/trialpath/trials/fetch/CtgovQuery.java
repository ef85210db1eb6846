package ca.trialpath.trials.fetch;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The studies {@code fetch-trials} asks ClinicalTrials.gov for: by default anal cancer, with a site in Canada,
 * recruiting or not yet recruiting (the overall status: a study that closed is not in the answer at all).
 *
 * @param condition {@code query.cond}: the API's condition search, which also finds its synonyms
 * @param country   {@code filter.advanced=AREA[LocationCountry]...}: a site in that country (exact, not a text search)
 * @param statuses  {@code filter.overallStatus}
 * @param pageSize  studies per page (the API allows 1 to 1000)
 */
public record CtgovQuery(String condition, String country, List<String> statuses, int pageSize, String fields) {

    public static final String DEFAULT_CONDITION = "anal cancer";
    public static final String DEFAULT_COUNTRY = "Canada";
    public static final List<String> DEFAULT_STATUSES = List.of("RECRUITING", "NOT_YET_RECRUITING");
    public static final int DEFAULT_PAGE_SIZE = 100;
    /**
     * The pieces the catalogue reader and the criteria suggestions use (trials.md), by the API's piece names;
     * {@code LastUpdatePostDate} and {@code LocationGeoPoint} come back as {@code lastUpdatePostDateStruct} and
     * {@code geoPoint}.
     */
    public static final String DEFAULT_FIELDS = "NCTId,BriefTitle,OverallStatus,LastUpdatePostDate,Condition,Keyword,"
            + "Phase,Sex,MinimumAge,MaximumAge,EligibilityCriteria,LocationFacility,LocationStatus,LocationCity,"
            + "LocationState,LocationZip,LocationCountry,LocationGeoPoint,LocationContactName,LocationContactRole,"
            + "LocationContactPhone,LocationContactPhoneExt,LocationContactEMail";

    /** The API's overall statuses ({@code filter.overallStatus}). */
    public static final Set<String> STATUSES = Set.of("ACTIVE_NOT_RECRUITING", "COMPLETED", "ENROLLING_BY_INVITATION",
            "NOT_YET_RECRUITING", "RECRUITING", "SUSPENDED", "TERMINATED", "WITHDRAWN", "AVAILABLE",
            "NO_LONGER_AVAILABLE", "TEMPORARILY_NOT_AVAILABLE", "APPROVED_FOR_MARKETING", "WITHHELD", "UNKNOWN");

    public CtgovQuery {
        statuses = List.copyOf(statuses);
    }

    /** The query parameters, in the order they are sent; the same on every page but for the token. */
    public Map<String, String> parameters() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("format", "json");
        parameters.put("query.cond", condition);
        parameters.put("filter.advanced", "AREA[LocationCountry]" + country);
        parameters.put("filter.overallStatus", String.join(",", statuses));
        parameters.put("fields", fields);
        parameters.put("pageSize", String.valueOf(pageSize));
        parameters.put("countTotal", "true");
        return parameters;
    }

    /** {@code <base>/studies?...}, with {@code pageToken} for every page after the first. */
    public URI pageUri(String baseUrl, String pageToken) {
        StringBuilder uri = new StringBuilder(baseUrl).append("/studies");
        char separator = '?';
        Map<String, String> parameters = parameters();
        if (pageToken != null) {
            parameters.put("pageToken", pageToken);
        }
        for (Map.Entry<String, String> parameter : parameters.entrySet()) {
            uri.append(separator).append(encode(parameter.getKey())).append('=').append(encode(parameter.getValue()));
            separator = '&';
        }
        return URI.create(uri.toString());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
