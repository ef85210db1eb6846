package ca.trialpath.naaccr;

import java.io.Closeable;
import java.io.IOException;

/**
 * The patients of one NAACCR XML file, one at a time, whichever parser reads them: {@link LibraryPatientSource}
 * (naaccr-xml, specification 1.0 to 1.6) or {@link StaxPatientSource} (the JDK's StAX, 1.7 and later).
 */
interface NaaccrPatientSource extends Closeable {

    /**
     * The next patient, or {@code null} at the end of the file.
     *
     * @throws NaaccrFileException when the file breaks off or is not NAACCR XML from here on
     */
    NaaccrPatient next() throws IOException;

    /**
     * Once {@link #next} has given {@code null}: the SHA-256 of every byte of the file as this reading took it (in
     * hex), for the job to check against the digest the run was started for without reading the file again.
     */
    String sha256() throws IOException;

    /** Which parser reads the file, as docs and the run summary name it. */
    String readingPath();
}
