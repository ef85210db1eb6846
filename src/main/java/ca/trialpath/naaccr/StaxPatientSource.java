package ca.trialpath.naaccr;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ca.trialpath.cohort.CohortRowValidator;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads NAACCR XML with the JDK's StAX parser: every specification from 1.7 on (NAACCR 24+), which naaccr-xml 9.0
 * refuses, and also the root element of every file, to choose the path. The format is a flat list of
 * {@code <Item naaccrId="...">} under {@code <NaaccrData>}, {@code <Patient>} and {@code <Tumor>}; extension
 * elements of other namespaces are skipped. DTDs and external entities are off: an extract is data, never a
 * reason to open another file or a URL.
 */
final class StaxPatientSource implements NaaccrPatientSource {

    static final String NAMESPACE = "http://naaccr.org/naaccrxml";

    private final String file;
    private final String fileName;
    private final InputStream in;
    private final XMLStreamReader xml;
    private final String specificationVersion;
    private final String baseDictionaryUri;
    private final String encoding;
    private boolean finished;

    private StaxPatientSource(String file, InputStream in, XMLStreamReader xml, String specificationVersion,
            String baseDictionaryUri, String encoding) {
        this.file = file;
        this.fileName = java.nio.file.Path.of(file).getFileName().toString();
        this.in = in;
        this.xml = xml;
        this.specificationVersion = specificationVersion;
        this.baseDictionaryUri = baseDictionaryUri;
        this.encoding = encoding;
    }

