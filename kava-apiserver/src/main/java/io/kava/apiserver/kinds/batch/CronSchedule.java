package io.kava.apiserver.kinds.batch;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks a CronJob schedule as Kubernetes does, with the robfig/cron v3 standard parser: five fields (minute, hour,
 * day of month, month, day of week) with {@code *}, {@code ?}, ranges, steps, lists and month/day names, or a
 * descriptor ({@code @hourly}, {@code @daily}, {@code @midnight}, {@code @weekly}, {@code @monthly}, {@code @yearly},
 * {@code @annually}, {@code @every <duration>}). The messages are the parser's.
 */
public final class CronSchedule {

    private record Bounds(int min, int max, Map<String, Integer> names) {
    }

    private static final List<Bounds> FIELDS = List.of(
            new Bounds(0, 59, Map.of()),
            new Bounds(0, 23, Map.of()),
            new Bounds(1, 31, Map.of()),
            new Bounds(1, 12, Map.ofEntries(Map.entry("jan", 1), Map.entry("feb", 2), Map.entry("mar", 3),
                    Map.entry("apr", 4), Map.entry("may", 5), Map.entry("jun", 6), Map.entry("jul", 7),
                    Map.entry("aug", 8), Map.entry("sep", 9), Map.entry("oct", 10), Map.entry("nov", 11),
                    Map.entry("dec", 12))),
            new Bounds(0, 6, Map.of("sun", 0, "mon", 1, "tue", 2, "wed", 3, "thu", 4, "fri", 5, "sat", 6)));
    private static final List<String> DESCRIPTORS = List.of("@yearly", "@annually", "@monthly", "@weekly", "@daily",
            "@midnight", "@hourly");
    private static final Pattern DURATION = Pattern.compile("([0-9]*(\\.[0-9]*)?(ns|us|µs|ms|s|m|h))+");
    private static final Pattern TIME_ZONE_PART = Pattern.compile("[A-Za-z.\\-_0-9+]{1,14}");

    private CronSchedule() {
    }

    /** Null when {@code schedule} parses, else the parser's error. */
    public static String check(String schedule) {
        if (schedule.isEmpty()) {
            return "empty spec string";
        }
        String spec = schedule;
        if (spec.startsWith("TZ=") || spec.startsWith("CRON_TZ=")) {
            int space = spec.indexOf(' ');
            int eq = spec.indexOf('=');
            String zone = space < 0 ? spec.substring(eq + 1) : spec.substring(eq + 1, space);
            if (space < 0 || timeZoneError(zone) != null) {
                return "provided bad location " + zone + ": unknown time zone " + zone;
            }
            spec = spec.substring(space).strip();
        }
        if (spec.startsWith("@")) {
            return descriptor(spec);
        }
        String[] fields = spec.isBlank() ? new String[0] : spec.strip().split("\\s+");
        if (fields.length != 5) {
            return "expected exactly 5 fields, found " + fields.length + ": [" + String.join(" ", fields) + "]";
        }
        for (int i = 0; i < 5; i++) {
            String error = field(fields[i], FIELDS.get(i));
            if (error != null) {
                return error;
            }
        }
        return null;
    }

    /**
     * Null when {@code timeZone} names an IANA time zone Go's {@code time.LoadLocation} knows, else its error
     * ({@code unknown time zone <name>}).
     */
    public static String timeZoneError(String timeZone) {
        for (String part : timeZone.split("/", -1)) {
            if (part.equals(".") || part.equals("..") || part.startsWith("-")
                    || !TIME_ZONE_PART.matcher(part).matches()) {
                return "unknown time zone " + timeZone;
            }
        }
        if (timeZone.equals("UTC") || ZoneId.getAvailableZoneIds().contains(timeZone)) {
            return null;
        }
        return "unknown time zone " + timeZone;
    }

    private static String descriptor(String spec) {
        if (DESCRIPTORS.contains(spec)) {
            return null;
        }
        if (spec.startsWith("@every ")) {
            String duration = spec.substring("@every ".length());
            if (duration.equals("0") || DURATION.matcher(duration).matches() && duration.matches(".*[0-9].*")) {
                return null;
            }
            return "failed to parse duration " + spec + ": time: invalid duration \"" + duration + "\"";
        }
        return "unrecognized descriptor: " + spec;
    }

    private static String field(String field, Bounds bounds) {
        for (String expr : field.split(",")) {
            if (expr.isEmpty()) {
                continue;
            }
            String error = range(expr, bounds);
            if (error != null) {
                return error;
            }
        }
        return null;
    }

    private static String range(String expr, Bounds bounds) {
        String[] rangeAndStep = expr.split("/", -1);
        String[] lowAndHigh = rangeAndStep[0].split("-", -1);
        boolean single = lowAndHigh.length == 1;
        long start;
        long end;
        long step;
        if (lowAndHigh[0].equals("*") || lowAndHigh[0].equals("?")) {
            start = bounds.min();
            end = bounds.max();
        } else {
            Object parsed = intOrName(lowAndHigh[0], bounds);
            if (parsed instanceof String error) {
                return error;
            }
            start = (Long) parsed;
            switch (lowAndHigh.length) {
                case 1 -> end = start;
                case 2 -> {
                    Object high = intOrName(lowAndHigh[1], bounds);
                    if (high instanceof String error) {
                        return error;
                    }
                    end = (Long) high;
                }
                default -> {
                    return "too many hyphens: " + expr;
                }
            }
        }
        switch (rangeAndStep.length) {
            case 1 -> step = 1;
            case 2 -> {
                Object parsed = mustParseInt(rangeAndStep[1]);
                if (parsed instanceof String error) {
                    return error;
                }
                step = (Long) parsed;
                if (single) {
                    end = bounds.max();
                }
            }
            default -> {
                return "too many slashes: " + expr;
            }
        }
        if (start < bounds.min()) {
            return "beginning of range (" + start + ") below minimum (" + bounds.min() + "): " + expr;
        }
        if (end > bounds.max()) {
            return "end of range (" + end + ") above maximum (" + bounds.max() + "): " + expr;
        }
        if (start > end) {
            return "beginning of range (" + start + ") beyond end of range (" + end + "): " + expr;
        }
        if (step == 0) {
            return "step of range should be a positive number: " + expr;
        }
        return null;
    }

    /** A Long, or the error message. */
    private static Object intOrName(String expr, Bounds bounds) {
        Integer named = bounds.names().get(expr.toLowerCase(java.util.Locale.ROOT));
        return named != null ? Long.valueOf(named) : mustParseInt(expr);
    }

    /** A Long, or the error message ({@code strconv.Atoi}'s wording). */
    private static Object mustParseInt(String expr) {
        long value;
        if (!expr.matches("[+-]?[0-9]+")) {
            return "failed to parse int from " + expr + ": strconv.Atoi: parsing \"" + expr + "\": invalid syntax";
        }
        try {
            value = Long.parseLong(expr);
        } catch (NumberFormatException e) {
            return "failed to parse int from " + expr + ": strconv.Atoi: parsing \"" + expr + "\": value out of range";
        }
        if (value < 0) {
            return "negative number (" + value + ") not allowed: " + expr;
        }
        return value;
    }
}
