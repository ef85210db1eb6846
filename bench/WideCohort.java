import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a cohort file of at least GIB gibibytes for bench/big-input.sh: valid rows with distinct ids and
 * a wide ignored "notes" column (quoted, with doubled quotes and non-ASCII text), every 1000th row with an
 * invalid primary site. Pure JDK, run as a source file: java bench/WideCohort.java GIB NOTE_BYTES OUT.csv
 */
public class WideCohort {
    public static void main(String[] args) throws IOException {
        long target = (long) (Double.parseDouble(args[0]) * 1024 * 1024 * 1024);
        int noteBytes = Integer.parseInt(args[1]);
        String unit = "note, with \"\"quotes\"\" and caf\u00e9 ";
        byte[] notes = ("\"" + unit.repeat(Math.max(1, noteBytes / unit.length())) + "\"\n")
                .getBytes(StandardCharsets.UTF_8);
        long written = 0;
        long rows = 0;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(Path.of(args[2])), 1 << 20)) {
            byte[] header = "patient_id,birth_date,sex,province,primary_site,recurrence_date,recurrence_sites,notes\n"
                    .getBytes(StandardCharsets.US_ASCII);
            out.write(header);
            written += header.length;
            while (written < target) {
                rows++;
                String start = "W" + rows + ",1960-01-15,F,ON," + (rows % 1000 == 0 ? "C99.99" : "C21.1")
                        + ",2024-03-01,anal_canal;liver,";
                byte[] bytes = start.getBytes(StandardCharsets.US_ASCII);
                out.write(bytes);
                out.write(notes);
                written += bytes.length + notes.length;
            }
        }
        System.out.println("rows=" + rows + " bytes=" + written);
    }
}
