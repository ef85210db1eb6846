package ca.trialpath.duplicates;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A k-way merge of sorted runs: a binary heap of readers ordered by their current records. Every run is open
 * until the merge is closed or the run is read to its end.
 */
final class RunMerge<R extends SortedRun<R>> implements Closeable {

    /** Opens a reader on one run, not yet on its first record. */
    interface Opener<R> {
        R open(Path run) throws IOException;
    }

    private final List<R> opened = new ArrayList<>();
    private final List<R> heap = new ArrayList<>();

    RunMerge(List<Path> runs, Opener<R> opener) throws IOException {
        try {
            for (Path run : runs) {
                R reader = opener.open(run);
                opened.add(reader);
                if (reader.next()) {
                    heap.add(reader);
                } else {
                    reader.close();
                }
            }
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
        for (int i = heap.size() / 2 - 1; i >= 0; i--) {
            siftDown(i);
        }
    }

    /** The reader holding the smallest current record; {@code null} once every run is read. */
    R top() {
        return heap.isEmpty() ? null : heap.get(0);
    }

    /** Moves the top reader to its next record. */
    void advance() throws IOException {
        R top = heap.get(0);
        if (top.next()) {
            siftDown(0);
            return;
        }
        top.close();
        R last = heap.remove(heap.size() - 1);
        if (!heap.isEmpty()) {
            heap.set(0, last);
            siftDown(0);
        }
    }

    private void siftDown(int at) {
        int size = heap.size();
        R item = heap.get(at);
        while (true) {
            int child = 2 * at + 1;
            if (child >= size) {
                break;
            }
            R smaller = heap.get(child);
            if (child + 1 < size) {
                R right = heap.get(child + 1);
                if (right.compareTo(smaller) < 0) {
                    smaller = right;
                    child++;
                }
            }
            if (smaller.compareTo(item) >= 0) {
                break;
            }
            heap.set(at, smaller);
            at = child;
        }
        heap.set(at, item);
    }

    @Override
    public void close() throws IOException {
        IOException failure = null;
        for (R reader : opened) {
            try {
                reader.close();
            } catch (IOException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
