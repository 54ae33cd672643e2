/**
 * Decoding of Kubernetes protobuf request bodies ({@code application/vnd.kubernetes.protobuf}) into the JSON trees a
 * JSON client would have sent. {@link io.kava.api.protobuf.KubeProtobuf} is the entry point; the messages Kava knows
 * are listed in the resource {@code kube-protobuf-schema.txt} next to these classes.
 */
package io.kava.api.protobuf;
