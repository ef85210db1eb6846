package ca.trialpath.naaccr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.trialpath.cohort.CohortFileException;
import ca.trialpath.cohort.CohortRowValidator;
import ca.trialpath.cohort.ReasonCode;
import ca.trialpath.guideline.PriorTreatment;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Both reading paths on real files, and every kind of bad file (issue 14, naaccr.md). */
class NaaccrCohortReaderTests {

    static final LocalDate RUN_DATE = LocalDate.of(2026, 11, 27);
    static final Path SPEC_16 = Path.of("src/test/resources/naaccr/registry-spec-1.6.xml");
    static final Path SPEC_18 = Path.of("src/test/resources/naaccr/registry-spec-1.8.xml");

    @TempDir
    Path temp;

    record Read(String path, NaaccrCohortReader.Counts counts, List<NaaccrCohortReader.Outcome> outcomes) {
    }

    static Read readAll(Path file) throws IOException {
        try (NaaccrCohortReader reader = NaaccrCohortReader.open(file, new CohortRowValidator(RUN_DATE), true)) {
            List<NaaccrCohortReader.Outcome> outcomes = new ArrayList<>();
            for (NaaccrCohortReader.Outcome o = reader.next(); o != null; o = reader.next()) {
                outcomes.add(o);
            }
            return new Read(reader.readingPath(), reader.counts(), outcomes);
        }
    }

    @Test
    void shouldReadSpecification16WithNaaccrXml() throws IOException {
        // when
        Read read = readAll(SPEC_16);

        // then
        assertThat(read.path()).isEqualTo("naaccr-xml 9.0");
        assertThat(read.counts()).isEqualTo(new NaaccrCohortReader.Counts(5, 2, 1, 2, 0));
        NaaccrCohortReader.Assessed first = (NaaccrCohortReader.Assessed) read.outcomes().get(0);
        assertThat(first.record().patientId()).isEqualTo("N0000001");
        assertThat(first.record().sourceFile()).isEqualTo("registry-spec-1.6.xml");
        assertThat(first.record().sourceLine()).isEqualTo(5);
        assertThat(first.record().birthDate()).isEqualTo(LocalDate.of(1958, 3, 12));
        assertThat(first.record().sex()).isEqualTo("F");
        assertThat(first.record().province()).isEqualTo("ON");
        assertThat(first.record().primarySite()).isEqualTo("C21.1");
        assertThat(first.record().histology()).isEqualTo("8070/3");
        assertThat(first.record().recurrenceDate()).isEqualTo(LocalDate.of(2025, 6, 3));
        assertThat(first.record().recurrenceTypeCode()).isEqualTo("10");
        assertThat(first.record().priorTreatments()).containsExactly(PriorTreatment.CHEMORADIATION);
        assertThat(first.notes()).isEqualTo(new NaaccrNotes(false, false, false));
        assertThat(read.outcomes().get(1)).isEqualTo(new NaaccrCohortReader.NotInScope("N0000002", 22, null));
        NaaccrCohortReader.Assessed several = (NaaccrCohortReader.Assessed) read.outcomes().get(2);
        assertThat(several.record().recurrenceTypeCode()).as("the tumour that recurred, not the latest").isEqualTo("22");
        assertThat(several.record().birthDate()).as("a partial birth date gives none").isNull();
        assertThat(several.record().recurrenceDate()).isNull();
        assertThat(several.notes().severalAnalPrimaries()).isTrue();
        NaaccrCohortReader.Rejected rejected = (NaaccrCohortReader.Rejected) read.outcomes().get(3);
        assertThat(rejected.rejected().reason()).isEqualTo(ReasonCode.INVALID_VALUE);
        assertThat(rejected.rejected().line()).as("the line of the <Item>").isEqualTo(57);
        assertThat(rejected.rejected().message()).startsWith("item 1880 recurrenceType1st (line 57): '23' is not");
        NaaccrCohortReader.NotInScope skin = (NaaccrCohortReader.NotInScope) read.outcomes().get(4);
        assertThat(skin.perianalSkin().cells().get(4)).isEqualTo("C44.5");
    }

