package io.kava.api.protobuf;

/**
 * A protobuf request body Kava cannot turn into JSON: malformed wire data, a bad envelope, or a message that is not in
 * Kava's schema table. The message is one line, fit to be sent back to the client (the API server answers 415 or 400
 * with it).
 */
public final class ProtobufDecodeException extends RuntimeException {

    public ProtobufDecodeException(String message) {
        super(message);
    }
}
