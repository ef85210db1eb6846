package ca.trialpath.bench;

import ca.trialpath.cohort.CohortRowValidator;
import ca.trialpath.cohort.PatientRecord;
import ca.trialpath.guideline.PriorTreatment;
import ca.trialpath.naaccr.NaaccrCohortReader;
import ca.trialpath.naaccr.NaaccrSupplement;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;

/**
 * The people of a NAACCR XML extract (with its supplement) as one cohort CSV file, for bench/naaccr.sh to compare
 * the two inputs: a patient with an anal tumour is the row the job builds from the registry and the supplement;
 * any other patient the row of its first tumour (which the job then assesses as out of scope), since a cohort CSV
 * has no "not in scope" and every row is assessed.
 *
 * <pre>
 * java -cp target/test-classes:target/classes:DEPS ca.trialpath.bench.RegistryAsCohortCsv EXTRACT SUPPLEMENT OUT.csv
 * java -cp ... ca.trialpath.bench.RegistryAsCohortCsv --read EXTRACT SUPPLEMENT     (the time of reading it, alone)
 * </pre>
 */
public final class RegistryAsCohortCsv {

    private static final String HEADER = "patient_id,birth_date,sex,province,primary_site,histology,recurrence_date,"
            + "recurrence_type,recurrence_sites,prior_treatments,surgery_possible,symptoms,ecog,treatment_wish";

    private RegistryAsCohortCsv() {
    }

    /** The first tumour's site and the patient's id, in file order, read with StAX. */
    record Plain(String id, String birthDate, String site) {
    }

    public static long write(Path extract, Path supplement, Path out) throws Exception {
        LocalDate runDate = LocalDate.of(2026, 11, 27);
        NaaccrSupplement joined = supplement == null ? null : NaaccrSupplement.read(supplement, true);
        long rows = 0;
        try (NaaccrCohortReader reader = NaaccrCohortReader.open(extract, new CohortRowValidator(runDate), true, joined);
                InputStream in = open(extract);
                BufferedWriter csv = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            XMLInputFactory factory = XMLInputFactory.newFactory();
            factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
            XMLStreamReader xml = factory.createXMLStreamReader(in, "UTF-8");
            csv.write(HEADER + "\n");
            for (var outcome = reader.next(); outcome != null; outcome = reader.next()) {
                Plain plain = nextPatient(xml);
                if (outcome instanceof NaaccrCohortReader.Assessed assessed) {
                    csv.write(row(assessed.record()));
                } else {
                    String site = plain.site().length() == 4 ? plain.site().substring(0, 3) + "." + plain.site().substring(3)
                            : plain.site();
                    csv.write(plain.id() + "," + iso(plain.birthDate()) + ",,," + site + ",,,,,,,,,\n");
                }
                rows++;
            }
        }
        return rows;
    }

    private static String iso(String naaccrDate) {
        return naaccrDate.length() == 8 ? naaccrDate.substring(0, 4) + "-" + naaccrDate.substring(4, 6) + "-"
                + naaccrDate.substring(6) : "";
    }

    private static InputStream open(Path file) throws IOException {
        InputStream in = new java.io.BufferedInputStream(Files.newInputStream(file), 1 << 16);
        return file.toString().endsWith(".gz") ? new GZIPInputStream(in, 1 << 16) : in;
    }

    private static Plain nextPatient(XMLStreamReader xml) throws Exception {
        String id = "";
        String birth = "";
        String site = null;
        String item = null;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("Item")) {
                item = xml.getAttributeValue(null, "naaccrId");
                String text = xml.getElementText().strip();
                switch (item) {
                    case "patientIdNumber" -> id = text;
                    case "dateOfBirth" -> birth = text;
                    case "primarySite" -> site = site == null ? text : site;
                    default -> { }
                }
            } else if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("Patient")) {
                return new Plain(id, birth, site == null ? "" : site);
            }
        }
        throw new IllegalStateException("fewer <Patient> than the reader read");
    }

    private static String row(PatientRecord r) {
        List<String> cells = new ArrayList<>();
        cells.add(r.patientId());
        cells.add(r.birthDate() == null ? "" : r.birthDate().toString());
        cells.add(nullToEmpty(r.sex()));
        cells.add(nullToEmpty(r.province()));
        cells.add(r.primarySite());
        cells.add(nullToEmpty(r.histology()));
        cells.add(r.recurrenceDate() == null ? "" : r.recurrenceDate().toString());
        cells.add(nullToEmpty(r.recurrenceTypeCode()));
        cells.add(String.join(";", r.recurrenceSites()));
        cells.add(r.priorTreatments().stream().map(PriorTreatment::term).collect(Collectors.joining(";")));
        cells.add(r.surgeryPossible() == null ? "" : r.surgeryPossible().term());
        cells.add(String.join(";", r.symptoms()));
        cells.add(r.ecog() == null ? "" : r.ecog().toString());
        cells.add(r.treatmentWish() == null ? "" : r.treatmentWish().term());
        return cells.stream().map(c -> c.contains(",") || c.contains("\"") ? "\"" + c.replace("\"", "\"\"") + "\"" : c)
                .collect(Collectors.joining(",")) + "\n";
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    /** Reads the extract once with the job's reader and nothing else: the time of reading it. */
    static long count(Path extract, Path supplement) throws Exception {
        NaaccrSupplement joined = supplement == null ? null : NaaccrSupplement.read(supplement, true);
        long patients = 0;
        try (NaaccrCohortReader reader = NaaccrCohortReader.open(extract,
                new CohortRowValidator(LocalDate.of(2026, 11, 27)), true, joined)) {
            while (reader.next() != null) {
                patients++;
            }
        }
        return patients;
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 3 && args[0].equals("--read")) {
            long started = System.nanoTime();
            long patients = count(Path.of(args[1]), args[2].equals("-") ? null : Path.of(args[2]));
            System.out.printf("read %d patients in %.2f s%n", patients, (System.nanoTime() - started) / 1e9);
            return;
        }
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: RegistryAsCohortCsv EXTRACT SUPPLEMENT|- OUT.csv");
        }
        long rows = write(Path.of(args[0]), args[1].equals("-") ? null : Path.of(args[1]), Path.of(args[2]));
        System.out.println(rows + " rows written to " + args[2]);
    }
}
