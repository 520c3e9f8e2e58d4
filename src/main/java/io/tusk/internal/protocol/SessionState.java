package io.tusk.internal.protocol;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the server told us about the session: run-time parameters (ParameterStatus), the key for
 * cancelling (BackendKeyData), the transaction status of the last ReadyForQuery and the protocol
 * version in use. Written only by the thread driving the connection, readable from any thread.
 */
public final class SessionState {
    private final Map<String, String> parameters = new ConcurrentHashMap<>();
    private volatile int processId;
    private volatile byte[] secretKey;
    private volatile char transactionStatus = 'I';
    private volatile int protocolVersion;

    SessionState(int requestedProtocolVersion) {
        this.protocolVersion = requestedProtocolVersion;
    }

    /** The latest value the server reported for a GUC_REPORT parameter, e.g. {@code server_version}. */
    public String parameter(String name) {
        return parameters.get(name);
    }

    public Map<String, String> parameters() {
        return Map.copyOf(parameters);
    }

    /** Backend process id, 0 before BackendKeyData. */
    public int processId() {
        return processId;
    }

    /** The cancel key (4 bytes in protocol 3.0, up to 256 in 3.2), {@code null} before BackendKeyData. */
    public byte[] secretKey() {
        return secretKey == null ? null : secretKey.clone();
    }

    /** 'I' idle, 'T' in a transaction, 'E' in a failed transaction, as of the last ReadyForQuery. */
    public char transactionStatus() {
        return transactionStatus;
    }

    /** The protocol version in use, after any NegotiateProtocolVersion. */
    public int protocolVersion() {
        return protocolVersion;
    }

    void parameter(String name, String value) {
        parameters.put(name, value);
    }

    void backendKey(int processId, byte[] secretKey) {
        this.processId = processId;
        this.secretKey = secretKey.clone();
    }

    void transactionStatus(char status) {
        this.transactionStatus = status;
    }

    void protocolVersion(int version) {
        this.protocolVersion = version;
    }
}
