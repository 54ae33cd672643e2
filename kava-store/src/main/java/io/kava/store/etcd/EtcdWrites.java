package io.kava.store.etcd;

import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.kv.DeleteResponse;
import io.etcd.jetcd.kv.TxnResponse;
import io.etcd.jetcd.op.Cmp;
import io.etcd.jetcd.op.CmpTarget;
import io.etcd.jetcd.op.Op;
import io.etcd.jetcd.options.DeleteOption;
import io.etcd.jetcd.options.GetOption;
import io.etcd.jetcd.options.PutOption;
import io.kava.store.KeyValue;
import io.kava.store.WriteResult;

/**
 * Conditional writes as etcd transactions. Each one reads back what it needs in the same transaction (a range after
 * a put sees the put), so a result never mixes two revisions: the written key on success, the current key on
 * conflict.
 */
final class EtcdWrites {

    private static final Op[] NONE = {};

    private final EtcdKv kv;
    private final KeyCodec codec;

    EtcdWrites(EtcdKv kv, KeyCodec codec) {
        this.kv = kv;
        this.codec = codec;
    }

    /** if create_revision(key) == 0 then put, get else get */
    WriteResult create(String key, byte[] value, long lease) {
        ByteSequence k = codec.key(key);
        Cmp absent = new Cmp(k, Cmp.Op.EQUAL, CmpTarget.createRevision(0));
        TxnResponse response = kv.write("create " + key, new Cmp[] {absent},
                new Op[] {put(k, value, lease), get(k)}, new Op[] {get(k)});
        return putOutcome(response);
    }

    /** if mod_revision(key) == expected and create_revision(key) &gt; 0 then put, get else get */
    WriteResult update(String key, byte[] value, long expectedModRevision, long lease) {
        ByteSequence k = codec.key(key);
        // The second comparison keeps an update from creating a missing key when expectedModRevision is 0.
        Cmp[] unchanged = {
            new Cmp(k, Cmp.Op.EQUAL, CmpTarget.modRevision(expectedModRevision)),
            new Cmp(k, Cmp.Op.GREATER, CmpTarget.createRevision(0))
        };
        TxnResponse response = kv.write("update " + key, unchanged, new Op[] {put(k, value, lease), get(k)},
                new Op[] {get(k)});
        return putOutcome(response);
    }

    /** if mod_revision(key) == expected then delete(prev_kv) else get; without a condition when expected is 0 */
    WriteResult delete(String key, long expectedModRevision) {
        if (expectedModRevision < 0) {
            throw new IllegalArgumentException("expectedModRevision must not be negative: " + expectedModRevision);
        }
        ByteSequence k = codec.key(key);
        Op delete = Op.delete(k, DeleteOption.builder().withPrevKV(true).build());
        Cmp[] unchanged = expectedModRevision == 0
                ? new Cmp[0]
                : new Cmp[] {new Cmp(k, Cmp.Op.EQUAL, CmpTarget.modRevision(expectedModRevision))};
        TxnResponse response = kv.write("delete " + key, unchanged, new Op[] {delete},
                expectedModRevision == 0 ? NONE : new Op[] {get(k)});
        if (!response.isSucceeded()) {
            return new WriteResult.Conflict(firstKv(response));
        }
        DeleteResponse deleted = response.getDeleteResponses().get(0);
        if (deleted.getDeleted() == 0) {
            return new WriteResult.Conflict(null);
        }
        return new WriteResult.Ok(codec.decode(deleted.getPrevKvs().get(0)), response.getHeader().getRevision());
    }

    private WriteResult putOutcome(TxnResponse response) {
        KeyValue kv = firstKv(response);
        return response.isSucceeded()
                ? new WriteResult.Ok(kv, response.getHeader().getRevision())
                : new WriteResult.Conflict(kv);
    }

    private KeyValue firstKv(TxnResponse response) {
        return response.getGetResponses().stream().flatMap(r -> r.getKvs().stream()).findFirst()
                .map(codec::decode).orElse(null);
    }

    private static Op put(ByteSequence key, byte[] value, long lease) {
        return Op.put(key, KeyCodec.bytes(value), PutOption.builder().withLeaseId(lease).build());
    }

    private static Op get(ByteSequence key) {
        return Op.get(key, GetOption.DEFAULT);
    }
}
