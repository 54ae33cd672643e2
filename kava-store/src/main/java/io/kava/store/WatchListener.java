package io.kava.store;

import java.util.List;

/**
 * Receives a watch's events. Calls for one watch never overlap and arrive in revision order; a batch holds the
 * events of one or more consecutive revisions. A listener must not block for long: the store may close a watch
 * whose listener cannot keep up.
 */
public interface WatchListener {

    void onEvents(List<Event> events);

    /**
     * The watch ended because of {@code error} (for example {@link CompactedException} when its start revision
     * was already compacted, or {@link StoreUnavailableException}). No events follow.
     */
    void onError(StoreException error);
}
