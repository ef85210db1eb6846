package ca.trialpath.history;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;

/**
 * Sorts any number of records holding at most {@code maxInMemory} of them: each full batch is sorted and
 * written to a file of the scratch folder, and the files are merged, at most {@link #MAX_FAN_IN} at a time
 * (each read through a buffer of {@link #FILE_BUFFER} bytes). Records that fit in one batch never touch the
 * disk. Equal records keep the order they were added in. The files are deleted on {@link #close}.
 */
final class ExternalSorter<T> implements Closeable {

    static final int MAX_FAN_IN = 64;
    static final int FILE_BUFFER = 64 * 1024;

    private final Comparator<? super T> order;
    private final RecordFormat<T> format;
    private final int maxInMemory;
    private final Path scratch;
    private final String prefix;
    private final List<T> batch = new ArrayList<>();
    private final List<Spill> spills = new ArrayList<>();
    private final List<Path> files = new ArrayList<>();
    private final List<Closeable> open = new ArrayList<>();
    private long size;
    private boolean sorting;

    /** A sorted file and how many records it holds. */
    private record Spill(Path file, long records) {
    }

    ExternalSorter(Comparator<? super T> order, RecordFormat<T> format, int maxInMemory, Path scratch, String prefix) {
        if (maxInMemory < 1) {
            throw new IllegalArgumentException("maxInMemory must be at least 1, not " + maxInMemory);
        }
        this.order = order;
        this.format = format;
        this.maxInMemory = maxInMemory;
        this.scratch = scratch;
        this.prefix = prefix;
    }

    void add(T record) {
        if (sorting) {
            throw new IllegalStateException("records added after sorting began");
        }
        batch.add(record);
        size++;
        if (batch.size() >= maxInMemory) {
            spillBatch();
        }
    }

    long size() {
        return size;
    }

    /** How many sorted files were written (merges included): none when every record fitted in memory. */
    int filesWritten() {
        return files.size();
    }

    /** Every record added, in order; once. */
    Iterator<T> sorted() {
        if (sorting) {
            throw new IllegalStateException("sorted twice");
        }
        sorting = true;
        if (spills.isEmpty()) {
            batch.sort(order); // stable: equal records keep their order
            return batch.iterator();
        }
        if (!batch.isEmpty()) {
            spillBatch();
        }
        while (spills.size() > MAX_FAN_IN) {
            List<Spill> group = new ArrayList<>(spills.subList(0, MAX_FAN_IN));
            spills.subList(0, MAX_FAN_IN).clear();
            Iterator<T> merged = merge(group);
            spills.add(write(merged, group.stream().mapToLong(Spill::records).sum()));
            closeOpen();
            for (Spill done : group) {
                delete(done.file());
            }
        }
        return merge(spills);
    }

    @Override
    public void close() {
        closeOpen();
        batch.clear();
        for (Path file : files) {
            delete(file);
        }
    }

    private void spillBatch() {
        batch.sort(order);
        spills.add(write(batch.iterator(), batch.size()));
        batch.clear();
    }

    private Spill write(Iterator<T> records, long count) {
        try {
            Files.createDirectories(scratch);
            Path file = Files.createTempFile(scratch, prefix, ".sort");
            files.add(file);
            RecordFormat.Writer<T> writer = format.writer();
            ByteWriter bytes = new ByteWriter(FILE_BUFFER + 1024);
            try (OutputStream out = Files.newOutputStream(file)) {
                while (records.hasNext()) {
                    writer.write(records.next(), bytes);
                    if (bytes.length() >= FILE_BUFFER) {
                        bytes.writeTo(out);
                        bytes.reset();
                    }
                }
                bytes.writeTo(out);
            }
            return new Spill(file, count);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a sort file in " + scratch, e);
        }
    }

    /** The head of one sorted file in a merge. */
    private final class Head {
        final int rank;
        final ByteReader in;
        final RecordFormat.Reader<T> reader = format.reader();
        long left;
        T current;

        Head(int rank, Spill spill) throws IOException {
            this.rank = rank;
            InputStream stream = Files.newInputStream(spill.file());
            open.add(stream);
            this.in = new ByteReader(stream, FILE_BUFFER);
            this.left = spill.records();
        }

        boolean advance() {
            if (left == 0) {
                current = null;
                return false;
            }
            left--;
            try {
                current = reader.read(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read a sort file in " + scratch, e);
            }
            return true;
        }
    }

    private Iterator<T> merge(List<Spill> group) {
        Comparator<Head> byRecord = (a, b) -> {
            int c = order.compare(a.current, b.current);
            return c != 0 ? c : Integer.compare(a.rank, b.rank); // earlier files hold the records added first
        };
        PriorityQueue<Head> heads = new PriorityQueue<>(Math.max(1, group.size()), byRecord);
        try {
            for (int i = 0; i < group.size(); i++) {
                Head head = new Head(i, group.get(i));
                if (head.advance()) {
                    heads.add(head);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a sort file in " + scratch, e);
        }
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return !heads.isEmpty();
            }

            @Override
            public T next() {
                Head head = heads.poll();
                if (head == null) {
                    throw new NoSuchElementException();
                }
                T record = head.current;
                if (head.advance()) {
                    heads.add(head);
                }
                return record;
            }
        };
    }

    private void closeOpen() {
        for (Closeable stream : open) {
            try {
                stream.close();
            } catch (IOException e) {
                // a read-only file: nothing was lost
            }
        }
        open.clear();
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // the scratch folder is removed with the run's staging
        }
    }
}