    @Test
    void shouldReadSpecification18WithStax() throws IOException {
        // when
        Read read = readAll(SPEC_18);

        // then
        assertThat(read.path()).isEqualTo("StAX (JDK)");
        assertThat(read.counts()).isEqualTo(new NaaccrCohortReader.Counts(4, 2, 1, 1, 1));
        NaaccrCohortReader.Assessed first = (NaaccrCohortReader.Assessed) read.outcomes().get(0);
        assertThat(first.record().sex()).as("item 225 of NAACCR 26").isEqualTo("M");
        assertThat(first.record().primarySite()).isEqualTo("C21.8");
        assertThat(first.record().priorTreatments()).containsExactly(PriorTreatment.SURGERY);
        assertThat(first.record().sourceLine()).isEqualTo(6);
        NaaccrCohortReader.Assessed second = (NaaccrCohortReader.Assessed) read.outcomes().get(1);
        assertThat(second.record().province()).isNull();
        assertThat(second.notes()).isEqualTo(new NaaccrNotes(false, true, true));
        NaaccrCohortReader.Rejected bad = (NaaccrCohortReader.Rejected) read.outcomes().get(3);
        assertThat(bad.rejected().message())
                .isEqualTo("item 240 dateOfBirth (line 43, column 34): '19700231' is not a real calendar date");
        assertThat(bad.rejected().patientId()).isEqualTo("N0000104");
    }

    @Test
    void shouldReadAGzippedExtractAsThePlainOne() throws IOException {
        // given
        Path gz = gzip(SPEC_18, temp.resolve("extract.xml.gz"));

        // when / then
        assertThat(readAll(gz).counts()).isEqualTo(readAll(SPEC_18).counts());
        assertThat(readAll(gzip(SPEC_16, temp.resolve("old.xml.gz"))).counts()).isEqualTo(readAll(SPEC_16).counts());
    }

    @Test
    void shouldChooseThePathByTheSpecificationVersion() throws IOException {
        for (String version : List.of("1.0", "1.3", "1.6")) {
            Path file = write("v.xml", text(SPEC_16).replace("specificationVersion=\"1.6\"", "specificationVersion=\"" + version + "\""));
            assertThat(readAll(file).path()).as(version).isEqualTo("naaccr-xml 9.0");
        }
        for (String version : List.of("1.7", "1.8")) {
            Path file = write("v.xml", text(SPEC_16).replace("specificationVersion=\"1.6\"", "specificationVersion=\"" + version + "\""));
            Read read = readAll(file);
            assertThat(read.path()).as(version).isEqualTo("StAX (JDK)");
            assertThat(read.counts()).isEqualTo(readAll(SPEC_16).counts());
        }
        Path newDictionary = write("d.xml", text(SPEC_16).replace("naaccr-dictionary-220", "naaccr-dictionary-250"));
        assertThat(readAll(newDictionary).path()).as("a dictionary naaccr-xml 9.0 does not hold").isEqualTo("StAX (JDK)");
    }

    @Test
    void shouldFailAFileThatIsNotWellFormedWithLineAndColumnOnBothPaths() throws IOException {
        Path old = write("old.xml", text(SPEC_16).replace("<Item naaccrId=\"sex\">1</Item>", "<Item naaccrId=\"sex\">1</Itm>"));
        assertThatThrownBy(() -> readAll(old)).isInstanceOf(NaaccrFileException.class)
                .hasMessageStartingWith(old + ": line 32, column 29: ").hasMessageContaining("not well-formed XML");
        Path recent = write("new.xml", text(SPEC_18).replace("<Tumor>\n      <Item naaccrId=\"primarySite\">C619", "<Tumor\n"));
        assertThatThrownBy(() -> readAll(recent)).isInstanceOf(NaaccrFileException.class)
                .hasMessageStartingWith(recent + ": line ").hasMessageContaining(", column ");
    }

    @Test
    void shouldFailAFileWhereAPatientWouldBeSkippedOnBothPaths() throws IOException {
        for (Path source : List.of(SPEC_16, SPEC_18)) {
            String text = text(source);
            int patient = text.indexOf("<Patient>");
            // a stray NAACCR element: naaccr-xml would end there quietly, and skipping it would skip the patient in it
            Path file = write("stray.xml", text.substring(0, patient) + "<Group>" + text.substring(patient,
                    text.indexOf("</Patient>") + 10) + "</Group>" + text.substring(text.indexOf("</Patient>") + 10));
            assertThatThrownBy(() -> readAll(file)).as(source.toString()).isInstanceOf(NaaccrFileException.class)
                    .hasMessageContaining("<Group> is not a NAACCR XML element of <NaaccrData>");
        }
    }

