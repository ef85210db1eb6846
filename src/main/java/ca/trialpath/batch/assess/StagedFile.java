package ca.trialpath.batch.assess;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An output file written during the chunk step. Its length at each commit is saved in the step's
 * execution context; a restart cuts it back to that length, so rows of a chunk that never committed
 * are written once, by the chunk that does.
 */
final class StagedFile implements Closeable {

    private static final int BUFFER = 64 * 1024;

    private final FileChannel channel;
    private final Writer writer;

    private StagedFile(FileChannel channel) {
        this.channel = channel;
        // the JDK's encoder, buffered: the owners of the files print cell by cell
        this.writer = new BufferedWriter(new OutputStreamWriter(Channels.newOutputStream(channel), StandardCharsets.UTF_8),
                BUFFER);
    }

    /** A new empty file. */
    static StagedFile create(Path path) throws IOException {
        return new StagedFile(FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING));
    }

    /** The file as it was at the last commit: anything written after it is cut off. */
    static StagedFile resume(Path path, long committedLength) throws IOException {
        FileChannel channel = FileChannel.open(path, StandardOpenOption.WRITE);
        try {
            if (channel.size() < committedLength) {
                // StagingCheck starts such a run over before this is reached
                throw new IOException(path + " is shorter (" + channel.size() + " bytes) than its last commit ("
                        + committedLength + " bytes)");
            }
            channel.truncate(committedLength);
            channel.position(committedLength);
            return new StagedFile(channel);
        } catch (IOException e) {
            channel.close();
            throw e;
        }
    }

    Writer writer() {
        return writer;
    }

    /**
     * Appends rows built in memory, after whatever {@link #writer()} holds: encoded in one go (the JDK's
     * UTF-8 encoder of {@code String}) and handed to the file in one write, not a {@code Writer} call per cell.
     */
    void write(CharSequence rows) throws IOException {
        writer.flush();
        ByteBuffer bytes = ByteBuffer.wrap(rows.toString().getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
    }

    /** Appends bytes (a binary feed), after whatever {@link #writer()} holds. */
    void write(byte[] bytes, int offset, int length) throws IOException {
        writer.flush();
        ByteBuffer buffer = ByteBuffer.wrap(bytes, offset, length);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    /** Hands everything written so far to the operating system and returns the file's length. */
    long flush() throws IOException {
        writer.flush();
        return channel.position();
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }
}
