package io.tusk.testing;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The certificates of the embedded server, generated fresh for every test run: a CA, a server certificate
 * for localhost / 127.0.0.1 / ::1 signed by it, a client certificate for the user {@code tusk_cert}, and an
 * unrelated second CA for negative tests. Written as PEM; private keys as unencrypted PKCS#8.
 */
final class TestCertificates {

    static final String CA_CERT = "ca.crt";
    static final String SERVER_CERT = "server.crt";
    static final String SERVER_KEY = "server.key";
    static final String CLIENT_CERT = "client.crt";
    static final String CLIENT_KEY = "client.key";
    static final String OTHER_CA_CERT = "other-ca.crt";

    static final String CLIENT_CERT_USER = "tusk_cert";

    private final SecureRandom random = new SecureRandom();
    private final KeyPair caKeys;
    private final X509Certificate ca;
    private final KeyPair serverKeys;
    private final X509Certificate server;
    private final KeyPair clientKeys;
    private final X509Certificate client;
    private final X509Certificate otherCa;

    private TestCertificates() throws GeneralSecurityException, OperatorCreationException, CertIOException {
        Instant now = Instant.now();
        Date notBefore = Date.from(now.minus(Duration.ofDays(1)));
        Date notAfter = Date.from(now.plus(Duration.ofDays(3650)));

        caKeys = rsa();
        ca = selfSignedCa("CN=Tusk Test CA", caKeys, notBefore, notAfter);

        serverKeys = rsa();
        X509v3CertificateBuilder sb = leaf(new X500Name("CN=localhost"), serverKeys.getPublic(), notBefore, notAfter);
        sb.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
        sb.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
            new GeneralName(GeneralName.dNSName, "localhost"),
            new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
            new GeneralName(GeneralName.iPAddress, "::1"),
        }));
        server = sign(sb);

        clientKeys = rsa();
        X509v3CertificateBuilder cb =
                leaf(new X500Name("CN=" + CLIENT_CERT_USER), clientKeys.getPublic(), notBefore, notAfter);
        cb.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth));
        client = sign(cb);

        otherCa = selfSignedCa("CN=Tusk Other CA", rsa(), notBefore, notAfter);
    }

    /** Generates all certificates and writes them into {@code folder}. */
    static void generateInto(Path folder) throws IOException {
        TestCertificates certs;
        try {
            certs = new TestCertificates();
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IOException("Cannot generate test certificates", e);
        }
        certs.write(folder);
    }

    private void write(Path folder) throws IOException {
        try {
            writePem(folder.resolve(CA_CERT), "CERTIFICATE", ca.getEncoded(), 0644);
            writePem(folder.resolve(SERVER_CERT), "CERTIFICATE", server.getEncoded(), 0644);
            writePem(folder.resolve(SERVER_KEY), "PRIVATE KEY", pkcs8(serverKeys.getPrivate()), 0600);
            writePem(folder.resolve(CLIENT_CERT), "CERTIFICATE", client.getEncoded(), 0644);
            writePem(folder.resolve(CLIENT_KEY), "PRIVATE KEY", pkcs8(clientKeys.getPrivate()), 0600);
            writePem(folder.resolve(OTHER_CA_CERT), "CERTIFICATE", otherCa.getEncoded(), 0644);
        } catch (GeneralSecurityException e) {
            throw new IOException("Cannot encode test certificates", e);
        }
    }

    private static byte[] pkcs8(PrivateKey key) {
        if (!"PKCS#8".equals(key.getFormat())) {
            throw new IllegalStateException("Unexpected private key encoding " + key.getFormat());
        }
        return key.getEncoded();
    }

    private static void writePem(Path file, String type, byte[] der, int mode) throws IOException {
        String pem = "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
        Files.deleteIfExists(file);
        Files.createFile(file);
        PgBinaries.setMode(file, mode); // restrict before the secret is written
        Files.write(file, pem.getBytes(StandardCharsets.US_ASCII));
    }

    private KeyPair rsa() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048, random);
        return generator.generateKeyPair();
    }

    private X509Certificate selfSignedCa(String dn, KeyPair keys, Date notBefore, Date notAfter)
            throws GeneralSecurityException, OperatorCreationException, CertIOException {
        X500Name name = new X500Name(dn);
        JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
        X509v3CertificateBuilder builder =
                new JcaX509v3CertificateBuilder(name, serial(), notBefore, notAfter, name, keys.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(keys.getPublic()));
        return new JcaX509CertificateConverter()
            .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
    }

    private X509v3CertificateBuilder leaf(X500Name subject, PublicKey key, Date notBefore, Date notAfter)
            throws GeneralSecurityException, CertIOException {
        JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
        X509v3CertificateBuilder builder =
                new JcaX509v3CertificateBuilder(ca, serial(), notBefore, notAfter, subject, key);
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        builder.addExtension(Extension.keyUsage, true,
                new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
        builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(key));
        builder.addExtension(Extension.authorityKeyIdentifier, false, utils.createAuthorityKeyIdentifier(ca));
        return builder;
    }

    private X509Certificate sign(X509v3CertificateBuilder builder)
            throws GeneralSecurityException, OperatorCreationException {
        return new JcaX509CertificateConverter()
            .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(caKeys.getPrivate())));
    }

    private BigInteger serial() {
        return new BigInteger(63, random).add(BigInteger.ONE);
    }
}