    @Test
    void shouldFailAnotherRootElement() throws IOException {
        Path file = write("x.xml", "<?xml version=\"1.0\"?>\n<Patients specificationVersion=\"1.8\"><Patient/></Patients>\n");
        assertThatThrownBy(() -> readAll(file)).isInstanceOf(CohortFileException.class)
                .hasMessage(file + ": line 2, column 38: the root element is <Patients> (namespace none), not NAACCR XML's"
                        + " <NaaccrData> (namespace http://naaccr.org/naaccrxml)");
    }

    @Test
    void shouldFailAnUnknownOrMissingSpecificationVersion() throws IOException {
        Path unknown = write("u.xml", text(SPEC_18).replace("specificationVersion=\"1.8\"", "specificationVersion=\"1.9\""));
        assertThatThrownBy(() -> readAll(unknown)).isInstanceOf(NaaccrFileException.class)
                .hasMessage(unknown + ": specificationVersion \"1.9\" is not one read (NAACCR XML 1.0 to 1.8, NAACCR 16 to 26)");
        Path none = write("n.xml", text(SPEC_18).replace("specificationVersion=\"1.8\"", ""));
        assertThatThrownBy(() -> readAll(none)).isInstanceOf(NaaccrFileException.class)
                .hasMessageContaining("no specificationVersion attribute");
        Path read = write("r.xml", text(SPEC_18).replace("specificationVersion=\"1.8\"", "specificationVersion=\"1.7\""));
        assertThat(readAll(read).counts().read()).as("a version read does not fail").isEqualTo(4);
    }

    @Test
    void shouldFailATruncatedFileAndATruncatedGzipStream() throws IOException {
        byte[] xml = Files.readAllBytes(SPEC_18);
        Path cut = Files.write(temp.resolve("cut.xml"), Arrays.copyOf(xml, xml.length / 2));
        assertThatThrownBy(() -> readAll(cut)).isInstanceOf(NaaccrFileException.class).hasMessageStartingWith(cut + ": ");
        for (Path source : List.of(SPEC_16, SPEC_18)) {
            byte[] gz = Files.readAllBytes(gzip(source, temp.resolve("whole.xml.gz")));
            Path truncated = Files.write(temp.resolve("truncated.xml.gz"), Arrays.copyOf(gz, gz.length - 40));
            assertThatThrownBy(() -> readAll(truncated)).as(source.toString()).isInstanceOf(NaaccrFileException.class)
                    .hasMessageStartingWith(truncated + ": the gzip stream is truncated or damaged");
        }
        Path header = Files.write(temp.resolve("header.xml.gz"), new byte[] { 0x1f, (byte) 0x8b, 8 });
        assertThatThrownBy(() -> readAll(header)).hasMessageStartingWith(header + ": the gzip stream is truncated");
    }

    @Test
    void shouldFailAnEmptyFileAndAnItemTwiceInOnePatient() throws IOException {
        Path empty = write("e.xml", "");
        assertThatThrownBy(() -> readAll(empty)).isInstanceOf(NaaccrFileException.class).hasMessageStartingWith(empty + ": ");
        for (Path source : List.of(SPEC_16, SPEC_18)) {
            Path twice = write("t.xml", text(source).replace("<Item naaccrId=\"patientIdNumber\">N0000", "<Item naaccrId=\"patientIdNumber\">X</Item><Item naaccrId=\"patientIdNumber\">N0000"));
            assertThatThrownBy(() -> readAll(twice)).as(source.toString()).isInstanceOf(NaaccrFileException.class)
                    .hasMessageContaining("patientIdNumber").hasMessageNotContaining("N0000");
        }
    }

