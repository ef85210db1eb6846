package ca.trialpath.naaccr;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The NAACCR items the mapping reads (naaccr.md, "Items read"), by item number, XML id and level; all others are ignored. */
enum ReadItem {
    PATIENT_ID_NUMBER(20, "patientIdNumber", Level.PATIENT),
    ADDR_AT_DX_STATE(80, "addrAtDxState", Level.TUMOR),
    SEX(220, "sex", Level.PATIENT),
    SEX_ASSIGNED_AT_BIRTH(225, "sexAssignedAtBirth", Level.PATIENT),
    DATE_OF_BIRTH(240, "dateOfBirth", Level.PATIENT),
    DATE_OF_DIAGNOSIS(390, "dateOfDiagnosis", Level.TUMOR),
    PRIMARY_SITE(400, "primarySite", Level.TUMOR),
    HISTOLOGIC_TYPE(522, "histologicTypeIcdO3", Level.TUMOR),
    BEHAVIOR_CODE(523, "behaviorCodeIcdO3", Level.TUMOR),
    RX_SUMM_SURG_PRIM_SITE(1290, "rxSummSurgPrimSite", Level.TUMOR),
    RX_SUMM_SURG_PRIM_SITE_2023(1291, "rxSummSurgPrimSite2023", Level.TUMOR),
    RX_SUMM_RADIATION(1360, "rxSummRadiation", Level.TUMOR),
    RX_SUMM_CHEMO(1390, "rxSummChemo", Level.TUMOR),
    RECURRENCE_DATE_1ST(1860, "recurrenceDate1st", Level.TUMOR),
    RECURRENCE_TYPE_1ST(1880, "recurrenceType1st", Level.TUMOR);

    enum Level { PATIENT, TUMOR }

    private static final Map<String, ReadItem> BY_ID =
            Arrays.stream(values()).collect(Collectors.toMap(ReadItem::id, Function.identity()));

    final int number;
    final String id;
    final Level level;

    ReadItem(int number, String id, Level level) {
        this.number = number;
        this.id = id;
        this.level = level;
    }

    String id() {
        return id;
    }

    /** The item of an XML id, or {@code null} for one the mapping ignores. */
    static ReadItem ofId(String naaccrId) {
        return BY_ID.get(naaccrId);
    }

    static List<String> ids() {
        return Arrays.stream(values()).map(ReadItem::id).toList();
    }

    /** "item 400 primarySite", as messages name an item. */
    String named() {
        return "item " + number + " " + id;
    }
}
