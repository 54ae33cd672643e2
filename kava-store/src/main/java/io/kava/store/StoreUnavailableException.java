package io.kava.store;

/** The backing database cannot be reached or read (etcd down after retries, SQLite file unreadable). */
public class StoreUnavailableException extends StoreException {

    public StoreUnavailableException(String message) {
        super(message);
    }

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
