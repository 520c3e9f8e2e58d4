package io.tusk.internal.codec;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Network-order reads and writes on byte arrays. VarHandle views compile to single loads and stores,
 * which matters on the per-value decode path.
 */
public final class BigEndian {
    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private BigEndian() {
    }

    public static short getShort(byte[] buf, int offset) {
        return (short) SHORT.get(buf, offset);
    }

    public static int getInt(byte[] buf, int offset) {
        return (int) INT.get(buf, offset);
    }

    public static long getLong(byte[] buf, int offset) {
        return (long) LONG.get(buf, offset);
    }

    public static void putShort(byte[] buf, int offset, int value) {
        SHORT.set(buf, offset, (short) value);
    }

    public static void putInt(byte[] buf, int offset, int value) {
        INT.set(buf, offset, value);
    }

    public static void putLong(byte[] buf, int offset, long value) {
        LONG.set(buf, offset, value);
    }

    public static byte[] ofShort(int value) {
        byte[] b = new byte[2];
        putShort(b, 0, value);
        return b;
    }

    public static byte[] ofInt(int value) {
        byte[] b = new byte[4];
        putInt(b, 0, value);
        return b;
    }

    public static byte[] ofLong(long value) {
        byte[] b = new byte[8];
        putLong(b, 0, value);
        return b;
    }
}
