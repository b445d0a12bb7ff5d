package io.rivulet.query.memory;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.regex.Pattern;

/** JS number conversions: {@code Number(string)} and {@code Number.prototype.toString()}. */
final class JsNumbers {

    private static final Pattern DECIMAL = Pattern.compile("[+-]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?");
    private static final Pattern HEX = Pattern.compile("0[xX][0-9a-fA-F]+");
    private static final Pattern OCTAL = Pattern.compile("0[oO][0-7]+");
    private static final Pattern BINARY = Pattern.compile("0[bB][01]+");

    /** WhiteSpace and LineTerminator code points of ECMA-262 (what {@code trim()} removes). */
    private static final String JS_SPACE = "\t\n\u000B\f\r \u00A0\u1680\u2000\u2001\u2002\u2003\u2004"
            + "\u2005\u2006\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000\uFEFF";

    private JsNumbers() {
    }

    /** StringToNumber: {@code Number(s)}. */
    static double parse(String s) {
        String t = trim(s);
        if (t.isEmpty()) {
            return 0;
        }
        if (DECIMAL.matcher(t).matches()) {
            return Double.parseDouble(t);
        }
        if (HEX.matcher(t).matches()) {
            return new BigInteger(t.substring(2), 16).doubleValue();
        }
        if (OCTAL.matcher(t).matches()) {
            return new BigInteger(t.substring(2), 8).doubleValue();
        }
        if (BINARY.matcher(t).matches()) {
            return new BigInteger(t.substring(2), 2).doubleValue();
        }
        return switch (t) {
            case "Infinity", "+Infinity" -> Double.POSITIVE_INFINITY;
            case "-Infinity" -> Double.NEGATIVE_INFINITY;
            default -> Double.NaN;
        };
    }

    static String trim(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && JS_SPACE.indexOf(s.charAt(start)) >= 0) {
            start++;
        }
        while (end > start && JS_SPACE.indexOf(s.charAt(end - 1)) >= 0) {
            end--;
        }
        return s.substring(start, end);
    }

    /** Number::toString(10): the shortest digits that read back as {@code d}, laid out as JS does. */
    static String format(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        } else if (d == 0) {
            return "0";
        } else if (Double.isInfinite(d)) {
            return d > 0 ? "Infinity" : "-Infinity";
        } else if (d < 0) {
            return "-" + format(-d);
        }
        BigDecimal shortest = shortest(d);
        String digits = shortest.unscaledValue().toString();
        int k = digits.length();
        int n = k - shortest.scale();
        if (k <= n && n <= 21) {
            return digits + "0".repeat(n - k);
        } else if (0 < n && n <= 21) {
            return digits.substring(0, n) + "." + digits.substring(n);
        } else if (-6 < n && n <= 0) {
            return "0." + "0".repeat(-n) + digits;
        }
        String exponent = (n - 1 >= 0 ? "e+" : "e-") + Math.abs(n - 1);
        return k == 1 ? digits + exponent : digits.charAt(0) + "." + digits.substring(1) + exponent;
    }

    /**
     * The fewest significant digits that read back as {@code d}, and of those the closest to
     * {@code d}. The p-digit decimals just below and just above {@code d} are the only candidates:
     * the interval that reads back as {@code d} is contiguous (and lopsided at powers of two).
     */
    private static BigDecimal shortest(double d) {
        BigDecimal exact = new BigDecimal(d);
        for (int precision = 1; precision <= 17; precision++) {
            BigDecimal down = exact.round(new MathContext(precision, RoundingMode.DOWN));
            BigDecimal up = exact.round(new MathContext(precision, RoundingMode.UP));
            boolean downOk = down.doubleValue() == d;
            boolean upOk = up.doubleValue() == d;
            if (downOk && upOk) {
                return exact.round(new MathContext(precision, RoundingMode.HALF_EVEN)).stripTrailingZeros();
            } else if (downOk || upOk) {
                return (downOk ? down : up).stripTrailingZeros();
            }
        }
        return exact.round(new MathContext(17, RoundingMode.HALF_EVEN)).stripTrailingZeros();
    }
}
