package io.kava.store.etcd;

import static org.assertj.core.api.Assertions.assertThat;

import io.etcd.jetcd.common.exception.EtcdExceptionFactory;
import io.grpc.Status;
import java.net.ConnectException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

class EtcdErrorsTest {

    @Test
    void revisionErrors() {
        assertThat(kind(Status.OUT_OF_RANGE.withDescription("etcdserver: mvcc: required revision has been compacted")))
                .isEqualTo(EtcdErrors.Kind.COMPACTED);
        assertThat(kind(Status.OUT_OF_RANGE.withDescription(
                "etcdserver: mvcc: required revision is a future revision")))
                .isEqualTo(EtcdErrors.Kind.FUTURE_REVISION);
    }

    @Test
    void requestsEtcdNeverTookMayBeRepeated() {
        assertThat(kind(Status.UNAVAILABLE.withDescription("io exception")
                .withCause(new ConnectException("Connection refused")))).isEqualTo(EtcdErrors.Kind.NOT_APPLIED);
        assertThat(kind(Status.UNAVAILABLE.withDescription("etcdserver: no leader")))
                .isEqualTo(EtcdErrors.Kind.NOT_APPLIED);
        assertThat(kind(Status.UNKNOWN.withDescription("raft proposal dropped")))
                .isEqualTo(EtcdErrors.Kind.NOT_APPLIED);
        assertThat(kind(Status.RESOURCE_EXHAUSTED.withDescription("etcdserver: too many requests")))
                .isEqualTo(EtcdErrors.Kind.NOT_APPLIED);
    }

    @Test
    void requestsThatMayHaveBeenAppliedAreTransient() {
        assertThat(kind(Status.UNAVAILABLE.withDescription("etcdserver: request timed out, possibly due to previous "
                + "leader failure"))).isEqualTo(EtcdErrors.Kind.TRANSIENT);
        assertThat(kind(Status.UNAVAILABLE.withDescription("etcdserver: leader changed")))
                .isEqualTo(EtcdErrors.Kind.TRANSIENT);
        assertThat(kind(Status.UNAVAILABLE.withDescription("io exception"))).isEqualTo(EtcdErrors.Kind.TRANSIENT);
        assertThat(kind(Status.DEADLINE_EXCEEDED)).isEqualTo(EtcdErrors.Kind.TRANSIENT);
    }

    @Test
    void everythingElseIsFatal() {
        assertThat(kind(Status.INVALID_ARGUMENT.withDescription("etcdserver: request is too large")))
                .isEqualTo(EtcdErrors.Kind.FATAL);
        assertThat(kind(Status.NOT_FOUND.withDescription("etcdserver: requested lease not found")))
                .isEqualTo(EtcdErrors.Kind.FATAL);
        assertThat(kind(Status.PERMISSION_DENIED)).isEqualTo(EtcdErrors.Kind.FATAL);
        assertThat(kind(Status.RESOURCE_EXHAUSTED.withDescription("etcdserver: mvcc: database space exceeded")))
                .isEqualTo(EtcdErrors.Kind.FATAL);
    }

    @Test
    void unwrapsFuturesAndJetcdExceptions() {
        Throwable wrapped = new ExecutionException(new CompletionException(
                Status.UNAVAILABLE.withDescription("etcdserver: no leader").asRuntimeException()));
        assertThat(EtcdErrors.classify(wrapped).kind()).isEqualTo(EtcdErrors.Kind.NOT_APPLIED);

        EtcdErrors.Failure jetcd = EtcdErrors.classify(EtcdExceptionFactory.toEtcdException(
                Status.UNAVAILABLE.withDescription("io exception")
                        .withCause(new ConnectException("Connection refused"))));
        assertThat(jetcd.kind()).isEqualTo(EtcdErrors.Kind.NOT_APPLIED);
        assertThat(jetcd.code()).isEqualTo(Status.Code.UNAVAILABLE);
        assertThat(jetcd).hasToString("UNAVAILABLE io exception (Connection refused)");
    }

    private static EtcdErrors.Kind kind(Status status) {
        return EtcdErrors.classify(status.asRuntimeException()).kind();
    }
}
