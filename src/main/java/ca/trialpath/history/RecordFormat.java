package ca.trialpath.history;

import java.io.IOException;

/**
 * How records of one kind are written to bytes and read back. Each file or block gets a writer and a reader
 * of its own, so a format may lean on the records before (a shared prefix, a value seen already).
 */
interface RecordFormat<T> {

    Writer<T> writer();

    Reader<T> reader();

    interface Writer<T> {
        void write(T record, ByteWriter out);
    }

    interface Reader<T> {
        T read(ByteReader in) throws IOException;
    }
}
