package io.tusk.internal.protocol.message.backend;

import io.netty.buffer.ByteBuf;
import java.util.Arrays;

/**
 * The body CopyInResponse, CopyOutResponse and CopyBothResponse share: an overall format (0 text,
 * 1 binary) and one format per column. The array is the message's own and must not be modified.
 */
public abstract sealed class AbstractCopyResponseMessage implements BackendMessage
        permits CopyInResponseMessage, CopyOutResponseMessage, CopyBothResponseMessage {

    private final byte overallFormat;
    private final short[] columnFormats;

    AbstractCopyResponseMessage(byte overallFormat, short[] columnFormats) {
        this.overallFormat = overallFormat;
        this.columnFormats = columnFormats;
    }

    /** 0 for text (columns separated by delimiters), 1 for binary. */
    public byte overallFormat() {
        return overallFormat;
    }

    /** One format code per column; all 0 when the overall format is text. */
    public short[] columnFormats() {
        return columnFormats;
    }

    static short[] readColumnFormats(ByteBuf payload) {
        int count = payload.readUnsignedShort();
        if (payload.readableBytes() < count * 2) {
            throw new IndexOutOfBoundsException("columns: " + count + " in " + payload.readableBytes() + " bytes");
        }
        short[] formats = new short[count];
        for (int i = 0; i < count; i++) {
            formats[i] = payload.readShort();
        }
        return formats;
    }

    abstract String name();

    @Override
    public String toString() {
        return "<=BE " + name() + "(format=" + overallFormat + ", columns=" + Arrays.toString(columnFormats) + ")";
    }
}
