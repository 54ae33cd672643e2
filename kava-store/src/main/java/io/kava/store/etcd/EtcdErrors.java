package io.kava.store.etcd;

import io.etcd.jetcd.common.exception.EtcdException;
import io.grpc.Status;
import java.net.ConnectException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Sorts what jetcd and gRPC throw into what the store does about it. This is the one place that reads etcd's error
 * strings (they are etcd's API: {@code api/v3rpc/rpctypes/error.go}).
 */
final class EtcdErrors {

    enum Kind {
        /** The request never reached etcd's state machine: any call may be retried. */
        NOT_APPLIED,
        /** etcd may be briefly unavailable (leader election, member restart); a write's outcome is unknown. */
        TRANSIENT,
        /** A read at a revision older than the compact revision. */
        COMPACTED,
        /** A read at a revision newer than the current revision. */
        FUTURE_REVISION,
        /** Anything else: a bug, a bad request, a permission problem. Not retried. */
        FATAL
    }

    /** A failure as etcd described it: the gRPC code, etcd's message and the underlying cause. */
    record Failure(Kind kind, Status.Code code, String description, Throwable cause) {

        @Override
        public String toString() {
            String text = code + (description == null ? "" : " " + description);
            Throwable root = rootCause(cause);
            return root == null || root.getMessage() == null ? text : text + " (" + root.getMessage() + ")";
        }
    }

    private EtcdErrors() {
    }

    static Failure classify(Throwable thrown) {
        Throwable t = unwrap(thrown);
        Status.Code code;
        String description;
        Throwable cause;
        if (t instanceof EtcdException e) {
            code = Status.Code.valueOf(e.getErrorCode().name());
            description = e.getMessage();
            cause = e.getCause();
        } else {
            Status status = Status.fromThrowable(t);
            code = status.getCode();
            description = status.getDescription();
            cause = status.getCause() != null ? status.getCause() : t;
        }
        return new Failure(kind(code, description == null ? "" : description, cause), code, description, cause);
    }

    private static Kind kind(Status.Code code, String description, Throwable cause) {
        if (description.contains("required revision has been compacted")) {
            return Kind.COMPACTED;
        }
        if (description.contains("required revision is a future revision")) {
            return Kind.FUTURE_REVISION;
        }
        // Refused connections send nothing; "no leader" is answered by the hasleader check before the request is
        // processed; dropped proposals and "too many requests" are refused before raft takes them.
        if (hasCause(cause, ConnectException.class)
                || description.equals("etcdserver: no leader")
                || description.contains("raft proposal dropped")
                || description.contains("etcdserver: too many requests")) {
            return Kind.NOT_APPLIED;
        }
        return switch (code) {
            case UNAVAILABLE, DEADLINE_EXCEEDED, ABORTED -> Kind.TRANSIENT;
            // RESOURCE_EXHAUSTED besides "too many requests": database space exceeded, message over the size limit.
            // etcd wraps "request timed out" and friends as Unavailable; a torn stream can surface as these.
            case INTERNAL, UNKNOWN -> description.startsWith("etcdserver: request timed out")
                    || description.contains("Connection reset") ? Kind.TRANSIENT : Kind.FATAL;
            default -> Kind.FATAL;
        };
    }

    static Throwable unwrap(Throwable t) {
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private static boolean hasCause(Throwable t, Class<? extends Throwable> type) {
        for (int depth = 0; t != null && depth < 16; depth++, t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static Throwable rootCause(Throwable t) {
        Throwable root = t;
        for (int depth = 0; root != null && root.getCause() != null && depth < 16; depth++) {
            root = root.getCause();
        }
        return root;
    }
}
