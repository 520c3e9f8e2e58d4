package io.tusk.internal.codec.numeric;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * float4/float8 text exactly as PostgreSQL 12+ prints it with the default extra_float_digits: the
 * shortest decimal that identifies the value (the server uses Ryu), in plain notation when the
 * decimal exponent is in -4..14 for float8 (-4..5 for float4), otherwise as {@code 1.5e+20} with at
 * least two exponent digits; {@code NaN}, {@code Infinity}, {@code -Infinity}, {@code -0}.
 *
 * <p>Java's {@code Double.toString} is not usable: it writes {@code 1.0E10}, and before JDK 19 it
 * sometimes gives more digits than needed. The digits are found here with exact BigDecimal
 * arithmetic instead: the fewest significant digits p for which a p-digit decimal lies strictly
 * between the midpoints to the neighbouring floats, and of those the one nearest to the value (ties
 * to even), which is what Ryu computes. Strictly: the server's Ryu is built without
 * STRICTLY_SHORTEST, so a decimal exactly on a midpoint never counts, even where reading it back would
 * round to the value (float4 664700032 prints {@code 6.6470003e+08}, not {@code 6.647e+08}).
 * Existence is monotone in p, and a p-digit candidate exists iff the value rounded down or up to p
 * digits is one, so the search takes a few roundings.
 */
public final class FloatText {
    private FloatText() {
    }

    public static String format(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        } else if (Double.isInfinite(value)) {
            return value > 0 ? "Infinity" : "-Infinity";
        } else if (value == 0) {
            return 1 / value < 0 ? "-0" : "0";
        }
        double abs = Math.abs(value);
        BigDecimal exact = new BigDecimal(abs);
        BigDecimal lower = exact.add(new BigDecimal(Math.nextDown(abs))).divide(BigDecimal.valueOf(2));
        BigDecimal upper = exact.add(new BigDecimal(Math.ulp(abs)).divide(BigDecimal.valueOf(2)));
        int start = new BigDecimal(Double.toString(abs)).precision();
        return layout(shortest(exact, lower, upper, start), value < 0, 15);
    }

    public static String format(float value) {
        if (Float.isNaN(value)) {
            return "NaN";
        } else if (Float.isInfinite(value)) {
            return value > 0 ? "Infinity" : "-Infinity";
        } else if (value == 0) {
            return 1 / value < 0 ? "-0" : "0";
        }
        float abs = Math.abs(value);
        BigDecimal exact = new BigDecimal(abs);
        BigDecimal lower = exact.add(new BigDecimal(Math.nextDown(abs))).divide(BigDecimal.valueOf(2));
        BigDecimal upper = exact.add(new BigDecimal(Math.ulp(abs)).divide(BigDecimal.valueOf(2)));
        int start = new BigDecimal(Float.toString(abs)).precision();
        return layout(shortest(exact, lower, upper, start), value < 0, 6);
    }

    /** Java's digit count is a good first guess: usually right, and off by one or two otherwise. */
    private static BigDecimal shortest(BigDecimal exact, BigDecimal lower, BigDecimal upper, int guess) {
        int p = guess;
        if (exists(exact, lower, upper, p)) {
            while (p > 1 && exists(exact, lower, upper, p - 1)) {
                p--;
            }
        } else {
            do {
                p++;
            } while (!exists(exact, lower, upper, p));
        }
        for (RoundingMode mode : new RoundingMode[] {RoundingMode.HALF_EVEN, RoundingMode.FLOOR, RoundingMode.CEILING}) {
            BigDecimal candidate = round(exact, p, mode);
            if (inside(candidate, lower, upper)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no " + p + "-digit form of " + exact);
    }

    private static boolean exists(BigDecimal exact, BigDecimal lower, BigDecimal upper, int p) {
        return inside(round(exact, p, RoundingMode.FLOOR), lower, upper)
                || inside(round(exact, p, RoundingMode.CEILING), lower, upper);
    }

    private static boolean inside(BigDecimal candidate, BigDecimal lower, BigDecimal upper) {
        return candidate.compareTo(lower) > 0 && candidate.compareTo(upper) < 0;
    }

    private static BigDecimal round(BigDecimal exact, int digits, RoundingMode mode) {
        return exact.round(new MathContext(digits, mode));
    }

    /** Plain notation for exponents in -4..plainBelow-1, else {@code d.ddde+XX}, as the server's to_chars. */
    private static String layout(BigDecimal magnitude, boolean negative, int plainBelow) {
        BigDecimal d = magnitude.stripTrailingZeros();
        String digits = d.unscaledValue().toString();
        int exponent = digits.length() - 1 - d.scale();
        StringBuilder sb = new StringBuilder(digits.length() + 8);
        if (negative) {
            sb.append('-');
        }
        if (exponent >= -4 && exponent < plainBelow) {
            return sb.append(d.toPlainString()).toString();
        }
        sb.append(digits.charAt(0));
        if (digits.length() > 1) {
            sb.append('.').append(digits, 1, digits.length());
        }
        sb.append('e').append(exponent < 0 ? '-' : '+');
        int abs = Math.abs(exponent);
        return (abs < 10 ? sb.append('0') : sb).append(abs).toString();
    }
}
