package io.kava.store.etcd;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.MethodDescriptor;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Gives every unary etcd call a deadline, so a call to a member that accepted the connection but never answers
 * (partitioned, stopped, overloaded) ends and can be retried elsewhere. Streams (watch, lease keep-alive) live on.
 */
final class UnaryDeadlines implements ClientInterceptor {

    private final long nanos;

    UnaryDeadlines(Duration timeout) {
        this.nanos = timeout.toNanos();
    }

    @Override
    public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
        if (method.getType() == MethodDescriptor.MethodType.UNARY && options.getDeadline() == null) {
            options = options.withDeadlineAfter(nanos, TimeUnit.NANOSECONDS);
        }
        return next.newCall(method, options);
    }
}
