package io.kava.store;

/** A read asked for a revision the store has not reached yet (the API server answers 504 with "Too large resource version"). */
public class FutureRevisionException extends StoreException {

    private final long requestedRevision;
    private final long currentRevision;

    public FutureRevisionException(long requestedRevision, long currentRevision) {
        super("required revision " + requestedRevision + " is a future revision (current " + currentRevision + ")");
        this.requestedRevision = requestedRevision;
        this.currentRevision = currentRevision;
    }

    public long requestedRevision() {
        return requestedRevision;
    }

    public long currentRevision() {
        return currentRevision;
    }
}
