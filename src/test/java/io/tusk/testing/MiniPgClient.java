package io.tusk.testing;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * A deliberately tiny PostgreSQL client for the test harness: protocol 3.0 startup (trust, password, md5,
 * SCRAM-SHA-256 without channel binding, optional TLS and client certificates) and simple queries with text
 * results. It lets the harness and its own tests talk to the server without the driver under test. Not
 * thread safe; every read has a timeout.
 */
public final class MiniPgClient implements AutoCloseable {

    /** An ErrorResponse from the server. */
    public static final class ServerError extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final Map<Character, String> fields;

        ServerError(Map<Character, String> fields) {
            super(fields.getOrDefault('S', "ERROR") + ": " + fields.getOrDefault('M', "?")
                    + " (SQLSTATE " + fields.getOrDefault('C', "?") + ")");
            this.fields = Collections.unmodifiableMap(fields);
        }

        public String sqlState() {
            return fields.get('C');
        }

        public Map<Character, String> fields() {
            return fields;
        }
    }

    private static final int SSL_REQUEST_CODE = 80877103;
    private static final int PROTOCOL_3_0 = 196608;
    private static final int TIMEOUT_MILLIS = 30_000;

    private final Socket socket; // null for Unix domain sockets
    private final SocketChannel channel; // null for TCP
    private final DataInputStream in;
    private final OutputStream out;
    private final Map<String, String> parameters = new HashMap<>();
    private int backendPid;
    private boolean closed;

    private MiniPgClient(Socket socket, SocketChannel channel, InputStream in, OutputStream out) {
        this.socket = socket;
        this.channel = channel;
        this.in = new DataInputStream(new BufferedInputStream(in, 8192));
        this.out = new BufferedOutputStream(out, 8192);
    }

    /** Connects over TCP without TLS. */
    public static MiniPgClient connect(String host, int port, String database, String user, String password)
            throws IOException {
        return connect(host, port, database, user, password, null, null);
    }

    /**
     * Connects over TCP.
     *
     * @param sslContext  null for a plain connection; else TLS is required
     * @param verifyHost  with TLS: the name the server certificate must match (as with sslmode=verify-full);
     *                    null to skip the host name check (verify-ca)
     */
    public static MiniPgClient connect(String host, int port, String database, String user, String password,
            SSLContext sslContext, String verifyHost) throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(host, port), TIMEOUT_MILLIS);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            socket.setTcpNoDelay(true);
            if (sslContext != null) {
                OutputStream raw = socket.getOutputStream();
                raw.write(intBytes(8));
                raw.write(intBytes(SSL_REQUEST_CODE));
                raw.flush();
                int answer = socket.getInputStream().read();
                if (answer != 'S') {
                    throw new IOException("Server refused TLS (answered " + answer + ")");
                }
                SSLSocket ssl = (SSLSocket) sslContext.getSocketFactory().createSocket(socket, host, port, true);
                SSLParameters params = ssl.getSSLParameters();
                if (verifyHost != null) {
                    params.setEndpointIdentificationAlgorithm("HTTPS");
                    if (!verifyHost.matches("[0-9.]+|.*:.*")) {
                        params.setServerNames(List.of(new SNIHostName(verifyHost)));
                    }
                }
                ssl.setSSLParameters(params);
                ssl.setSoTimeout(TIMEOUT_MILLIS);
                ssl.startHandshake();
                socket = ssl;
            }
            MiniPgClient client = new MiniPgClient(socket, null, socket.getInputStream(), socket.getOutputStream());
            client.startup(database, user, password);
            return client;
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /** Connects over a Unix domain socket file (e.g. {@code <dir>/.s.PGSQL.5432}). */
    public static MiniPgClient connectUnix(Path socketFile, String database, String user, String password)
            throws IOException {
        SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            channel.connect(UnixDomainSocketAddress.of(socketFile));
            MiniPgClient client = new MiniPgClient(null, channel,
                    Channels.newInputStream(channel), Channels.newOutputStream(channel));
            client.startup(database, user, password);
            return client;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /**
     * Builds a TLS context trusting {@code caCert} (PEM), optionally presenting a client certificate and its
     * PKCS#8 PEM RSA key.
     */
    public static SSLContext sslContext(Path caCert, Path clientCert, Path clientKey) throws IOException {
        try {
            CertificateFactory x509 = CertificateFactory.getInstance("X.509");
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            try (InputStream is = Files.newInputStream(caCert)) {
                int i = 0;
                for (Certificate c : x509.generateCertificates(is)) {
                    trust.setCertificateEntry("ca" + i++, c);
                }
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            KeyManagerFactory kmf = null;
            if (clientCert != null) {
                Certificate[] chain;
                try (InputStream is = Files.newInputStream(clientCert)) {
                    chain = x509.generateCertificates(is).toArray(new Certificate[0]);
                }
                String pem = Files.readString(clientKey, StandardCharsets.US_ASCII);
                String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
                PrivateKey key = KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
                KeyStore keys = KeyStore.getInstance(KeyStore.getDefaultType());
                keys.load(null, null);
                keys.setKeyEntry("client", key, new char[0], chain);
                kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(keys, new char[0]);
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf == null ? null : kmf.getKeyManagers(), tmf.getTrustManagers(), new SecureRandom());
            return context;
        } catch (GeneralSecurityException e) {
            throw new IOException("Cannot build a TLS context from " + caCert, e);
        }
    }

    /** Parameters the server reported (server_version, server_encoding, ...). */
    public Map<String, String> parameters() {
        return Collections.unmodifiableMap(parameters);
    }

    public int backendPid() {
        return backendPid;
    }

    /**
     * Runs {@code sql} with the simple query protocol and returns the rows of all its result sets, each
     * value as text (null for SQL NULL).
     *
     * @throws ServerError when the server reports an error
     */
    public List<List<String>> query(String sql) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        cstring(body, sql);
        send('Q', body.toByteArray());
        List<List<String>> rows = new ArrayList<>();
        ServerError error = null;
        while (true) {
            int type = in.readUnsignedByte();
            byte[] msg = readBody();
            switch (type) {
                case 'D' -> rows.add(dataRow(msg));
                case 'E' -> error = new ServerError(fields(msg));
                case 'G' -> send('f', cstringBytes("COPY is not supported by MiniPgClient"));
                case 'H' -> send('c', new byte[0]);
                case 'Z' -> {
                    if (error != null) {
                        throw error;
                    }
                    return rows;
                }
                case 'S' -> parameterStatus(msg);
                default -> {
                    // T, C, I, N, A, d, and anything else: not needed here
                }
            }
        }
    }

    /** The single value of a query that returns one row with one column. */
    public String queryValue(String sql) throws IOException {
        List<List<String>> rows = query(sql);
        if (rows.size() != 1 || rows.get(0).size() != 1) {
            throw new IllegalStateException("Expected one value from " + sql + " but got " + rows);
        }
        return rows.get(0).get(0);
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            send('X', new byte[0]);
        } catch (IOException ignored) {
            // closing anyway
        } finally {
            if (socket != null) {
                socket.close();
            } else {
                channel.close();
            }
        }
    }

    // --------------------------------------------------------------------------------------- startup

    private void startup(String database, String user, String password) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        writeInt(body, PROTOCOL_3_0);
        Map<String, String> params = new LinkedHashMap<>();
        params.put("user", user);
        params.put("database", database);
        params.put("client_encoding", "UTF8");
        params.put("application_name", "tusk-test-harness");
        for (Map.Entry<String, String> p : params.entrySet()) {
            cstring(body, p.getKey());
            cstring(body, p.getValue());
        }
        body.write(0);
        byte[] payload = body.toByteArray();
        ByteArrayOutputStream framed = new ByteArrayOutputStream();
        writeInt(framed, payload.length + 4);
        framed.write(payload);
        out.write(framed.toByteArray());
        out.flush();

        Scram scram = null;
        while (true) {
            int type = in.readUnsignedByte();
            byte[] msg = readBody();
            switch (type) {
                case 'R' -> {
                    int code = readInt(msg, 0);
                    switch (code) {
                        case 0 -> {
                            // AuthenticationOk
                        }
                        case 3 -> send('p', cstringBytes(requirePassword(password, "password")));
                        case 5 -> {
                            byte[] salt = java.util.Arrays.copyOfRange(msg, 4, 8);
                            send('p', cstringBytes(md5(requirePassword(password, "md5"), user, salt)));
                        }
                        case 10 -> {
                            List<String> mechanisms = cstrings(msg, 4);
                            if (!mechanisms.contains("SCRAM-SHA-256")) {
                                throw new IOException("No supported SASL mechanism in " + mechanisms);
                            }
                            scram = new Scram(requirePassword(password, "SCRAM-SHA-256"));
                            byte[] first = scram.clientFirst().getBytes(StandardCharsets.UTF_8);
                            ByteArrayOutputStream b = new ByteArrayOutputStream();
                            cstring(b, "SCRAM-SHA-256");
                            writeInt(b, first.length);
                            b.write(first);
                            send('p', b.toByteArray());
                        }
                        case 11 -> {
                            String serverFirst = new String(msg, 4, msg.length - 4, StandardCharsets.UTF_8);
                            send('p', scram.clientFinal(serverFirst).getBytes(StandardCharsets.UTF_8));
                        }
                        case 12 -> scram.verifyServerFinal(new String(msg, 4, msg.length - 4, StandardCharsets.UTF_8));
                        default -> throw new IOException("Unsupported authentication request " + code);
                    }
                }
                case 'S' -> parameterStatus(msg);
                case 'K' -> backendPid = readInt(msg, 0);
                case 'E' -> throw new ServerError(fields(msg));
                case 'Z' -> {
                    return;
                }
                default -> {
                    // N (notice), v (NegotiateProtocolVersion): ignore
                }
            }
        }
    }

    private static String requirePassword(String password, String method) throws IOException {
        if (password == null) {
            throw new IOException("The server asks for " + method + " authentication but no password was given");
        }
        return password;
    }

    private static String md5(String password, String user, byte[] salt) {
        try {
            MessageDigest md = MessageDigest.getInstance("MD5");
            String inner = HexFormat.of().formatHex(md.digest((password + user).getBytes(StandardCharsets.UTF_8)));
            md.update(inner.getBytes(StandardCharsets.US_ASCII));
            md.update(salt);
            return "md5" + HexFormat.of().formatHex(md.digest());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** SCRAM-SHA-256 (RFC 5802/7677), client side, without channel binding ("n,,"). */
    private static final class Scram {
        private final String password;
        private final String clientNonce;
        private String clientFirstBare;
        private byte[] expectedServerSignature;

        Scram(String password) {
            this.password = password;
            byte[] nonce = new byte[18];
            new SecureRandom().nextBytes(nonce);
            this.clientNonce = Base64.getEncoder().encodeToString(nonce);
        }

        String clientFirst() {
            clientFirstBare = "n=,r=" + clientNonce;
            return "n,," + clientFirstBare;
        }

        String clientFinal(String serverFirst) throws IOException {
            Map<Character, String> attrs = attributes(serverFirst);
            String nonce = attrs.get('r');
            if (nonce == null || !nonce.startsWith(clientNonce)) {
                throw new IOException("Bad SCRAM server nonce in " + serverFirst);
            }
            byte[] salt = Base64.getDecoder().decode(attrs.get('s'));
            int iterations = Integer.parseInt(attrs.get('i'));
            try {
                SecretKeyFactory pbkdf2 = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256");
                byte[] salted = pbkdf2.generateSecret(new PBEKeySpec(password.toCharArray(), salt, iterations, 256))
                    .getEncoded();
                byte[] clientKey = hmac(salted, "Client Key");
                byte[] storedKey = MessageDigest.getInstance("SHA-256").digest(clientKey);
                String withoutProof = "c=" + Base64.getEncoder().encodeToString("n,,".getBytes(StandardCharsets.US_ASCII))
                        + ",r=" + nonce;
                String authMessage = clientFirstBare + "," + serverFirst + "," + withoutProof;
                byte[] signature = hmac(storedKey, authMessage);
                byte[] proof = clientKey.clone();
                for (int i = 0; i < proof.length; i++) {
                    proof[i] ^= signature[i];
                }
                expectedServerSignature = hmac(hmac(salted, "Server Key"), authMessage);
                return withoutProof + ",p=" + Base64.getEncoder().encodeToString(proof);
            } catch (GeneralSecurityException e) {
                throw new IOException("SCRAM computation failed", e);
            }
        }

        void verifyServerFinal(String serverFinal) throws IOException {
            String v = attributes(serverFinal).get('v');
            if (v == null || !MessageDigest.isEqual(Base64.getDecoder().decode(v), expectedServerSignature)) {
                throw new IOException("SCRAM server signature does not verify: " + serverFinal);
            }
        }

        private static byte[] hmac(byte[] key, String data) throws GeneralSecurityException {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        }

        private static Map<Character, String> attributes(String message) {
            Map<Character, String> attrs = new HashMap<>();
            for (String part : message.split(",")) {
                if (part.length() >= 2 && part.charAt(1) == '=') {
                    attrs.put(part.charAt(0), part.substring(2));
                }
            }
            return attrs;
        }
    }

    // ---------------------------------------------------------------------------------------- framing

    private void send(char type, byte[] body) throws IOException {
        out.write(type);
        out.write(intBytes(body.length + 4));
        out.write(body);
        out.flush();
    }

    private byte[] readBody() throws IOException {
        int length = in.readInt();
        if (length < 4 || length > 64 * 1024 * 1024) {
            throw new IOException("Bad message length " + length);
        }
        byte[] body = new byte[length - 4];
        try {
            in.readFully(body);
        } catch (EOFException e) {
            throw new IOException("Connection closed by the server", e);
        }
        return body;
    }

    private void parameterStatus(byte[] msg) {
        List<String> kv = cstrings(msg, 0);
        if (kv.size() >= 2) {
            parameters.put(kv.get(0), kv.get(1));
        }
    }

    private static List<String> dataRow(byte[] msg) {
        int count = ((msg[0] & 0xff) << 8) | (msg[1] & 0xff);
        List<String> row = new ArrayList<>(count);
        int pos = 2;
        for (int i = 0; i < count; i++) {
            int len = readInt(msg, pos);
            pos += 4;
            if (len < 0) {
                row.add(null);
            } else {
                row.add(new String(msg, pos, len, StandardCharsets.UTF_8));
                pos += len;
            }
        }
        return row;
    }

    private static Map<Character, String> fields(byte[] msg) {
        Map<Character, String> fields = new LinkedHashMap<>();
        int pos = 0;
        while (pos < msg.length && msg[pos] != 0) {
            char code = (char) msg[pos++];
            int end = pos;
            while (end < msg.length && msg[end] != 0) {
                end++;
            }
            fields.put(code, new String(msg, pos, end - pos, StandardCharsets.UTF_8));
            pos = end + 1;
        }
        return fields;
    }

    private static List<String> cstrings(byte[] msg, int from) {
        List<String> result = new ArrayList<>();
        int pos = from;
        while (pos < msg.length) {
            int end = pos;
            while (end < msg.length && msg[end] != 0) {
                end++;
            }
            if (end == pos) {
                break;
            }
            result.add(new String(msg, pos, end - pos, StandardCharsets.UTF_8));
            pos = end + 1;
        }
        return result;
    }

    private static int readInt(byte[] b, int pos) {
        return ((b[pos] & 0xff) << 24) | ((b[pos + 1] & 0xff) << 16) | ((b[pos + 2] & 0xff) << 8) | (b[pos + 3] & 0xff);
    }

    private static byte[] intBytes(int v) {
        return new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
    }

    private static void writeInt(ByteArrayOutputStream out, int v) {
        out.writeBytes(intBytes(v));
    }

    private static void cstring(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
        out.write(0);
    }

    private static byte[] cstringBytes(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        cstring(out, s);
        return out.toByteArray();
    }
}
