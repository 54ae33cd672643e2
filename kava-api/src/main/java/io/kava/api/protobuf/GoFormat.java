package io.kava.api.protobuf;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The string forms Go's JSON encoding gives Kubernetes' time and duration types. */
final class GoFormat {

    private static final DateTimeFormatter RFC3339 =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter RFC3339_MICRO =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private GoFormat() {
    }

    /** metav1.Time: whole seconds, UTC, {@code 2006-01-02T15:04:05Z} (the protobuf nanos are dropped, as Go does). */
    static String time(long seconds) {
        return RFC3339.format(instant(seconds, 0));
    }

    /** metav1.MicroTime: UTC with six fractional digits, {@code 2006-01-02T15:04:05.000000Z}. */
    static String microTime(long seconds, int nanos) {
        return RFC3339_MICRO.format(instant(seconds, nanos));
    }

    private static Instant instant(long seconds, int nanos) {
        if (seconds < -62_135_596_800L || seconds > 253_402_300_799L || nanos < 0 || nanos > 999_999_999) {
            throw new ProtobufDecodeException("time out of range: " + seconds + "s " + nanos + "ns");
        }
        return Instant.ofEpochSecond(seconds, nanos);
    }

    /** Go's {@code time.Duration.String()}: {@code 1h2m3.5s}, {@code 1.5ms}, {@code 0s}. */
    static String duration(long d) {
        char[] buf = new char[32];
        int w = buf.length;
        long u = d;
        boolean neg = d < 0;
        if (neg) {
            u = -u; // Long.MIN_VALUE stays, read as unsigned 2^63 below
        }
        if (Long.compareUnsigned(u, 1_000_000_000L) < 0) {
            int prec;
            buf[--w] = 's';
            w--;
            if (u == 0) {
                buf[w] = '0';
                return new String(buf, w, buf.length - w);
            } else if (u < 1_000L) {
                prec = 0;
                buf[w] = 'n';
            } else if (u < 1_000_000L) {
                prec = 3;
                buf[w] = 'µ';
            } else {
                prec = 6;
                buf[w] = 'm';
            }
            long[] r = frac(buf, w, u, prec);
            w = (int) r[0];
            w = integer(buf, w, r[1]);
        } else {
            buf[--w] = 's';
            long[] r = frac(buf, w, u, 9);
            w = (int) r[0];
            u = r[1];
            w = integer(buf, w, Long.remainderUnsigned(u, 60));
            u = Long.divideUnsigned(u, 60);
            if (u > 0) {
                buf[--w] = 'm';
                w = integer(buf, w, u % 60);
                u /= 60;
                if (u > 0) {
                    buf[--w] = 'h';
                    w = integer(buf, w, u);
                }
            }
        }
        if (neg) {
            buf[--w] = '-';
        }
        return new String(buf, w, buf.length - w);
    }

    /** Writes the fraction of v / 10^prec before w, trailing zeros and a bare point omitted; returns {w, v / 10^prec}. */
    private static long[] frac(char[] buf, int w, long v, int prec) {
        boolean print = false;
        for (int i = 0; i < prec; i++) {
            long digit = Long.remainderUnsigned(v, 10);
            print = print || digit != 0;
            if (print) {
                buf[--w] = (char) ('0' + digit);
            }
            v = Long.divideUnsigned(v, 10);
        }
        if (print) {
            buf[--w] = '.';
        }
        return new long[]{w, v};
    }

    private static int integer(char[] buf, int w, long v) {
        if (v == 0) {
            buf[--w] = '0';
            return w;
        }
        while (v != 0) {
            buf[--w] = (char) ('0' + Long.remainderUnsigned(v, 10));
            v = Long.divideUnsigned(v, 10);
        }
        return w;
    }
}