    @Test
    void shouldNeverPrintAHealthRecordValueInAFileLevelMessage() throws IOException {
        // a birth date and a name where the parser breaks
        Path file = write("phi.xml", text(SPEC_18).replace("<Item naaccrId=\"dateOfBirth\" naaccrNum=\"240\">19611130</Item>",
                "<Item naaccrId=\"dateOfBirth\">19611130 Jane Doe<</Item>"));
        assertThatThrownBy(() -> readAll(file)).isInstanceOf(NaaccrFileException.class)
                .hasMessageNotContaining("19611130").hasMessageNotContaining("Jane");
    }

    @Test
    void shouldNotResolveAnExternalEntityOnEitherPath() throws IOException {
        Path secret = Files.writeString(temp.resolve("secret.txt"), "C211");
        for (Path source : List.of(SPEC_16, SPEC_18)) {
            String text = text(source);
            Path file = write("xxe.xml", "<?xml version=\"1.0\"?>\n<!DOCTYPE NaaccrData [<!ENTITY site SYSTEM \""
                    + secret.toUri() + "\">]>\n" + text.substring(text.indexOf("<NaaccrData"))
                            .replaceFirst(">C(509|619)<", ">&site;<"));
            assertThatThrownBy(() -> readAll(file)).as(source.toString()).isInstanceOf(NaaccrFileException.class)
                    .hasMessageStartingWith(file + ": ");
        }
    }

    @Test
    void shouldRejectAPatientTheCohortValidatorRejects() throws IOException {
        // a recurrence after the run date: the cohort rule, applied to the mapped row
        Path file = write("late.xml", text(SPEC_18).replace("20260110", "20270110"));
        NaaccrCohortReader.Rejected late = (NaaccrCohortReader.Rejected) readAll(file).outcomes().get(0);
        assertThat(late.rejected().reason()).isEqualTo(ReasonCode.INCONSISTENT_DATES);
        assertThat(late.rejected().line()).isEqualTo(6);
    }

    @Test
    void shouldHideValuesInADeIdentifiedRun() throws IOException {
        try (NaaccrCohortReader reader = NaaccrCohortReader.open(SPEC_18, new CohortRowValidator(RUN_DATE, false), false)) {
            NaaccrCohortReader.Outcome outcome = null;
            for (int i = 0; i < 4; i++) {
                outcome = reader.next();
            }
            assertThat(((NaaccrCohortReader.Rejected) outcome).rejected().message())
                    .isEqualTo("item 240 dateOfBirth (line 43, column 34): the value is not a real calendar date");
        }
    }

    @Test
    void shouldTakeTheSha256OfTheWholeFileAsItIsParsedOnBothPaths() throws IOException {
        // given: plain and gzipped, both paths, and bytes after </NaaccrData> that no parser asks for
        List<Path> files = new ArrayList<>(List.of(SPEC_16, SPEC_18, gzip(SPEC_18, temp.resolve("extract.xml.gz")),
                gzip(SPEC_16, temp.resolve("old.xml.gz")),
                write("trailing.xml", text(SPEC_18) + "\n<!-- after the root -->\n" + " ".repeat(200_000))));
        for (Path file : files) {
            // when
            String sha256;
            try (NaaccrCohortReader reader = NaaccrCohortReader.open(file, new CohortRowValidator(RUN_DATE), true)) {
                while (reader.next() != null) {
                    // read to the end
                }
                sha256 = reader.sha256();
            }

            // then: the SHA-256 of the file's bytes (compressed ones for .gz), as the run's fingerprint takes it
            assertThat(sha256).as(file.toString()).isEqualTo(ca.trialpath.cohort.InputFingerprint.sha256(file));
        }
    }

    @Test
    void shouldTellNaaccrFilesByName() {
        assertThat(NaaccrExtract.isNaaccrFile(Path.of("a/extract.XML"))).isTrue();
        assertThat(NaaccrExtract.isNaaccrFile(Path.of("extract.xml.gz"))).isTrue();
        assertThat(NaaccrExtract.isNaaccrFile(Path.of("cohort.csv"))).isFalse();
        assertThat(NaaccrExtract.isNaaccrFile(Path.of("extract.gz"))).isFalse();
    }

    static String text(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(temp.resolve(name), content, StandardCharsets.UTF_8);
    }

    static Path gzip(Path source, Path target) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(target))) {
            Files.copy(source, out);
        }
        return target;
    }
}
