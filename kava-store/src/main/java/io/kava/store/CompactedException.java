package io.kava.store;

/** The requested revision is older than the history the store still keeps (the API server answers 410 Gone). */
public class CompactedException extends StoreException {

    private final long requestedRevision;
    private final long compactRevision;

    public CompactedException(long requestedRevision, long compactRevision) {
        super("required revision " + requestedRevision + " has been compacted (compact revision " + compactRevision
                + ")");
        this.requestedRevision = requestedRevision;
        this.compactRevision = compactRevision;
    }

    public long requestedRevision() {
        return requestedRevision;
    }

    public long compactRevision() {
        return compactRevision;
    }
}
