package ca.trialpath.duplicates;

import java.io.*;
import java.nio.file.*;

/** TEMPORARY STUB (replaced by the h-sort branch). */
public final class IdSpill implements Closeable {
    private final DataOutputStream out;
    public IdSpill(Path folder, int partition, int maxIdsInMemory) throws IOException {
        Files.createDirectories(folder);
        out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(folder.resolve("stub-" + partition))));
    }
    public void add(String patientId, long line) throws IOException { out.writeUTF(patientId); out.writeLong(line); }
    @Override public void close() throws IOException { out.close(); }
}
