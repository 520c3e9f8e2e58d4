package io.tusk.internal.net;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.tusk.internal.protocol.ProtocolViolationException;
import io.tusk.internal.protocol.message.backend.BackendMessages;
import io.tusk.internal.protocol.message.backend.DataRowMessage;
import java.util.List;

/**
 * Cuts the inbound byte stream into backend messages: a type byte, an int32 length that counts
 * itself, then the body. An explicit state machine in the manner of Netty's {@code RedisDecoder};
 * the length is validated before anything waits for or allocates the body, so a corrupt or hostile
 * length cannot make the driver buffer gigabytes. After the first violation every further byte is
 * discarded: the stream cannot be resynchronised and the handler above closes the connection.
 *
 * <p>Bodies are parsed from a slice of the cumulation ({@code DataRowMessage} copies its row out
 * in one piece). {@code CopyDataMessage} retains such a slice, which stays valid with the default
 * {@link #MERGE_CUMULATOR} (checked for Netty 4.1.128): while a slice is held the cumulation's
 * refCnt is above 1, and then the cumulator only appends past the writer index or, when it must
 * grow, copies into a new buffer; {@code discardSomeReadBytes()} also skips shared cumulations.
 * The price is that one live COPY chunk keeps its whole cumulation buffer alive.
 */
public final class FrameDecoder extends ByteToMessageDecoder {

    private enum State { TYPE_AND_LENGTH, PAYLOAD, FAILED }

    private static final int HEADER_SIZE = 5;

    private final int maxMessageSize;
    private State state = State.TYPE_AND_LENGTH;
    private byte type;
    private int payloadLength;

    /** @param maxMessageSize the largest body accepted, in bytes (type byte and length excluded) */
    public FrameDecoder(int maxMessageSize) {
        if (maxMessageSize < 0) {
            throw new IllegalArgumentException("maxMessageSize: " + maxMessageSize + " (expected: >= 0)");
        }
        this.maxMessageSize = maxMessageSize;
        setCumulator(MERGE_CUMULATOR);
    }

    @Override
    @SuppressWarnings("fallthrough")
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) throws Exception {
        try {
            switch (state) {
                case TYPE_AND_LENGTH:
                    if (!decodeTypeAndLength(in)) {
                        return;
                    }
                    state = State.PAYLOAD;
                    // fall through: the body may already be here (and is empty for many messages)
                case PAYLOAD:
                    if (!decodePayload(in, out)) {
                        return;
                    }
                    state = State.TYPE_AND_LENGTH;
                    return;
                case FAILED:
                    in.skipBytes(in.readableBytes());
                    return;
                default:
                    throw new IllegalStateException("unknown state: " + state);
            }
        } catch (Exception e) {
            state = State.FAILED;
            in.skipBytes(in.readableBytes());
            throw e;
        }
    }

    /**
     * Decodes every complete frame in {@code in}, for a caller that owns the buffer and feeds it
     * without a pipeline ({@link BlockingChannelDriver}); a cut-off frame is left in {@code in}
     * (its header consumed once it is complete) for the next call.
     */
    void decodeAll(ByteBuf in, List<Object> out) throws Exception {
        int before;
        do {
            before = out.size();
            decode(null, in, out);
        } while (out.size() > before && in.isReadable());
    }

    private boolean decodeTypeAndLength(ByteBuf in) throws ProtocolViolationException {
        if (in.readableBytes() < HEADER_SIZE) {
            return false;
        }
        type = in.readByte();
        int length = in.readInt();
        if (length < 4) {
            throw new ProtocolViolationException("message length: " + length + " (expected: >= 4)");
        }
        if (length - 4 > maxMessageSize) {
            throw new ProtocolViolationException(
                    "message length: " + length + " (expected: <= " + (maxMessageSize + 4L) + ")");
        }
        payloadLength = length - 4;
        return true;
    }

    private boolean decodePayload(ByteBuf in, List<Object> out) throws ProtocolViolationException {
        if (in.readableBytes() < payloadLength) {
            return false;
        }
        if (type == 'D') {
            out.add(DataRowMessage.decode(in, payloadLength)); // the most frequent frame, without a slice of its own
        } else {
            out.add(BackendMessages.parse(type, in.readSlice(payloadLength)));
        }
        return true;
    }
}
