package io.kava.store.etcd;

import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.KV;
import io.etcd.jetcd.kv.TxnResponse;
import io.etcd.jetcd.op.Cmp;
import io.etcd.jetcd.op.Op;
import io.etcd.jetcd.options.GetOption;

/**
 * Every key-value call the store makes, as one etcd transaction: reads are transactions without comparisons (etcd
 * serves them as linearizable reads, not through raft), writes are compare-and-swap transactions. One request shape
 * means one retry and error path (see {@link EtcdCalls}).
 */
final class EtcdKv {

    /** A key no store ever writes; ranges over it only fetch the response header or test a revision. */
    private static final ByteSequence PROBE_KEY = ByteSequence.from(new byte[] {0});

    private final KV kv;
    private final EtcdCalls calls;

    EtcdKv(KV kv, EtcdCalls calls) {
        this.kv = kv;
        this.calls = calls;
    }

    TxnResponse read(String what, Op... ops) {
        return calls.call(what, EtcdCalls.Mode.READ, () -> kv.txn().Then(ops).commit());
    }

    TxnResponse write(String what, Cmp[] compares, Op[] then, Op[] otherwise) {
        return calls.call(what, EtcdCalls.Mode.WRITE, () -> kv.txn().If(compares).Then(then).Else(otherwise).commit());
    }

    /** The revision of the latest write to the cluster (cluster-wide, across namespaces). */
    long currentRevision() {
        return read("read the current revision", probe(0)).getHeader().getRevision();
    }

    /**
     * A range that returns nothing but fails exactly when reading at {@code revision} fails: with "compacted" when
     * {@code revision} is below etcd's compact revision, "future revision" when above the current one. Revision 0
     * means the latest and never fails.
     */
    static Op probe(long revision) {
        return Op.get(PROBE_KEY, GetOption.builder().withRevision(revision).withCountOnly(true).build());
    }

    EtcdCalls calls() {
        return calls;
    }

    KV client() {
        return kv;
    }
}
