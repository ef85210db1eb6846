package ca.trialpath.duplicates;

import java.io.*;
import java.nio.file.*;
import java.util.*;

/** TEMPORARY STUB (replaced by the h-sort branch). */
public final class DuplicateFinder {
    public record Summary(long ids, long duplicates) {}
    public static Summary find(Path folder, int partitions, int maxIdsInMemory) throws IOException {
        Map<String, long[]> first = new HashMap<>();
        List<List<long[]>> dups = new ArrayList<>();
        long ids = 0, d = 0;
        for (int p = 0; p < partitions; p++) {
            List<long[]> mine = new ArrayList<>();
            dups.add(mine);
            Path f = folder.resolve("stub-" + p);
            if (!Files.exists(f)) continue;
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(f)))) {
                while (in.available() > 0) {
                    String id = in.readUTF(); long line = in.readLong(); ids++;
                    long[] at = first.putIfAbsent(id, new long[] { p, line });
                    if (at != null) { mine.add(new long[] { line, at[0], at[1] }); d++; }
                }
            }
        }
        for (int p = 0; p < partitions; p++) {
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(folder.resolve("dups-" + p))))) {
                for (long[] e : dups.get(p)) { out.writeLong(e[0]); out.writeLong(e[1]); out.writeLong(e[2]); }
            }
        }
        return new Summary(ids, d);
    }
}
