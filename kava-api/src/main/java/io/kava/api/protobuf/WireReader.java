package io.kava.api.protobuf;

/** Reads the protobuf wire format from a slice of a byte array. */
final class WireReader {

    static final int VARINT = 0;
    static final int FIXED64 = 1;
    static final int LEN = 2;
    static final int FIXED32 = 5;

    private final byte[] buf;
    private int pos;
    private final int limit;

    WireReader(byte[] buf, int offset, int length) {
        this.buf = buf;
        this.pos = offset;
        this.limit = offset + length;
    }

    WireReader(Slice s) {
        this(s.array(), s.offset(), s.length());
    }

    boolean atEnd() {
        return pos >= limit;
    }

    /** A tag: field number in the high bits, wire type in the low three. */
    long readTag() {
        long tag = readVarint();
        if ((tag >>> 3) == 0) {
            throw new ProtobufDecodeException("malformed protobuf: field number 0");
        }
        if ((tag >>> 3) > 536_870_911L) {
            throw new ProtobufDecodeException("malformed protobuf: field number out of range");
        }
        return tag;
    }

    long readVarint() {
        long result = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (pos >= limit) {
                throw new ProtobufDecodeException("malformed protobuf: truncated varint");
            }
            byte b = buf[pos++];
            result |= (long) (b & 0x7f) << shift;
            if (b >= 0) {
                return result;
            }
        }
        throw new ProtobufDecodeException("malformed protobuf: varint longer than 10 bytes");
    }

    long readFixed64() {
        need(8);
        long v = 0;
        for (int i = 7; i >= 0; i--) {
            v = (v << 8) | (buf[pos + i] & 0xffL);
        }
        pos += 8;
        return v;
    }

    int readFixed32() {
        need(4);
        int v = (buf[pos] & 0xff) | (buf[pos + 1] & 0xff) << 8 | (buf[pos + 2] & 0xff) << 16 | (buf[pos + 3] & 0xff) << 24;
        pos += 4;
        return v;
    }

    Slice readLengthDelimited() {
        long len = readVarint();
        if (len < 0 || len > limit - pos) {
            throw new ProtobufDecodeException("malformed protobuf: length " + len + " runs past the end of the message");
        }
        Slice s = new Slice(buf, pos, (int) len);
        pos += (int) len;
        return s;
    }

    /** Skips one value of the wire type (unknown fields). */
    void skip(int wireType) {
        switch (wireType) {
            case VARINT -> readVarint();
            case FIXED64 -> { need(8); pos += 8; }
            case LEN -> readLengthDelimited();
            case FIXED32 -> { need(4); pos += 4; }
            default -> throw new ProtobufDecodeException("malformed protobuf: unsupported wire type " + wireType);
        }
    }

    private void need(int n) {
        if (limit - pos < n) {
            throw new ProtobufDecodeException("malformed protobuf: truncated fixed-width value");
        }
    }

    /** A view of part of a byte array. */
    record Slice(byte[] array, int offset, int length) {
        static final Slice EMPTY = new Slice(new byte[0], 0, 0);

        byte[] toBytes() {
            return java.util.Arrays.copyOfRange(array, offset, offset + length);
        }

        boolean startsWith(byte[] prefix) {
            if (length < prefix.length) {
                return false;
            }
            for (int i = 0; i < prefix.length; i++) {
                if (array[offset + i] != prefix[i]) {
                    return false;
                }
            }
            return true;
        }
    }
}