    /** An input factory that neither reads a DTD nor resolves an entity outside the document. */
    static XMLInputFactory safeFactory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        return factory;
    }

    /**
     * Opens a file at its root element and checks that it is {@code <NaaccrData>}; the caller checks the version.
     *
     * @param file the path as file-level messages name it
     */
    static StaxPatientSource open(String file, InputStream in) throws IOException {
        try {
            XMLStreamReader xml = safeFactory().createXMLStreamReader(in);
            while (xml.next() != XMLStreamConstants.START_ELEMENT) {
                // prolog: declaration, comments, processing instructions
            }
            if (!"NaaccrData".equals(xml.getLocalName()) || !isNaaccr(xml.getNamespaceURI())) {
                Location at = xml.getLocation();
                throw new NaaccrFileException(file, at.getLineNumber(), at.getColumnNumber(),
                        "the root element is <" + xml.getLocalName() + "> (namespace "
                                + (xml.getNamespaceURI() == null ? "none" : xml.getNamespaceURI())
                                + "), not NAACCR XML's <NaaccrData> (namespace " + NAMESPACE + ")");
            }
            String version = xml.getAttributeValue(null, "specificationVersion");
            String encoding = xml.getCharacterEncodingScheme() != null ? xml.getCharacterEncodingScheme() : xml.getEncoding();
            return new StaxPatientSource(file, in, xml, version == null ? null : version.strip(),
                    xml.getAttributeValue(null, "baseDictionaryUri"), encoding);
        } catch (XMLStreamException e) {
            in.close();
            throw notWellFormed(file, in, e);
        } catch (java.util.NoSuchElementException e) {
            in.close();
            throw new NaaccrFileException(file, "the file holds no XML element (empty, or not XML)");
        } catch (RuntimeException e) {
            in.close();
            throw e;
        }
    }

    private static boolean isNaaccr(String namespace) {
        // the library accepts a file without the namespace; so do we
        return namespace == null || namespace.isEmpty() || NAMESPACE.equals(namespace);
    }

    /** The root's {@code specificationVersion}, or {@code null} when it has none. */
    String specificationVersion() {
        return specificationVersion;
    }

    /** The root's {@code baseDictionaryUri}, or {@code null}. */
    String baseDictionaryUri() {
        return baseDictionaryUri;
    }

    /** The encoding the XML declaration names, else the one the parser detected, else {@code null}. */
    String encoding() {
        return encoding;
    }

    @Override
    public String readingPath() {
        return "StAX (JDK)";
    }

    @Override
    public String sha256() throws IOException {
        if (!finished || !(in instanceof ExtractStream stream)) {
            throw new IllegalStateException("the SHA-256 is taken of a file read to its end by NaaccrExtract");
        }
        return stream.sha256();
    }

    @Override
    public NaaccrPatient next() throws IOException {
        if (finished) {
            return null;
        }
        try {
            while (true) {
                int event = xml.next();
                if (event == XMLStreamConstants.END_DOCUMENT) {
                    throw new NaaccrFileException(file, xml.getLocation().getLineNumber(), 0,
                            "the file ends before </NaaccrData> (truncated?)");
                }
                if (event == XMLStreamConstants.END_ELEMENT) {
                    finished = true; // </NaaccrData>: the only end tag at this depth
                    return null;
                }
                if (event != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                if (isNaaccr(xml.getNamespaceURI()) && "Patient".equals(xml.getLocalName())) {
                    return patient();
                }
                if (isNaaccr(xml.getNamespaceURI()) && !"Item".equals(xml.getLocalName())) {
                    throw unexpected("NaaccrData");
                }
                skipElement(); // the root's own items, extensions of other namespaces
            }
        } catch (XMLStreamException e) {
            throw notWellFormed(file, in, e);
        } catch (java.util.NoSuchElementException e) {
            String failure = in instanceof ExtractStream stream ? stream.failure() : null;
            throw new NaaccrFileException(file, failure != null ? failure
                    : "the file ends before </NaaccrData> (truncated?)");
        }
    }

    private NaaccrPatient patient() throws XMLStreamException {
        long line = xml.getLocation().getLineNumber();
        Map<String, NaaccrItem> items = new LinkedHashMap<>();
        List<Map<String, NaaccrItem>> tumours = new ArrayList<>();
        while (true) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT) {
                return new NaaccrPatient(fileName, line, items, tumours);
            }
            if (event == XMLStreamConstants.END_DOCUMENT) {
                throw new java.util.NoSuchElementException();
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            if (!isNaaccr(xml.getNamespaceURI())) {
                skipElement();
            } else if ("Item".equals(xml.getLocalName())) {
                item(items, ReadItem.Level.PATIENT);
            } else if ("Tumor".equals(xml.getLocalName())) {
                tumours.add(tumour());
            } else {
                throw unexpected("Patient");
            }
        }
    }

    private Map<String, NaaccrItem> tumour() throws XMLStreamException {
        Map<String, NaaccrItem> items = new LinkedHashMap<>();
        while (true) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT) {
                return items;
            }
            if (event == XMLStreamConstants.END_DOCUMENT) {
                throw new java.util.NoSuchElementException();
            }
            if (event == XMLStreamConstants.START_ELEMENT) {
                if (!isNaaccr(xml.getNamespaceURI())) {
                    skipElement();
                } else if ("Item".equals(xml.getLocalName())) {
                    item(items, ReadItem.Level.TUMOR);
                } else {
                    throw unexpected("Tumor");
                }
            }
        }
    }

    private void item(Map<String, NaaccrItem> items, ReadItem.Level level) throws XMLStreamException {
        String id = xml.getAttributeValue(null, "naaccrId");
        if (id == null) {
            Location at = xml.getLocation();
            throw new NaaccrFileException(file, at.getLineNumber(), at.getColumnNumber(),
                    "an <Item> without its naaccrId attribute");
        }
        if (items.containsKey(id)) {
            // as naaccr-xml does for 1.0-1.6: an item is given once per element, else which one counts?
            Location at = xml.getLocation();
            throw new NaaccrFileException(file, at.getLineNumber(), at.getColumnNumber(), "item '" + id
                    + "' appears twice in the same <" + (level == ReadItem.Level.PATIENT ? "Patient" : "Tumor")
                    + ">; NAACCR XML allows an item once per element");
        }
        ReadItem read = ReadItem.ofId(id);
        if (read == null || read.level != level) {
            // most of a registry's items: passed over without their text or place made into objects
            elementText(false);
            items.put(id, null); // remembered only to catch a second one
            return;
        }
        Location at = xml.getLocation();
        long line = at.getLineNumber();
        long column = at.getColumnNumber();
        items.put(id, new NaaccrItem(id, elementText(true).strip(), line, column));
    }

    /**
     * The text of the element just started, as {@link XMLStreamReader#getElementText} reads it and failing alike
     * (an element in it, the end of the file), without its buffer for an item of one piece of text (nearly all)
     * or for one whose text is not kept.
     *
     * @param keep {@code false}: read past the text only ({@code null} is returned)
     */
    private String elementText(boolean keep) throws XMLStreamException {
        String text = keep ? "" : null;
        StringBuilder more = null;
        while (true) {
            int event = xml.next();
            switch (event) {
                case XMLStreamConstants.END_ELEMENT -> {
                    return more == null ? text : more.toString();
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE,
                        XMLStreamConstants.ENTITY_REFERENCE -> {
                    if (!keep) {
                        continue;
                    }
                    if (text.isEmpty() && more == null) {
                        text = xml.getText();
                    } else {
                        if (more == null) {
                            more = new StringBuilder(text);
                        }
                        more.append(xml.getText());
                    }
                }
                case XMLStreamConstants.PROCESSING_INSTRUCTION, XMLStreamConstants.COMMENT -> {
                    // not text
                }
                case XMLStreamConstants.END_DOCUMENT ->
                    throw new XMLStreamException("unexpected end of document when reading element text content");
                case XMLStreamConstants.START_ELEMENT -> throw new XMLStreamException(
                        "elementGetText() function expects text only elment but START_ELEMENT was encountered.",
                        xml.getLocation());
                default -> throw new XMLStreamException("Unexpected event type " + event, xml.getLocation());
            }
        }
    }

    /**
     * A NAACCR element where the format has none: skipping it could skip patients (a {@code <Patient>} inside a
     * misspelt element), so the file fails instead.
     */
    private NaaccrFileException unexpected(String parent) {
        Location at = xml.getLocation();
        return new NaaccrFileException(file, at.getLineNumber(), at.getColumnNumber(), "<"
                + CohortRowValidator.shorten(xml.getLocalName()) + "> is not a NAACCR XML element of <" + parent
                + "> (Item" + ("NaaccrData".equals(parent) ? ", Patient" : "Patient".equals(parent) ? ", Tumor" : "")
                + " expected)");
    }

    /** Skips the element just started, with everything in it. */
    private void skipElement() throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (event == XMLStreamConstants.END_DOCUMENT) {
                throw new java.util.NoSuchElementException();
            }
        }
    }

    /** A parser error as a file-level message: where, and the parser's words without the document's text. */
    static NaaccrFileException notWellFormed(String file, InputStream in, XMLStreamException e) {
        String failure = in instanceof ExtractStream stream ? stream.failure() : null;
        if (failure != null) {
            return new NaaccrFileException(file, failure);
        }
        Location at = e.getLocation();
        String message = e.getMessage() == null ? "" : e.getMessage();
        int words = message.indexOf("Message: ");
        if (words >= 0) {
            message = message.substring(words + "Message: ".length());
        }
        message = ca.trialpath.cohort.CohortRowValidator.shorten(message.strip());
        return new NaaccrFileException(file, at == null ? 0 : at.getLineNumber(), at == null ? 0 : at.getColumnNumber(),
                "not well-formed XML (" + message + ")");
    }

    /**
     * Where a file first fails to read as NAACCR XML, with line and column, or {@code null} when it reads to the end:
     * for the naaccr-xml path, which reports lines only. Reads the whole file once more; only after a failure.
     */
    static NaaccrFileException firstError(String file, java.util.function.Supplier<ExtractStream> reopen) {
        return scan(file, reopen).error();
    }

    /** What one more reading of a whole file found: its patients, or where it fails (then {@code error} is set). */
    record Scan(long patients, NaaccrFileException error) {
    }

    static Scan scan(String file, java.util.function.Supplier<ExtractStream> reopen) {
        long patients = 0;
        try (StaxPatientSource source = open(file, reopen.get())) {
            while (source.next() != null) {
                patients++;
            }
            return new Scan(patients, null);
        } catch (NaaccrFileException e) {
            return new Scan(patients, e);
        } catch (IOException | RuntimeException e) {
            return new Scan(patients, new NaaccrFileException(file, "the file could not be read again ("
                    + e.getClass().getSimpleName() + ")"));
        }
    }

    @Override
    public void close() throws IOException {
        try {
            xml.close();
        } catch (XMLStreamException e) {
            // closing releases the parser only; the stream is closed below
        } finally {
            in.close();
        }
    }
}
