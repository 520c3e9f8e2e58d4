package io.tusk.internal.protocol.message.backend;

import io.netty.buffer.ByteBuf;
import java.util.Arrays;

/**
 * ParameterDescription ('t'): the parameter types the server inferred for a prepared statement,
 * which decide how parameters are encoded. The array is the message's own and must not be modified.
 */
public final class ParameterDescriptionMessage implements BackendMessage {

    private final int[] typeOids;

    public ParameterDescriptionMessage(int[] typeOids) {
        this.typeOids = typeOids;
    }

    public int[] typeOids() {
        return typeOids;
    }

    static ParameterDescriptionMessage decode(ByteBuf payload) {
        int count = payload.readUnsignedShort();
        if (payload.readableBytes() < count * 4) {
            throw new IndexOutOfBoundsException("parameters: " + count + " in " + payload.readableBytes() + " bytes");
        }
        int[] oids = new int[count];
        for (int i = 0; i < count; i++) {
            oids[i] = payload.readInt();
        }
        return new ParameterDescriptionMessage(oids);
    }

    @Override
    public String toString() {
        return "<=BE ParameterDescription(" + Arrays.toString(typeOids) + ")";
    }
}
