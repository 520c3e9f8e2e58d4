package io.tusk.internal.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import org.junit.jupiter.api.function.Executable;

/**
 * Helpers for codec tests. Every value is decoded from the middle of a larger array, with junk on both
 * sides, because real values are slices of a DataRow: a codec that ignores the offset fails here.
 */
public final class CodecTesting {
    private static final int PAD = 3;

    private CodecTesting() {
    }

    public static Codec codec(String typeName) {
        Codec c = CodecRegistry.builtin().forName(typeName);
        if (c == null) {
            throw new AssertionError("no codec for " + typeName);
        }
        return c;
    }

    /** {@code value} surrounded by PAD junk bytes on each side. */
    public static byte[] padded(byte[] value) {
        byte[] b = new byte[value.length + 2 * PAD];
        java.util.Arrays.fill(b, (byte) 0x7e);
        System.arraycopy(value, 0, b, PAD, value.length);
        return b;
    }

    /** A decoder call on a padded slice: {@code (buf, offset, length, binary)}. */
    @FunctionalInterface
    public interface Decoder<T> {
        T decode(byte[] buf, int offset, int length, boolean binary) throws SQLException;
    }

    public static <T> T binary(Decoder<T> decoder, byte[] value) throws SQLException {
        return decoder.decode(padded(value), PAD, value.length, true);
    }

    public static <T> T text(Decoder<T> decoder, String text) throws SQLException {
        byte[] value = text.getBytes(StandardCharsets.UTF_8);
        return decoder.decode(padded(value), PAD, value.length, false);
    }

    public static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    /** equals, but byte arrays by content. */
    public static void assertValue(Object expected, Object actual, String message) {
        if (expected instanceof byte[] e && actual instanceof byte[] a) {
            assertArrayEquals(e, a, message);
        } else {
            assertEquals(expected, actual, message);
        }
    }

    /** The call fails with an SQLException of this SQLSTATE, whose message contains {@code fragment}. */
    public static SQLException assertSqlState(String sqlState, String fragment, Executable call) {
        SQLException e = assertThrows(SQLException.class, call);
        assertEquals(sqlState, e.getSQLState(), e.getMessage());
        if (fragment != null && !e.getMessage().contains(fragment)) {
            throw new AssertionError("message \"" + e.getMessage() + "\" lacks \"" + fragment + "\"");
        }
        return e;
    }
}
