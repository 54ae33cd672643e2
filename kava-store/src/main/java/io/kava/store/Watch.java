package io.kava.store;

/** A running watch. Closing it stops delivery; it is safe to close twice. */
public interface Watch extends AutoCloseable {

    @Override
    void close();
}
