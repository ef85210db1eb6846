package ca.trialpath.naaccr;

import com.imsweb.naaccrxml.NaaccrIOException;
import com.imsweb.naaccrxml.NaaccrOptions;
import com.imsweb.naaccrxml.PatientXmlReader;
import com.imsweb.naaccrxml.entity.AbstractEntity;
import com.imsweb.naaccrxml.entity.Item;
import com.imsweb.naaccrxml.entity.Patient;
import com.imsweb.naaccrxml.entity.Tumor;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Reads NAACCR XML specification 1.0 to 1.6 (NAACCR 14 to 23) with the field's own library, naaccr-xml 9.0
 * ({@link PatientXmlReader}, one patient at a time): it knows the dictionaries of those versions and how registries
 * wrote them. Only the items of {@link ReadItem} are kept, and naaccr-xml's own value checks are off so that both
 * reading paths apply the mapping's checks alike. naaccr-xml reports lines, not columns; when it fails, the file is
 * read again with StAX to say where the XML breaks, line and column.
 */
final class LibraryPatientSource implements NaaccrPatientSource {

    private final String file;
    private final String fileName;
    private final PatientXmlReader reader;
    private final ExtractStream stream;
    private final Supplier<ExtractStream> reopen;
    private boolean closed;
    private long patientsRead;

    private LibraryPatientSource(String file, PatientXmlReader reader, ExtractStream stream,
            Supplier<ExtractStream> reopen) {
        this.file = file;
        this.fileName = Path.of(file).getFileName().toString();
        this.reader = reader;
        this.stream = stream;
        this.reopen = reopen;
    }

    /**
     * @param reopen the file's bytes from the start again, to locate an error naaccr-xml reports without a column
     */
    static LibraryPatientSource open(String file, Reader xml, ExtractStream stream, Supplier<ExtractStream> reopen)
            throws IOException {
        NaaccrOptions options = NaaccrOptions.getDefault();
        options.setValidateReadValues(false);
        options.setItemsToInclude(ReadItem.ids());
        options.setReportLevelMismatch(false);
        try {
            return new LibraryPatientSource(file, new PatientXmlReader(xml, options), stream, reopen);
        } catch (NaaccrIOException | RuntimeException e) {
            xml.close();
            throw failure(file, e, stream, reopen);
        }
    }

    @Override
    public String readingPath() {
        return "naaccr-xml 9.0";
    }

    @Override
    public String sha256() throws IOException {
        if (!closed) {
            throw new IllegalStateException("the SHA-256 is taken of a file read to its end");
        }
        return stream.sha256();
    }

    @Override
    public NaaccrPatient next() throws IOException {
        Patient patient;
        try {
            patient = reader.readPatient();
        } catch (NaaccrIOException | RuntimeException e) {
            // naaccr-xml cannot go on after a failure: the stream is in an unknown place
            throw failure(file, e, stream, reopen);
        }
        if (patient == null) {
            // naaccr-xml stops at the first element that is not a <Patient>; reading on to the end tells a file
            // read whole from one whose other patients would be lost
            try {
                closed = true;
                // naaccr-xml reads on to the end and closes the stream: the rest of the file, and its SHA-256, then
                stream.finishOnClose();
                reader.close();
            } catch (RuntimeException e) {
                throw failure(file, e, stream, reopen);
            }
            checkNoneLost();
            return null;
        }
        List<Map<String, NaaccrItem>> tumours = new ArrayList<>(patient.getTumors().size());
        for (Tumor tumor : patient.getTumors()) {
            tumours.add(items(tumor, ReadItem.Level.TUMOR));
        }
        patientsRead++;
        Integer line = patient.getStartLineNumber();
        return new NaaccrPatient(fileName, line == null ? 0 : line, items(patient, ReadItem.Level.PATIENT), tumours);
    }

    /**
     * naaccr-xml ends quietly at an element it does not expect (a second {@code <NaaccrData>} start tag, say), which
     * would lose the patients after it: the file is read once more with StAX, and a file where the two do not agree
     * fails. It costs a second parse of 1.0-1.6 files; losing a patient silently costs more.
     */
    private void checkNoneLost() {
        StaxPatientSource.Scan scan = StaxPatientSource.scan(file, reopen);
        if (scan.error() != null) {
            throw scan.error();
        }
        long patients = scan.patients();
        if (patients != patientsRead) {
            throw new NaaccrFileException(file, "naaccr-xml read " + patientsRead + " <Patient> elements but the file holds "
                    + patients + "; the file is not read rather than read in part");
        }
    }

    private static Map<String, NaaccrItem> items(AbstractEntity entity, ReadItem.Level level) {
        Map<String, NaaccrItem> items = new LinkedHashMap<>();
        for (Item item : entity.getItems()) {
            ReadItem read = ReadItem.ofId(item.getNaaccrId());
            if (read != null && read.level == level) {
                String value = item.getValue() == null ? "" : item.getValue().strip();
                Integer line = item.getStartLineNumber();
                items.put(item.getNaaccrId(), new NaaccrItem(item.getNaaccrId(), value, line == null ? 0 : line, 0));
            }
        }
        return items;
    }

    /**
     * One file-level message for whatever stopped naaccr-xml: a damaged gzip stream, else the first place StAX finds
     * the XML broken (line and column), else naaccr-xml's own words and line (a duplicate item, an unknown dictionary).
     */
    private static NaaccrFileException failure(String file, Exception e, ExtractStream stream,
            Supplier<ExtractStream> reopen) {
        if (stream.failure() != null) {
            return new NaaccrFileException(file, stream.failure());
        }
        NaaccrFileException located = StaxPatientSource.firstError(file, reopen);
        if (located != null) {
            return located;
        }
        Integer line = e instanceof NaaccrIOException io ? io.getLineNumber() : null;
        // naaccr-xml's own words name items and tags; the XML parser under it quotes the document ("seen ..."), so
        // only the former are told
        String message = e instanceof NaaccrIOException && e.getMessage() != null && !e.getMessage().contains("seen")
                ? e.getMessage() : "the XML parser stopped";
        return new NaaccrFileException(file, line == null ? 0 : line, 0,
                "not readable as NAACCR XML (" + ca.trialpath.cohort.CohortRowValidator.shorten(message) + ")");
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            reader.close();
        } catch (RuntimeException afterAFailure) {
            // naaccr-xml reads to the end on closing; after a failure that read fails too, and the failure is told
            stream.close();
        }
    }
}
