package io.tusk.internal.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tusk.internal.protocol.ConnectionSettings;
import io.tusk.internal.protocol.SslMode;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The host name goes out as TLS SNI (libpq's sslsni), unless turned off. A fake server answers
 * SSLRequest with 'S' and keeps the TLS ClientHello, where SNI travels in clear text.
 */
class SniIT {

    private static String clientHelloFor(ConnectionSettings.Builder settings) throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<byte[]> hello = CompletableFuture.supplyAsync(() -> {
                try (Socket s = server.accept()) {
                    s.setSoTimeout(10_000);
                    DataInputStream in = new DataInputStream(s.getInputStream());
                    in.readFully(new byte[8]); // SSLRequest
                    s.getOutputStream().write('S');
                    s.getOutputStream().flush();
                    return readRecord(in);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            int port = server.getLocalPort();
            assertThrows(SQLException.class, () -> new Connector().connectBlocking(
                    settings.host("localhost", port).connectTimeout(Duration.ofSeconds(5)).build(),
                    io.tusk.internal.protocol.SessionListener.NONE));
            return new String(hello.get(10, TimeUnit.SECONDS), StandardCharsets.ISO_8859_1);
        }
    }

    /** One TLS record: 5-byte header, then the length it gives. */
    private static byte[] readRecord(InputStream in) throws Exception {
        DataInputStream data = new DataInputStream(in);
        byte[] header = new byte[5];
        data.readFully(header);
        assertEquals(22, header[0], "a TLS handshake record");
        int length = ((header[3] & 0xFF) << 8) | (header[4] & 0xFF);
        byte[] body = new byte[length];
        data.readFully(body);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(header);
        out.write(body);
        return out.toByteArray();
    }

    private static ConnectionSettings.Builder settings() {
        return ConnectionSettings.builder().user("nobody").password("x").sslMode(SslMode.REQUIRE);
    }

    @Test
    void theHostNameIsSentAsSni() throws Exception {
        assertTrue(clientHelloFor(settings()).contains("localhost"));
    }

    @Test
    void sniCanBeTurnedOff() throws Exception {
        assertFalse(clientHelloFor(settings().sslSni(false)).contains("localhost"));
    }
}
