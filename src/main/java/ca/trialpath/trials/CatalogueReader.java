package ca.trialpath.trials;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Streams a ClinicalTrials.gov API v2 catalogue: a single study, a page {@code {"studies": [...]}}, or an
 * array of studies, in one file or a folder of {@code *.json} files (file-name order). Only one study is in
 * memory at a time, so a catalogue of thousands of studies is read in constant space.
 *
 * <p>One reader reads one run's catalogue: it remembers the NCT ids it has seen, to skip duplicates.
 */
public final class CatalogueReader {

    /** What the reader found, entry by entry, in catalogue order. */
    public interface Visitor {
        void study(Study study);

        void skipped(SkipReason reason, String file, String detail);
    }

    static final Pattern NCT_ID = Pattern.compile("NCT\\d{8}");
    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    /** A date to the day, month or year, as ClinicalTrials.gov gives {@code lastUpdatePostDateStruct.date}. */
    private static final Pattern PARTIAL_DATE = Pattern.compile("\\d{4}(-\\d{2}(-\\d{2})?)?");

    private final Set<String> seen = new HashSet<>();

    /**
     * The files of a {@code trials=} path: the file itself, or every {@code *.json} of the folder (not
     * sub-folders) in file-name order, except the download record and criteria suggestions that
     * {@code fetch-trials} writes beside the pages.
     *
     * @throws IllegalArgumentException when it is missing, unreadable or a folder without JSON files
     */
    public static List<Path> resolve(Path trials) {
        if (!Files.exists(trials)) {
            throw new IllegalArgumentException("trials " + trials + " does not exist");
        }
        if (!Files.isReadable(trials)) {
            throw new IllegalArgumentException("trials " + trials + " is not readable");
        }
        if (Files.isRegularFile(trials)) {
            return List.of(trials.toAbsolutePath().normalize());
        }
        try (Stream<Path> entries = Files.list(trials)) {
            List<Path> files = entries.filter(Files::isRegularFile)
                    .filter(path -> path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json"))
                    .filter(path -> !TrialFiles.isNotAPage(path))
                    .map(path -> path.toAbsolutePath().normalize())
                    .sorted(Comparator.comparing(path -> path.getFileName().toString()))
                    .toList();
            if (files.isEmpty()) {
                throw new IllegalArgumentException("trials folder " + trials + " holds no *.json file");
            }
            for (Path file : files) {
                if (!Files.isReadable(file)) {
                    throw new IllegalArgumentException("trials " + file + " is not readable");
                }
            }
            return files;
        } catch (IOException e) {
            throw new IllegalArgumentException("trials folder " + trials + " cannot be listed: " + e.getMessage());
        }
    }

    /**
     * Reads one file, entry by entry.
     *
     * @throws CatalogueException when it is not valid JSON, naming the file, line and column
     */
    public void read(Path file, Visitor visitor) throws IOException {
        String name = file.getFileName().toString();
        try (InputStream in = Files.newInputStream(file); JsonParser parser = MAPPER.createParser(in)) {
            try {
                JsonToken root = parser.nextToken();
                if (root == null) {
                    throw new CatalogueException("trials file " + file + " is empty: it holds no JSON value");
                }
                if (root == JsonToken.START_ARRAY) {
                    readArray(parser, name, visitor);
                } else if (root == JsonToken.START_OBJECT) {
                    readObject(parser, name, visitor);
                } else {
                    visitor.skipped(SkipReason.NOT_A_STUDY, name, "the file holds a single " + root + " value");
                }
                JsonToken after = parser.nextToken();
                if (after != null) {
                    throw new CatalogueException("trials file " + file + " is not valid JSON at " + where(parser.currentLocation())
                            + ": more content after the first JSON value");
                }
            } catch (JacksonException e) {
                TokenStreamLocation location = e.getLocation() != null ? e.getLocation() : parser.currentLocation();
                throw new CatalogueException("trials file " + file + " is not valid JSON at " + where(location) + ": "
                        + firstLine(e.getOriginalMessage()), e);
            }
        }
    }

    private void readArray(JsonParser parser, String file, Visitor visitor) {
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            entry(parser.readValueAsTree(), file, visitor);
        }
    }

