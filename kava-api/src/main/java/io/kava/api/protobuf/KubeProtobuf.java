package io.kava.api.protobuf;

import java.util.List;
import java.util.Locale;

import io.kava.api.protobuf.WireReader.Slice;
import tools.jackson.databind.node.ObjectNode;

/**
 * Decodes Kubernetes protobuf request bodies ({@code application/vnd.kubernetes.protobuf}, as kubectl and client-go
 * typed clients send them) into the JSON tree a JSON client would have sent for the same object.
 *
 * <p>A body is the four bytes {@code k8s\0} and a {@code runtime.Unknown} message: {@code typeMeta} (field 1:
 * apiVersion 1, kind 2), {@code raw} (2: the object's own message), {@code contentEncoding} (3) and
 * {@code contentType} (4). The object's message is read with Kava's schema table ({@code kube-protobuf-schema.txt})
 * and rendered as Go's encoding/json renders the Go type: pointer fields appear exactly when sent, value fields with
 * omitempty only when non-zero, value fields without omitempty always, nested structs always, empty lists and maps
 * never (Go would write null), zero times never (Go would write null). Times become RFC 3339 strings, quantities
 * strings, int-or-strings numbers or strings, bytes base64, raw extensions and managed fields embedded JSON.
 * {@code apiVersion} and {@code kind} come from the envelope and lead the object.
 *
 * <p>Fields the table does not know are dropped, as the Kubernetes API server drops unknown protobuf fields (field
 * validation applies to JSON and YAML only); {@link #decode(byte[], List)} reports them. A kind the table does not
 * know is an error, never a guess.
 */
public final class KubeProtobuf {

    /** The media type of Kubernetes protobuf. */
    public static final String MEDIA_TYPE = "application/vnd.kubernetes.protobuf";

    private KubeProtobuf() {
    }

    /**
     * True for a Content-Type of one Kubernetes protobuf object ({@code application/vnd.kubernetes.protobuf}, any
     * case, any parameters but {@code stream}); false for null, JSON, YAML and protobuf watch streams.
     */
    public static boolean isProtobuf(String contentType) {
        if (contentType == null) {
            return false;
        }
        String[] parts = contentType.split(";");
        if (!parts[0].strip().toLowerCase(Locale.ROOT).equals(MEDIA_TYPE)) {
            return false;
        }
        for (int i = 1; i < parts.length; i++) {
            if (parts[i].strip().toLowerCase(Locale.ROOT).startsWith("stream=")) {
                return false;
            }
        }
        return true;
    }

    /**
     * The JSON tree of a protobuf body.
     *
     * @throws ProtobufDecodeException with a one-line message when the body is malformed or holds a kind Kava's
     *                                 table does not have
     */
    public static ObjectNode decode(byte[] body) {
        return decode(body, null);
    }

    /**
     * As {@link #decode(byte[])}, adding to {@code warnings} (when not null) one line for each field that was dropped
     * because the table does not know it.
     */
    public static ObjectNode decode(byte[] body, List<String> warnings) {
        if (body == null) {
            throw new ProtobufDecodeException("empty protobuf body");
        }
        return new MessageDecoder(KubeSchema.builtin(), warnings).envelope(new Slice(body, 0, body.length));
    }

    /** True when Kava can decode protobuf bodies of this apiVersion and kind. */
    public static boolean supports(String apiVersion, String kind) {
        return KubeSchema.builtin().kind(apiVersion, kind) != null;
    }
}
