package io.tusk.internal.codec.text;

import io.tusk.internal.codec.AbstractStringCodec;
import io.tusk.internal.codec.Oids;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Arrays;

/**
 * text, varchar, bpchar and name: one class, one instance per OID, because their binary form is the
 * text's bytes in the client encoding (UTF-8, set by the driver) for all four. bpchar values keep the
 * blank padding the server sends, as in psql.
 */
public final class TextCodec extends AbstractStringCodec {
    private final int oid;
    private final String typeName;

    public TextCodec(int oid, String typeName) {
        this.oid = oid;
        this.typeName = typeName;
    }

    public static TextCodec text() {
        return new TextCodec(Oids.TEXT, "text");
    }

    public static TextCodec varchar() {
        return new TextCodec(Oids.VARCHAR, "varchar");
    }

    public static TextCodec bpchar() {
        return new TextCodec(Oids.BPCHAR, "bpchar");
    }

    public static TextCodec name() {
        return new TextCodec(Oids.NAME, "name");
    }

    @Override
    public int oid() {
        return oid;
    }

    @Override
    public String typeName() {
        return typeName;
    }

    @Override
    public String decodeString(byte[] buf, int offset, int length, boolean binary) {
        return new String(buf, offset, length, StandardCharsets.UTF_8);
    }

    @Override
    protected String formatBinary(byte[] buf, int offset, int length) {
        return new String(buf, offset, length, StandardCharsets.UTF_8);
    }

    /** The bytes as they are: already UTF-8 in both formats. */
    @Override
    public byte[] decodeBytes(byte[] buf, int offset, int length, boolean binary) {
        return Arrays.copyOfRange(buf, offset, offset + length);
    }

    @Override
    public boolean canEncode(Object value) {
        return value instanceof CharSequence || value instanceof Character;
    }

    @Override
    protected byte[] encode(Object value) throws SQLException {
        if (!canEncode(value)) {
            throw cannotEncode(value);
        }
        return value.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Text results: the binary form is the text itself; see {@link io.tusk.internal.codec.Codec#prefersBinaryResults()}. */
    @Override
    public boolean prefersBinaryResults() {
        return false;
    }
}
