package ca.trialpath.duplicates;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

/** A run of ids as {@link IdSpill} writes it: (byte count, bytes, partition, line) in (hash, bytes, partition, line) order. */
final class IdRun extends SortedRun<IdRun> {

    byte[] bytes = new byte[128];
    int length;
    long hash;
    int partition;
    long line;

    private final IdBytes.Hash hashing;

    IdRun(Path file, IdBytes.Hash hashing) throws IOException {
        super(file);
        this.hashing = hashing;
    }

    @Override
    boolean next() throws IOException {
        if (!in.hasMore()) {
            return false;
        }
        length = in.readCount();
        if (length > bytes.length) {
            bytes = new byte[Math.max(length, 2 * bytes.length)];
        }
        in.readBytes(bytes, length);
        partition = in.readCount();
        line = in.readNumber();
        // not stored: recomputing it costs less than reading eight more bytes a record
        hash = hashing.of(bytes, 0, length);
        return true;
    }

    @Override
    int compareTo(IdRun other) {
        int byId = IdBytes.compare(hash, bytes, 0, length, other.hash, other.bytes, 0, other.length);
        if (byId != 0) {
            return byId;
        }
        int byPartition = Integer.compare(partition, other.partition);
        return byPartition != 0 ? byPartition : Long.compare(line, other.line);
    }

    boolean sameId(long otherHash, byte[] otherBytes, int otherLength) {
        return hash == otherHash && Arrays.equals(bytes, 0, length, otherBytes, 0, otherLength);
    }

    @Override
    void copyTo(CompactOutput out) throws IOException {
        out.writeNumber(length);
        out.writeBytes(bytes, 0, length);
        out.writeNumber(partition);
        out.writeNumber(line);
    }
}
