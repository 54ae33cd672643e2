package io.kava.apiserver.kinds.validation;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Map;

/**
 * A Kubernetes resource quantity ({@code 100m}, {@code 1Gi}, {@code 1e3}; apimachinery {@code pkg/api/resource}):
 * an exact decimal value and the format it was written in, which decides its canonical text.
 *
 * <p>Parsing follows {@code ParseQuantity}: values are rounded up (away from zero) to nano precision, and a binary
 * quantity below 1 becomes decimal. {@link #toString()} is Kubernetes' canonical form, the text the API server
 * returns ({@code 0.5} becomes {@code 500m}, {@code 1024Mi} becomes {@code 1Gi}, {@code 1000} becomes {@code 1k}).
 * Comparison is by value.
 */
public final class Quantity implements Comparable<Quantity> {

    /** The regular expression Kubernetes names in its parse error. */
    public static final String FORMAT_ERROR =
            "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
    public static final String NUMERIC_ERROR = "unable to parse numeric part of quantity";
    public static final String SUFFIX_ERROR = "unable to parse quantity's suffix";

    /** A quantity that does not parse; the message is Kubernetes'. */
    public static final class ParseException extends IllegalArgumentException {
        ParseException(String message) {
            super(message);
        }
    }

    /** How a quantity is written: with a decimal exponent, a binary (Ki) suffix or a decimal (k, m) suffix. */
    public enum Format { DECIMAL_EXPONENT, BINARY_SI, DECIMAL_SI }

    public static final Quantity ZERO = new Quantity(BigDecimal.ZERO, Format.DECIMAL_SI);

