package io.kava.store;

import java.nio.charset.StandardCharsets;

/**
 * One key at one revision, as etcd's mvccpb.KeyValue describes it.
 *
 * @param key            the full key (for example {@code /registry/pods/default/web})
 * @param value          the stored bytes; empty for the key of a DELETE event
 * @param createRevision the revision that created this incarnation of the key
 * @param modRevision    the revision of the last write to the key
 * @param version        writes since creation: 1 after create, +1 per update; 0 once deleted
 * @param lease          the lease the key is attached to, 0 for none
 */
public record KeyValue(String key, byte[] value, long createRevision, long modRevision, long version, long lease) {

    public String valueAsString() {
        return new String(value, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "KeyValue[" + key + " create=" + createRevision + " mod=" + modRevision + " version=" + version
                + " lease=" + lease + " bytes=" + value.length + "]";
    }
}
