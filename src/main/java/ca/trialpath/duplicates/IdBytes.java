package ca.trialpath.duplicates;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * How an id is held on disk and ordered: its chars as bytes, and a 64-bit hash of those bytes.
 *
 * <p>Each char is written on its own, in one to three bytes (as modified UTF-8 does, surrogates included),
 * so two ids have the same bytes exactly when they are equal Strings: no char is ever replaced, not even an
 * unpaired surrogate, which {@code getBytes(UTF_8)} would turn into '?'. The bytes are never decoded.
 *
 * <p>Runs are sorted by (hash, bytes, partition, line). Only equal ids need to be neighbours, so the hash
 * leads: most comparisons are then one long comparison, and ids that share long prefixes (P000000001,
 * P000000002, ...) cost no more than others. Two different ids with the same hash are still told apart by
 * their bytes, so the hash only has to be fast and well spread, not collision-free.
 */
final class IdBytes {

    /** The most bytes one char takes. */
    static final int MAX_BYTES_PER_CHAR = 3;

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;
    private static final long MULTIPLIER = 0xBF58476D1CE4E5B9L;

    private IdBytes() {
    }

    /** The hash that orders runs; tests pass a poor one to make collisions common. */
    interface Hash {
        Hash STANDARD = IdBytes::hash;

        long of(byte[] bytes, int from, int length);
    }

    /**
     * Writes the id's bytes into {@code into} at {@code at}, which has room for
     * {@code id.length() * MAX_BYTES_PER_CHAR} bytes.
     *
     * @return the position after the last byte written
     */
    static int encode(String id, byte[] into, int at) {
        int length = id.length();
        for (int i = 0; i < length; i++) {
            char c = id.charAt(i);
            if (c < 0x80) {
                into[at++] = (byte) c;
            } else if (c < 0x800) {
                into[at++] = (byte) (0xC0 | c >> 6);
                into[at++] = (byte) (0x80 | c & 0x3F);
            } else {
                into[at++] = (byte) (0xE0 | c >> 12);
                into[at++] = (byte) (0x80 | c >> 6 & 0x3F);
                into[at++] = (byte) (0x80 | c & 0x3F);
            }
        }
        return at;
    }

    /** Eight bytes at a time, then the tail, then a finalizer that spreads every input bit over the result. */
    static long hash(byte[] bytes, int from, int length) {
        long h = GOLDEN * (length + 1);
        int at = from;
        int end = from + length;
        for (; at + Long.BYTES <= end; at += Long.BYTES) {
            h = Long.rotateLeft(h ^ (long) LONGS.get(bytes, at) * MULTIPLIER, 31) * GOLDEN;
        }
        if (at < end) {
            long tail = 0;
            for (int shift = 0; at < end; at++, shift += 8) {
                tail |= (bytes[at] & 0xFFL) << shift;
            }
            h = Long.rotateLeft(h ^ tail * MULTIPLIER, 31) * GOLDEN;
        }
        h ^= h >>> 30;
        h *= MULTIPLIER;
        h ^= h >>> 27;
        h *= 0x94D049BB133111EBL;
        return h ^ h >>> 31;
    }

    /** The order of ids within runs, partition and line aside: hash (unsigned), then bytes (unsigned). */
    static int compare(long hash, byte[] bytes, int from, int length,
            long otherHash, byte[] otherBytes, int otherFrom, int otherLength) {
        int byHash = Long.compareUnsigned(hash, otherHash);
        if (byHash != 0) {
            return byHash;
        }
        return Arrays.compareUnsigned(bytes, from, from + length, otherBytes, otherFrom, otherFrom + otherLength);
    }
}