    private static final int NANO = 9;
    private static final BigDecimal BIN_1024 = BigDecimal.valueOf(1024);
    private static final Map<String, Integer> DECIMAL_SUFFIXES = Map.of("n", -9, "u", -6, "m", -3, "", 0, "k", 3,
            "M", 6, "G", 9, "T", 12, "P", 15, "E", 18);
    private static final Map<String, Integer> BINARY_SUFFIXES = Map.of("Ki", 10, "Mi", 20, "Gi", 30, "Ti", 40,
            "Pi", 50, "Ei", 60);
    private static final String[] BINARY_NAMES = {"", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"};

    private final BigDecimal value;
    private final Format format;

    private Quantity(BigDecimal value, Format format) {
        this.value = value;
        this.format = format;
    }

    /** Parses a quantity; throws {@link ParseException} with Kubernetes' message when malformed. */
    public static Quantity parse(String text) {
        if (text == null || text.isEmpty()) {
            throw new ParseException(FORMAT_ERROR);
        }
        int pos = 0;
        int end = text.length();
        if (text.charAt(0) == '+' || text.charAt(0) == '-') {
            pos++;
        }
        int numberStart = pos;
        while (pos < end && Character.isDigit(text.charAt(pos))) {
            pos++;
        }
        if (pos < end && text.charAt(pos) == '.') {
            pos++;
            while (pos < end && Character.isDigit(text.charAt(pos))) {
                pos++;
            }
        }
        String number = text.substring(0, pos);
        String suffix = text.substring(pos);
        // The suffix: letters from "eEinumkKMGTP", an optional sign, digits, and nothing else.
        int s = 0;
        while (s < suffix.length() && "eEinumkKMGTP".indexOf(suffix.charAt(s)) >= 0) {
            s++;
        }
        if (s < suffix.length() && (suffix.charAt(s) == '+' || suffix.charAt(s) == '-')) {
            s++;
        }
        while (s < suffix.length() && Character.isDigit(suffix.charAt(s))) {
            s++;
        }
        if (s != suffix.length()) {
            throw new ParseException(FORMAT_ERROR);
        }
        String digits = number.substring(numberStart);
        if (digits.isEmpty() || digits.equals(".")) {
            if (suffix.isEmpty()) {
                throw new ParseException(FORMAT_ERROR);
            }
            throw new ParseException(NUMERIC_ERROR);
        }
        BigDecimal amount;
        try {
            amount = new BigDecimal(number.startsWith("+") ? number.substring(1) : number);
        } catch (NumberFormatException e) {
            throw new ParseException(NUMERIC_ERROR);
        }
        Format format;
        if (DECIMAL_SUFFIXES.containsKey(suffix)) {
            format = Format.DECIMAL_SI;
            amount = amount.scaleByPowerOfTen(DECIMAL_SUFFIXES.get(suffix));
        } else if (BINARY_SUFFIXES.containsKey(suffix)) {
            format = Format.BINARY_SI;
            amount = amount.multiply(new BigDecimal(BigInteger.ONE.shiftLeft(BINARY_SUFFIXES.get(suffix))));
        } else if (suffix.length() > 1 && (suffix.charAt(0) == 'e' || suffix.charAt(0) == 'E')) {
            int exponent;
            try {
                exponent = Integer.parseInt(suffix.substring(1));
            } catch (NumberFormatException e) {
                throw new ParseException(SUFFIX_ERROR);
            }
            format = Format.DECIMAL_EXPONENT;
            amount = amount.scaleByPowerOfTen(exponent);
        } else {
            throw new ParseException(SUFFIX_ERROR);
        }
        amount = roundUp(amount, NANO);
        if (format == Format.BINARY_SI && amount.abs().compareTo(BigDecimal.ONE) < 0 && amount.signum() != 0) {
            format = Format.DECIMAL_SI;
        }
        return new Quantity(amount, format);
    }

    /** Rounds up (away from zero) to milli precision, as Kubernetes defaults every resource list. */
    public Quantity roundUpToMilli() {
        return new Quantity(roundUp(value, 3), format);
    }

    public Quantity add(Quantity other) {
        return new Quantity(value.add(other.value), format);
    }

    public BigDecimal value() {
        return value;
    }

    public Format format() {
        return format;
    }

    public int signum() {
        return value.signum();
    }

    /** Is this a whole number? */
    public boolean isInteger() {
        return value.signum() == 0 || value.stripTrailingZeros().scale() <= 0;
    }

    @Override
    public int compareTo(Quantity other) {
        return value.compareTo(other.value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Quantity q && value.compareTo(q.value) == 0;
    }

    @Override
    public int hashCode() {
        return value.stripTrailingZeros().hashCode();
    }

    /** Kubernetes' canonical text of this quantity. */
    @Override
    public String toString() {
        if (value.signum() == 0) {
            return "0";
        }
        Format f = format;
        if (f == Format.BINARY_SI && (value.abs().compareTo(BIN_1024) < 0 || !isInteger())) {
            f = Format.DECIMAL_SI;
        }
        if (f == Format.BINARY_SI) {
            BigInteger mantissa = value.toBigIntegerExact();
            int exponent = 0;
            BigInteger k = BigInteger.valueOf(1024);
            while (exponent < BINARY_NAMES.length - 1 && mantissa.mod(k).signum() == 0) {
                mantissa = mantissa.divide(k);
                exponent++;
            }
            return mantissa + BINARY_NAMES[exponent];
        }
        BigDecimal stripped = value.stripTrailingZeros();
        BigInteger mantissa = stripped.unscaledValue();
        int exponent = -stripped.scale();
        int shift = Math.floorMod(exponent, 3);
        mantissa = mantissa.multiply(BigInteger.TEN.pow(shift));
        exponent -= shift;
        if (f == Format.DECIMAL_EXPONENT) {
            return exponent == 0 ? mantissa.toString() : mantissa + "e" + exponent;
        }
        for (var e : DECIMAL_SUFFIXES.entrySet()) {
            if (e.getValue() == exponent) {
                return mantissa + e.getKey();
            }
        }
        return mantissa + "e" + exponent;
    }

    private static BigDecimal roundUp(BigDecimal amount, int scale) {
        return amount.scale() > scale ? amount.setScale(scale, RoundingMode.UP) : amount;
    }
}
