package io.tusk.internal.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** The answer to AuthenticationMD5Password: {@code "md5" + md5hex(md5hex(password + user) + salt)}. */
public final class Md5Password {
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private Md5Password() {
    }

    public static byte[] encode(String user, String password, byte[] salt) {
        MessageDigest md5;
        try {
            md5 = MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is not available in this JVM", e);
        }
        md5.update(password.getBytes(StandardCharsets.UTF_8));
        md5.update(user.getBytes(StandardCharsets.UTF_8));
        byte[] inner = hex(md5.digest());
        md5.update(inner);
        md5.update(salt);
        byte[] outer = hex(md5.digest());
        byte[] result = new byte[3 + outer.length];
        result[0] = 'm';
        result[1] = 'd';
        result[2] = '5';
        System.arraycopy(outer, 0, result, 3, outer.length);
        return result;
    }

    private static byte[] hex(byte[] digest) {
        byte[] out = new byte[digest.length * 2];
        for (int i = 0; i < digest.length; i++) {
            out[2 * i] = HEX[(digest[i] >> 4) & 0xF];
            out[2 * i + 1] = HEX[digest[i] & 0xF];
        }
        return out;
    }
}