    /**
     * An object is a page when it has {@code studies}, which is then streamed; otherwise it is one study,
     * whose modules are gathered (one study is small).
     */
    private void readObject(JsonParser parser, String file, Visitor visitor) {
        ObjectNode single = MAPPER.createObjectNode();
        boolean page = false;
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String property = parser.currentName();
            JsonToken value = parser.nextToken();
            if (property.equals("studies")) {
                page = true;
                if (value == JsonToken.START_ARRAY) {
                    readArray(parser, file, visitor);
                } else {
                    parser.skipChildren();
                    visitor.skipped(SkipReason.NOT_A_STUDY, file, "'studies' is not an array");
                }
            } else if (page) {
                parser.skipChildren();
            } else {
                single.set(property, (JsonNode) parser.readValueAsTree());
            }
        }
        if (!page) {
            entry(single, file, visitor);
        }
    }

    private void entry(JsonNode node, String file, Visitor visitor) {
        if (node == null || !node.isObject() || !node.path("protocolSection").isObject()) {
            visitor.skipped(SkipReason.NOT_A_STUDY, file, "an entry without protocolSection");
            return;
        }
        JsonNode protocol = node.path("protocolSection");
        String nctId = text(protocol.path("identificationModule").path("nctId"));
        if (nctId == null || nctId.isBlank()) {
            visitor.skipped(SkipReason.NO_NCT_ID, file, "a study without nctId");
            return;
        }
        nctId = nctId.trim();
        if (!NCT_ID.matcher(nctId).matches()) {
            visitor.skipped(SkipReason.INVALID_NCT_ID, file, "nctId '" + nctId + "'");
            return;
        }
        if (seen.contains(nctId)) {
            visitor.skipped(SkipReason.DUPLICATE_NCT_ID, file, nctId + " was read before; the first is kept");
            return;
        }
        JsonNode eligibility = protocol.path("eligibilityModule");
        EligibleAge minimum;
        EligibleAge maximum;
        try {
            minimum = EligibleAge.parse(text(eligibility.path("minimumAge")));
            maximum = EligibleAge.parse(text(eligibility.path("maximumAge")));
        } catch (IllegalArgumentException e) {
            seen.add(nctId);
            visitor.skipped(SkipReason.INVALID_AGE, file, nctId + ": " + e.getMessage());
            return;
        }
        String sex = text(eligibility.path("sex"));
        sex = sex == null || sex.isBlank() ? "ALL" : sex.trim().toUpperCase(Locale.ROOT);
        if (!Set.of("ALL", "FEMALE", "MALE").contains(sex)) {
            seen.add(nctId);
            visitor.skipped(SkipReason.INVALID_SEX, file, nctId + ": sex '" + sex + "'");
            return;
        }
        seen.add(nctId);
        String status = text(protocol.path("statusModule").path("overallStatus"));
        status = status == null ? null : status.trim().toUpperCase(Locale.ROOT);
        boolean studyRecruits = "RECRUITING".equals(status);
        List<Site> sites = new ArrayList<>();
        for (JsonNode location : protocol.path("contactsLocationsModule").path("locations").values()) {
            sites.add(site(location, studyRecruits));
        }
        visitor.study(new Study(nctId, text(protocol.path("identificationModule").path("briefTitle")), status,
                texts(protocol.path("conditionsModule").path("conditions")),
                texts(protocol.path("conditionsModule").path("keywords")),
                texts(protocol.path("designModule").path("phases")).stream()
                        .map(phase -> phase.trim().toUpperCase(Locale.ROOT)).toList(),
                sex, minimum, maximum, sites,
                partialDate(text(protocol.path("statusModule").path("lastUpdatePostDateStruct").path("date")))));
    }

    /**
     * One location as real records give it: the status is often missing (always, once a study is completed),
     * the state may be missing or a full name, the geoPoint and contacts are optional.
     */
    private static Site site(JsonNode location, boolean studyRecruits) {
        String state = text(location.path("state"));
        String country = text(location.path("country"));
        String siteStatus = text(location.path("status"));
        siteStatus = siteStatus == null || siteStatus.isBlank() ? null : siteStatus.trim().toUpperCase(Locale.ROOT);
        boolean recruiting = siteStatus == null ? studyRecruits : siteStatus.equals("RECRUITING");
        Site site = new Site(text(location.path("facility")), text(location.path("city")), state, country, null,
                recruiting, siteStatus, contact(location.path("contacts")), geoPoint(location.path("geoPoint")));
        if (!site.inCanada()) {
            return site;
        }
        String province = ProvinceNames.codeOf(state);
        if (province == null && (state == null || state.isBlank())) {
            province = ProvinceNames.codeOfPostalCode(text(location.path("zip")));
        }
        return new Site(site.facility(), site.city(), state, country, province, recruiting, siteStatus, site.contact(),
                site.geoPoint());
    }

    /** The site's contact: the first of role {@code CONTACT}, else the first with a phone or e-mail, else none. */
    private static Site.Contact contact(JsonNode contacts) {
        Site.Contact reachable = null;
        for (JsonNode node : contacts.values()) {
            Site.Contact contact = new Site.Contact(blankToNull(text(node.path("name"))), blankToNull(text(node.path("role"))),
                    phone(node), blankToNull(text(node.path("email"))));
            if ("CONTACT".equalsIgnoreCase(contact.role()) && (contact.phone() != null || contact.email() != null)) {
                return contact;
            }
            if (reachable == null && (contact.phone() != null || contact.email() != null)) {
                reachable = contact;
            }
        }
        return reachable;
    }

    private static String phone(JsonNode contact) {
        String phone = blankToNull(text(contact.path("phone")));
        String ext = blankToNull(text(contact.path("phoneExt")));
        return phone == null ? null : ext == null ? phone : phone + " ext. " + ext;
    }

    private static Site.GeoPoint geoPoint(JsonNode node) {
        JsonNode lat = node.path("lat");
        JsonNode lon = node.path("lon");
        return lat.isNumber() && lon.isNumber() ? new Site.GeoPoint(lat.asDouble(), lon.asDouble()) : null;
    }

    /** A date as ClinicalTrials.gov writes it, to the day, month or year; {@code null} for anything else. */
    static String partialDate(String value) {
        return value != null && PARTIAL_DATE.matcher(value.trim()).matches() ? value.trim() : null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** A scalar as text; {@code null} for a missing, null or structured value. */
    private static String text(JsonNode node) {
        return node == null || !node.isValueNode() || node.isNull() ? null : node.asString();
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        if (array.isArray()) {
            for (JsonNode value : array.values()) {
                String text = text(value);
                if (text != null && !text.isBlank()) {
                    values.add(text.trim());
                }
            }
        }
        return values;
    }

    static String where(TokenStreamLocation location) {
        return location == null ? "an unknown position" : "line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}
