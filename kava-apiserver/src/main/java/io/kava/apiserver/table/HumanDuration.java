package io.kava.apiserver.table;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Kubernetes' {@code duration.HumanDuration} (k8s.io/apimachinery/pkg/util/duration): a duration as two or three
 * significant figures, such as {@code 45s}, {@code 5m30s}, {@code 2d3h}, {@code 3y12d}. Every step truncates, never
 * rounds; a duration up to two seconds negative (clock skew) prints as {@code 0s}, anything earlier as
 * {@code <invalid>}. Ages and other durations in Table cells are rendered with it, server-side.
 */
public final class HumanDuration {

    /** Go's zero {@code time.Time}, which {@code metav1.Time} encodes when a timestamp is unset. */
    private static final Instant GO_ZERO_TIME = Instant.parse("0001-01-01T00:00:00Z");

    private HumanDuration() {
    }

    /** Formats a duration the way {@code duration.HumanDuration} does. */
    public static String format(Duration d) {
        long seconds = truncatedSeconds(d);
        if (seconds < -1) {
            return "<invalid>";
        } else if (seconds < 0) {
            return "0s";
        } else if (seconds < 60 * 2) {
            return seconds + "s";
        }
        long minutes = seconds / 60;
        if (minutes < 10) {
            long s = seconds % 60;
            return s == 0 ? minutes + "m" : minutes + "m" + s + "s";
        } else if (minutes < 60 * 3) {
            return minutes + "m";
        }
        long hours = seconds / 3600;
        if (hours < 8) {
            long m = minutes % 60;
            return m == 0 ? hours + "h" : hours + "h" + m + "m";
        } else if (hours < 48) {
            return hours + "h";
        } else if (hours < 24 * 8) {
            long h = hours % 24;
            return h == 0 ? hours / 24 + "d" : hours / 24 + "d" + h + "h";
        } else if (hours < 24 * 365 * 2) {
            return hours / 24 + "d";
        } else if (hours < 24 * 365 * 8) {
            long days = hours / 24 % 365;
            return days == 0 ? hours / 24 / 365 + "y" : hours / 24 / 365 + "y" + days + "d";
        }
        return hours / 24 / 365 + "y";
    }

    /**
     * The age of a timestamp, as Kubernetes' {@code translateTimestampSince}: {@code <unknown>} when the timestamp is
     * absent (Go's zero time), else the human duration from it to {@code now}.
     *
     * @param timestamp an RFC 3339 timestamp ({@code metav1.Time} or {@code metav1.MicroTime}), or null
     */
    public static String since(String timestamp, Instant now) {
        Instant then = parse(timestamp);
        return then == null ? "<unknown>" : format(Duration.between(then, now));
    }

    /**
     * Parses an RFC 3339 timestamp; null for null, empty or unparseable text, which Kubernetes would hold as the zero
     * time (a stored object never carries an unparseable one).
     */
    static Instant parse(String timestamp) {
        if (timestamp == null || timestamp.isEmpty()) {
            return null;
        }
        try {
            Instant instant = OffsetDateTime.parse(timestamp).toInstant();
            return instant.equals(GO_ZERO_TIME) ? null : instant;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Go's {@code int(d.Seconds())}: whole seconds, truncated toward zero. */
    private static long truncatedSeconds(Duration d) {
        return d.isNegative() ? -d.negated().getSeconds() : d.getSeconds();
    }
}
