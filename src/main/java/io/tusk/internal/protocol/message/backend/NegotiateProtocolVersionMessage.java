package io.tusk.internal.protocol.message.backend;

import io.netty.buffer.ByteBuf;
import io.tusk.internal.protocol.ProtocolViolationException;
import io.tusk.internal.protocol.message.CStrings;
import java.util.ArrayList;
import java.util.List;

/**
 * NegotiateProtocolVersion ('v'): the server does not support the requested minor version or some
 * {@code _pq_.} options, and continues with what it does support.
 *
 * @param newestMinorVersion as sent: servers send the whole version number, major in the high 16
 *                           bits ({@code 196608} for 3.0), so see {@link #minorVersion()}
 */
public record NegotiateProtocolVersionMessage(int newestMinorVersion, List<String> unrecognizedOptions)
        implements BackendMessage {

    public NegotiateProtocolVersionMessage {
        unrecognizedOptions = List.copyOf(unrecognizedOptions);
    }

    /** The minor version alone (0 for protocol 3.0). */
    public int minorVersion() {
        return newestMinorVersion & 0xFFFF;
    }

    static NegotiateProtocolVersionMessage decode(ByteBuf payload) throws ProtocolViolationException {
        int version = payload.readInt();
        int count = payload.readInt();
        if (count < 0 || count > payload.readableBytes()) {
            throw new ProtocolViolationException("unrecognized options: " + count + " (expected: 0.."
                    + payload.readableBytes() + ")");
        }
        List<String> options = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            options.add(CStrings.read(payload));
        }
        return new NegotiateProtocolVersionMessage(version, options);
    }

    @Override
    public String toString() {
        return "<=BE NegotiateProtocolVersion(newest=" + (newestMinorVersion >>> 16) + "." + minorVersion()
                + ", unrecognized=" + unrecognizedOptions + ")";
    }
}
