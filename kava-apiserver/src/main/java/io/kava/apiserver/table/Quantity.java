package io.kava.apiserver.table;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resource quantities in canonical form, as {@code resource.Quantity.String()} prints them (k8s.io/apimachinery
 * {@code pkg/api/resource}): the real server stores quantities canonically, so its cells show {@code 1536Mi} for a
 * {@code 1.5Gi} request, {@code 500m} for {@code 0.5}, {@code 1} for {@code 1000m}. Kava may store the text a client
 * wrote; printers canonicalize it here.
 *
 * <p>Rules: the value keeps the suffix family it was written with (decimal SI {@code n u m k M G T P E}, binary SI
 * {@code Ki..Ei}, or a decimal exponent {@code e3}); values below the nano are rounded up. Decimal forms print the
 * smallest integer mantissa with an exponent that is a multiple of 3; binary forms print the integer mantissa with
 * the largest power of 1024, falling back to decimal SI below 1024 or for fractions.
 */
final class Quantity {

    private static final Pattern SYNTAX =
            Pattern.compile("([+-]?)([0-9]*)(?:\\.([0-9]*))?([eEinumkKMGTP]*[+-]?[0-9]*)");
    private static final Map<String, Integer> DECIMAL = Map.of("n", -9, "u", -6, "m", -3, "", 0, "k", 3, "M", 6,
            "G", 9, "T", 12, "P", 15, "E", 18);
    private static final Map<String, Integer> BINARY = Map.of("Ki", 10, "Mi", 20, "Gi", 30, "Ti", 40, "Pi", 50,
            "Ei", 60);
    private static final BigInteger KI = BigInteger.valueOf(1024);

    private enum Format { DECIMAL_SI, BINARY_SI, DECIMAL_EXPONENT }

    private Quantity() {
    }

    /** The canonical form of a quantity, or the text unchanged when it does not parse. */
    static String format(String text) {
        if (text == null) {
            return "<nil>";
        }
        Matcher m = SYNTAX.matcher(text);
        if (text.isEmpty() || !m.matches() || (m.group(2).isEmpty() && m.group(3) == null)) {
            return text;
        }
        String suffix = m.group(4);
        if (writtenCanonically(m.group(2), m.group(3) == null ? "" : m.group(3), suffix)) {
            return text;
        }
        BigDecimal value;
        Format format;
        try {
            value = new BigDecimal(m.group(1) + (m.group(2).isEmpty() ? "0" : m.group(2))
                    + (m.group(3) == null || m.group(3).isEmpty() ? "" : "." + m.group(3)));
            if (DECIMAL.containsKey(suffix)) {
                format = Format.DECIMAL_SI;
                value = value.scaleByPowerOfTen(DECIMAL.get(suffix));
            } else if (BINARY.containsKey(suffix)) {
                format = Format.BINARY_SI;
                value = value.multiply(new BigDecimal(BigInteger.TWO.pow(BINARY.get(suffix))));
            } else if (suffix.length() > 1 && (suffix.charAt(0) == 'e' || suffix.charAt(0) == 'E')) {
                format = Format.DECIMAL_EXPONENT;
                value = value.scaleByPowerOfTen(Integer.parseInt(suffix.substring(1)));
            } else {
                return text;
            }
        } catch (NumberFormatException | ArithmeticException e) {
            return text;
        }
        if (value.signum() == 0) {
            return "0";
        }
        if (value.scale() > 9) {
            value = value.setScale(9, RoundingMode.UP); // away from zero: asking for some means getting some
        }
        if (format == Format.BINARY_SI && (value.abs().compareTo(BigDecimal.valueOf(1024)) < 0
                || value.stripTrailingZeros().scale() > 0)) {
            format = Format.DECIMAL_SI;
        }
        return format == Format.BINARY_SI ? binary(value.toBigIntegerExact()) : decimal(value, format);
    }

    /**
     * Kubernetes keeps the written text when its parser's int64 fast path judges it canonical already: a decimal
     * mantissa without leading zeros or three trailing zeros at a scale that is a multiple of 3, or a binary
     * mantissa that is not a multiple of 8. (That is why {@code 1E6} stays {@code 1E6} and {@code +5} stays
     * {@code +5}.)
     */
    private static boolean writtenCanonically(String integer, String fraction, String suffix) {
        String num = integer.replaceFirst("^0+", "");
        num = num.isEmpty() ? "0" : num;
        String shifted = num + fraction;
        int exponent;
        if (DECIMAL.containsKey(suffix)) {
            exponent = DECIMAL.get(suffix);
        } else if (suffix.length() > 1 && (suffix.charAt(0) == 'e' || suffix.charAt(0) == 'E')) {
            try {
                exponent = Integer.parseInt(suffix.substring(1));
            } catch (NumberFormatException e) {
                return false;
            }
        } else if (BINARY.containsKey(suffix)) {
            int power = BINARY.get(suffix);
            if (!fraction.isEmpty() || 15 - num.length() - (int) (power * 3f / 10) - 1 < 0) {
                return false;
            }
            long value = Long.parseLong(num);
            return value < (Long.MAX_VALUE >> power) && power % 10 == 0 && (value & 0x07) != 0;
        } else {
            return false;
        }
        int scale = exponent - fraction.length();
        return shifted.length() <= 18 && scale >= -9 && scale % 3 == 0 && !shifted.endsWith("000")
                && shifted.charAt(0) != '0';
    }

    private static String decimal(BigDecimal value, Format format) {
        BigDecimal stripped = value.stripTrailingZeros();
        BigInteger mantissa = stripped.unscaledValue();
        int exponent = -stripped.scale();
        while (exponent % 3 != 0) {
            mantissa = mantissa.multiply(BigInteger.TEN);
            exponent--;
        }
        String suffix;
        if (format == Format.DECIMAL_EXPONENT) {
            suffix = exponent == 0 ? "" : "e" + exponent;
        } else {
            int power = exponent;
            suffix = DECIMAL.entrySet().stream().filter(e -> e.getValue() == power).map(Map.Entry::getKey)
                    .findFirst().orElse(""); // Kubernetes, too, drops a suffix it has no name for
        }
        return mantissa + suffix;
    }

    private static String binary(BigInteger value) {
        int exponent = 0;
        while (exponent < 60 && value.mod(KI).signum() == 0) {
            value = value.divide(KI);
            exponent += 10;
        }
        int power = exponent;
        String suffix = BINARY.entrySet().stream().filter(e -> e.getValue() == power).map(Map.Entry::getKey)
                .findFirst().orElse("");
        return value + suffix;
    }
}
