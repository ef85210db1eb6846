package ca.trialpath.naaccr;

import com.imsweb.naaccrxml.NaaccrXmlDictionaryUtils;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Opens one NAACCR XML file ({@code .xml}, or gzip-compressed {@code .xml.gz}) on the reading path its root element's
 * {@code specificationVersion} calls for:
 *
 * <ul>
 * <li>1.0 to 1.6 (NAACCR 14 to 23): naaccr-xml 9.0, the field's own reader, which knows those versions'
 * dictionaries;</li>
 * <li>1.7 and 1.8 (NAACCR 24 to 26): the JDK's StAX parser, because naaccr-xml 9.0 (the only version served here)
 * refuses them; the format is unchanged in what we read (flat {@code <Item naaccrId>} lists);</li>
 * <li>a 1.0-1.6 file whose base dictionary naaccr-xml 9.0 does not hold (a newer NAACCR version written with an old
 * specification number) is read with StAX too, rather than refused.</li>
 * </ul>
 *
 * Any other version, none, another root element, or XML that is not well-formed fails the file with one message.
 */
public final class NaaccrExtract {

    /** The specification versions read (naaccr.md): 1.0 to 1.8. */
    public static final List<String> SPECIFICATION_VERSIONS =
            List.of("1.0", "1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "1.7", "1.8");
    /** The last specification naaccr-xml 9.0 reads. */
    static final String LAST_LIBRARY_VERSION = "1.6";

    private NaaccrExtract() {
    }

    /** Whether a file of an input folder is read as NAACCR XML: by its name, as cohort files are by {@code .csv}. */
    public static boolean isNaaccrFile(Path file) {
        return ca.trialpath.cohort.CohortFiles.isNaaccrFile(file);
    }

    /**
     * The patients of a file, on the path its version calls for.
     *
     * @throws NaaccrFileException for a file that is not NAACCR XML of a version read
     */
    static NaaccrPatientSource open(Path file) throws IOException {
        String name = file.toString();
        StaxPatientSource root = StaxPatientSource.open(name, bytes(file));
        String version = root.specificationVersion();
        if (version == null || !SPECIFICATION_VERSIONS.contains(version)) {
            root.close();
            throw new NaaccrFileException(name, 0, 0, version == null
                    ? "<NaaccrData> has no specificationVersion attribute; NAACCR XML 1.0 to 1.8 are read"
                    : "specificationVersion \"" + ca.trialpath.cohort.CohortRowValidator.shorten(version)
                            + "\" is not one read (NAACCR XML 1.0 to 1.8, NAACCR 16 to 26)");
        }
        if (version.compareTo(LAST_LIBRARY_VERSION) > 0 || !libraryKnows(root.baseDictionaryUri())) {
            return root; // StAX goes on from the root
        }
        Charset charset = charset(root.encoding());
        root.close();
        ExtractStream stream = bytes(file);
        InputStreamReader xml = new InputStreamReader(stream, charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
        return LibraryPatientSource.open(name, xml, stream, () -> {
            try {
                return bytes(file, false);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static boolean libraryKnows(String baseDictionaryUri) {
        if (baseDictionaryUri == null) {
            return false;
        }
        try {
            return NaaccrXmlDictionaryUtils.getBaseDictionaryByUri(baseDictionaryUri) != null;
        } catch (RuntimeException unknown) {
            return false;
        }
    }

    private static Charset charset(String encoding) {
        try {
            return encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
        } catch (RuntimeException unknown) {
            return StandardCharsets.UTF_8;
        }
    }

    /**
     * The file's bytes, gunzipped when they start with the gzip magic number (whatever the name says), their SHA-256
     * taken as they are read ({@link ExtractStream#sha256}).
     */
    static ExtractStream bytes(Path file) throws IOException {
        return bytes(file, true);
    }

    /** @param digested whether to take the SHA-256 (not for a second reading, to locate an error or count) */
    static ExtractStream bytes(Path file, boolean digested) throws IOException {
        DigestedFile raw = digested ? new DigestedFile(Files.newInputStream(file)) : null;
        InputStream in = new BufferedInputStream(raw != null ? raw : Files.newInputStream(file), 64 * 1024);
        try {
            in.mark(2);
            int first = in.read();
            int second = in.read();
            in.reset();
            boolean gzip = first == 0x1f && second == 0x8b;
            if (!gzip) {
                return new ExtractStream(in, false, raw);
            }
            ExtractStream watched = new ExtractStream(in, true, null);
            // the header is read here: a damaged one is the gzip stream's fault, named so
            try {
                return new ExtractStream(new GZIPInputStream(watched, 64 * 1024), true, raw);
            } catch (IOException e) {
                throw new NaaccrFileException(file.toString(), "the gzip stream is truncated or damaged (" + e.getMessage() + ")");
            }
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }
}
