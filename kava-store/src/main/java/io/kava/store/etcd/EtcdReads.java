package io.kava.store.etcd;

import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.kv.GetResponse;
import io.etcd.jetcd.kv.TxnResponse;
import io.etcd.jetcd.op.Op;
import io.etcd.jetcd.options.GetOption;
import io.kava.store.CompactedException;
import io.kava.store.FutureRevisionException;
import io.kava.store.KeyValue;
import io.kava.store.RangeResult;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Point reads, ranges and counts. All are linearizable: served by a member that has caught up with the leader. */
final class EtcdReads {

    private final EtcdKv kv;
    private final KeyCodec codec;
    private final EtcdCompaction compaction;

    EtcdReads(EtcdKv kv, KeyCodec codec, EtcdCompaction compaction) {
        this.kv = kv;
        this.codec = codec;
        this.compaction = compaction;
    }

    Optional<KeyValue> get(String key) {
        TxnResponse response = kv.read("get " + key, Op.get(codec.key(key), GetOption.DEFAULT));
        return response.getGetResponses().get(0).getKvs().stream().findFirst().map(codec::decode);
    }

    /**
     * A page of keys under {@code prefix}. At a past revision the range travels with a probe at revision - 1 in one
     * transaction, so etcd refuses the pair exactly when the store contract refuses the read: at or below the compact
     * revision, even when another client compacted.
     */
    RangeResult range(String prefix, String startKey, int limit, long revision) {
        if (limit < 0 || revision < 0) {
            throw new IllegalArgumentException("limit and revision must not be negative: limit=" + limit + " revision="
                    + revision);
        }
        if (revision > 0 && revision <= compaction.known()) {
            throw new CompactedException(revision, compaction.current());
        }
        ByteSequence from = codec.key(prefix);
        if (startKey != null) {
            ByteSequence start = codec.key(startKey);
            if (Arrays.compareUnsigned(start.getBytes(), from.getBytes()) > 0) {
                from = start;
            }
        }
        GetOption option = GetOption.builder().withRange(codec.prefixEnd(prefix)).withLimit(limit)
                .withRevision(revision).build();
        Op range = Op.get(from, option);
        TxnResponse response;
        try {
            String what = "range " + prefix;
            response = revision > 1 ? kv.read(what, range, EtcdKv.probe(revision - 1)) : kv.read(what, range);
        } catch (EtcdCalls.RevisionRejected e) {
            if (e.compacted()) {
                throw new CompactedException(revision, compaction.current());
            }
            throw new FutureRevisionException(revision, kv.currentRevision());
        }
        GetResponse page = response.getGetResponses().get(0);
        List<KeyValue> kvs = page.getKvs().stream().map(codec::decode).toList();
        return new RangeResult(kvs, revision > 0 ? revision : response.getHeader().getRevision(), page.isMore());
    }

    long count(String prefix) {
        GetOption option = GetOption.builder().withRange(codec.prefixEnd(prefix)).withCountOnly(true).build();
        return kv.read("count " + prefix, Op.get(codec.key(prefix), option)).getGetResponses().get(0).getCount();
    }
}
