package io.tusk.internal.protocol;

/** One server address from the connection settings. */
public record HostSpec(String host, int port) {

    public HostSpec {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port: " + port + " (expected: 1-65535)");
        }
    }

    @Override
    public String toString() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
