package io.kava.store.etcd;

import io.etcd.jetcd.options.CompactOption;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Compaction and the compact revision.
 *
 * <p>etcd does not report its compact revision C directly, and it refuses reads and watches only strictly below C,
 * while the {@link io.kava.store.Store} contract refuses them at or below C. So the store learns C by probing: a read
 * at revision r fails with "compacted" exactly when r &lt; C. {@link #known} is a revision etcd is known to have
 * compacted to (from this store's own compactions, watch cancellations and earlier probes); it only grows and never
 * exceeds C, because compaction only moves forward. Compactions by other clients are found on the next probe.
 *
 * <p>Compaction is cluster-wide in etcd: it also drops the history of other namespaces on the same cluster.
 */
final class EtcdCompaction {

    private final EtcdKv kv;
    private final AtomicLong known = new AtomicLong();

    EtcdCompaction(EtcdKv kv) {
        this.kv = kv;
    }

    /** A revision etcd has compacted to, at most the real compact revision; no network call. */
    long known() {
        return known.get();
    }

    void observed(long compactRevision) {
        known.accumulateAndGet(compactRevision, Math::max);
    }

    /**
     * etcd's compact revision: one probe when nobody else compacted since this store last looked, a binary search
     * over the revisions since then when someone did. A compaction to revision 1 cannot be told from none and reads
     * as 0.
     */
    long current() {
        long lo = Math.max(known.get(), 1);
        if (!compactedBelow(lo)) {
            return known.get();
        }
        // C > lo. Binary search for the smallest readable revision in (lo, current]: that is C.
        long bad = lo;
        long good = Math.max(kv.currentRevision(), lo + 1);
        while (good - bad > 1) {
            long mid = bad + (good - bad) / 2;
            if (compactedBelow(mid)) {
                bad = mid;
            } else {
                good = mid;
            }
        }
        observed(good);
        return good;
    }

    /** Whether the store contract refuses a read or watch at {@code revision} (at or below the compact revision). */
    boolean refuses(long revision) {
        return revision <= known.get() || (revision > 1 && compactedBelow(revision - 1));
    }

    /** Compacts to {@code revision}, clamped to the current revision; returns the compact revision afterwards. */
    long compact(long revision) {
        long target = Math.min(revision, kv.currentRevision());
        if (target <= known.get()) {
            return current();
        }
        try {
            // Idempotent, so retried as a read. Not physical: etcd refuses older revisions from the moment it applies
            // the request, and frees the space in the background.
            kv.calls().call("compact to revision " + target, EtcdCalls.Mode.READ,
                    () -> kv.client().compact(target, CompactOption.DEFAULT));
            observed(target);
            return target;
        } catch (EtcdCalls.RevisionRejected e) {
            // Someone compacted to at least this revision already.
            return current();
        }
    }

    /** True when etcd refuses to read at {@code revision} because it compacted past it (revision &lt; C). */
    private boolean compactedBelow(long revision) {
        try {
            kv.read("probe revision " + revision, EtcdKv.probe(revision));
            return false;
        } catch (EtcdCalls.RevisionRejected e) {
            return e.compacted();
        }
    }
}
