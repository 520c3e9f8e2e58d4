package io.tusk.internal.codec;

import static io.tusk.internal.codec.CodecTesting.assertValue;
import static io.tusk.internal.codec.EngineSession.BINARY;
import static io.tusk.internal.codec.EngineSession.TEXT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tusk.internal.codec.CodecSamples.Sample;
import io.tusk.internal.protocol.command.QueryResult;
import io.tusk.internal.row.RowData;
import io.tusk.testing.PgServer;
import io.tusk.testing.PgServerExtension;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The codecs against the real server: for every sample, the server's text and binary output of the
 * value decode to the same thing, getString of the binary value is exactly the server's text, and the
 * value sent as a binary or a text parameter comes back as the expected text.
 */
@ExtendWith(PgServerExtension.class)
class CodecsIT {
    private final PgServer pg;
    private final CodecRegistry registry = CodecRegistry.builtin();
    private EngineSession session;

    CodecsIT(PgServer pg) {
        this.pg = pg;
    }

    @BeforeEach
    void open() throws SQLException {
        session = EngineSession.open(pg);
        // the samples' text is what the server prints with these settings (DateStyle ISO is the driver's own)
        session.simple("SET TimeZone = 'UTC'; SET IntervalStyle = 'postgres'; SET bytea_output = 'hex'");
    }

    @AfterEach
    void close() throws SQLException {
        session.close();
    }

    private List<Sample> samples() {
        int version = pg.serverMajorVersion();
        return CodecSamples.all().stream().filter(s -> s.minServerVersion() <= version).toList();
    }

    /** {@code SELECT $1::type}, the parameter in text (server-inferred type), one column in {@code format}. */
    private RowData select(Sample s, short format) throws SQLException {
        return one(session.extended("SELECT $1::" + quoted(s.type()), new int[] {0}, TEXT,
                new byte[][] {CodecSamples.utf8(s.text())}, format));
    }

    private static String quoted(String type) {
        return type.equals("char") ? "\"char\"" : type;
    }

    private static RowData one(QueryResult r) {
        assertEquals(1, r.rows().size());
        return r.rows().get(0);
    }

    @Test
    void serverPrintsEverySampleAsTheTableSays() throws SQLException {
        for (Sample s : samples()) {
            assertEquals(s.text(), select(s, TEXT).text(0), s::toString);
        }
    }

    @Test
    void binaryResultsDecodeLikeTextResults() throws SQLException {
        for (Sample s : samples()) {
            Codec c = registry.forName(s.type());
            RowData text = select(s, TEXT);
            RowData binary = select(s, BINARY);
            String serverText = text.text(0);
            assertEquals(serverText, c.decodeString(binary.array(), binary.offset(0), binary.length(0), true), s::toString);
            Object fromText = c.decodeObject(text.array(), text.offset(0), text.length(0), false);
            Object fromBinary = c.decodeObject(binary.array(), binary.offset(0), binary.length(0), true);
            assertValue(fromText, fromBinary, s.toString());
            assertValue(s.value(), fromBinary, s.toString());
        }
    }

    @Test
    void parametersInBothFormatsReachTheServerIntact() throws SQLException {
        for (Sample s : samples()) {
            Codec c = registry.forName(s.type());
            String sql = "SELECT $1::" + quoted(s.type());
            RowData viaBinary = one(session.extended(sql, new int[] {c.oid()}, BINARY,
                    new byte[][] {c.encodeBinary(s.value())}, TEXT));
            assertEquals(s.text(), viaBinary.text(0), () -> "binary parameter " + s);
            RowData viaText = one(session.extended(sql, new int[] {c.oid()}, TEXT,
                    new byte[][] {CodecSamples.utf8(c.encodeText(s.value()))}, TEXT));
            assertEquals(s.text(), viaText.text(0), () -> "text parameter " + s);
        }
    }

    /** Random bit patterns cover the float formatting rules far beyond the hand-picked samples. */
    @Test
    void randomFloatsPrintExactlyAsTheServerPrintsThem() throws SQLException {
        Random random = new Random(20240102);
        Codec float8 = registry.forOid(Oids.FLOAT8);
        Codec float4 = registry.forOid(Oids.FLOAT4);
        for (int batch = 0; batch < 20; batch++) {
            List<Object> doubles = new ArrayList<>();
            List<Object> floats = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                doubles.add(randomDouble(random, batch));
                floats.add(randomFloat(random, batch));
            }
            compareWithServer(float8, doubles);
            compareWithServer(float4, floats);
        }
    }

    private static double randomDouble(Random random, int batch) {
        if (batch % 2 == 0) {
            double d = Double.longBitsToDouble(random.nextLong());
            return Double.isNaN(d) ? 1.0 : d;
        }
        // short decimals and integers near the plain/exponent border
        return Math.round(random.nextGaussian() * 1e6) / Math.pow(10, random.nextInt(25) - 5);
    }

    private static float randomFloat(Random random, int batch) {
        if (batch % 2 == 0) {
            float f = Float.intBitsToFloat(random.nextInt());
            return Float.isNaN(f) ? 1f : f;
        }
        return (float) (Math.round(random.nextGaussian() * 1e4) / Math.pow(10, random.nextInt(14) - 5));
    }

    @Test
    void randomNumericsPrintExactlyAsTheServerPrintsThem() throws SQLException {
        Random random = new Random(7);
        Codec numeric = registry.forOid(Oids.NUMERIC);
        for (int batch = 0; batch < 10; batch++) {
            List<Object> values = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                BigInteger unscaled = new BigInteger(1 + random.nextInt(200), random);
                values.add(new BigDecimal(random.nextBoolean() ? unscaled : unscaled.negate(), random.nextInt(60) - 20));
            }
            compareWithServer(numeric, values);
        }
    }

    /** The values as binary parameters, echoed as text; getString of our binary must equal the server's text. */
    private void compareWithServer(Codec codec, List<Object> values) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT ");
        int[] types = new int[values.size()];
        byte[][] params = new byte[values.size()][];
        for (int i = 0; i < values.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append('$').append(i + 1);
            types[i] = codec.oid();
            params[i] = codec.encodeBinary(values.get(i));
        }
        RowData text = one(session.extended(sql.toString(), types, BINARY, params, TEXT));
        RowData binary = one(session.extended(sql.toString(), types, BINARY, params, BINARY));
        for (int i = 0; i < values.size(); i++) {
            String server = text.text(i);
            String shown = values.get(i) + " (" + codec.typeName() + ")";
            assertEquals(server, codec.decodeString(params[i], 0, params[i].length, true), shown);
            assertEquals(server, codec.decodeString(binary.array(), binary.offset(i), binary.length(i), true), shown);
            assertValue(codec.decodeObject(text.array(), text.offset(i), text.length(i), false),
                    codec.decodeObject(binary.array(), binary.offset(i), binary.length(i), true), shown);
        }
    }

    /** Text timestamptz carries the session zone's offset, seconds included for local mean time. */
    @Test
    void timestamptzTextIsReadInAnySessionTimeZone() throws SQLException {
        Codec c = registry.forOid(Oids.TIMESTAMPTZ);
        String[] zones = {"Asia/Kolkata", "America/St_Johns", "Europe/Amsterdam", "Pacific/Chatham", "America/Los_Angeles"};
        String[] instants = {"2024-01-02 03:04:05.5+00", "1900-01-01 00:00:00+00", "1850-06-30 12:00:00+00",
                "0044-03-15 12:00:00+00 BC", "2024-07-01 12:00:00+00", "infinity", "-infinity"};
        for (String zone : zones) {
            session.simple("SET TimeZone = '" + zone + "'");
            for (String instant : instants) {
                Sample s = new Sample("timestamptz", null, instant, 0);
                RowData text = select(s, TEXT);
                RowData binary = select(s, BINARY);
                assertEquals(c.decodeObject(binary.array(), binary.offset(0), binary.length(0), true),
                        c.decodeObject(text.array(), text.offset(0), text.length(0), false), zone + " " + text.text(0));
            }
        }
    }

    @Test
    void intervalTextIsReadInEveryStyleButSqlStandard() throws SQLException {
        Codec c = registry.forOid(Oids.INTERVAL);
        for (String style : new String[] {"postgres", "postgres_verbose", "iso_8601"}) {
            session.simple("SET IntervalStyle = '" + style + "'");
            for (Sample s : CodecSamples.of("interval")) {
                if (s.minServerVersion() > pg.serverMajorVersion()) {
                    continue;
                }
                RowData text = select(s, TEXT);
                assertEquals(s.value(), c.decodeObject(text.array(), text.offset(0), text.length(0), false),
                        style + ": " + text.text(0));
            }
        }
    }

    @Test
    void byteaInEscapeOutputIsReadToo() throws SQLException {
        session.simple("SET bytea_output = 'escape'");
        Codec c = registry.forOid(Oids.BYTEA);
        for (Sample s : CodecSamples.of("bytea")) {
            RowData text = select(s, TEXT);
            assertValue(s.value(), c.decodeBytes(text.array(), text.offset(0), text.length(0), false), text.text(0));
        }
    }

    @Test
    void everyBuiltinCodecMatchesPgType() throws SQLException {
        Map<Integer, String[]> pgType = pgTypes();
        for (String name : CodecSamples.binaryTypes()) {
            Codec c = registry.forName(name);
            assertNotNull(c, name);
            assertTrue(registry.hasBinaryCodec(c.oid()), name);
            assertEquals(name, pgType.get(c.oid())[0], "typname of OID " + c.oid());
        }
    }

    /** Oids is typed by hand: every constant must name the same type in the live catalog. */
    @Test
    void oidConstantsMatchPgType() throws SQLException, IllegalAccessException {
        Map<Integer, String[]> pgType = pgTypes();
        int checked = 0;
        for (Field f : Oids.class.getFields()) {
            if (!Modifier.isStatic(f.getModifiers()) || f.getType() != int.class) {
                continue;
            }
            int oid = f.getInt(null);
            String[] row = pgType.get(oid);
            if (row == null) {
                // types newer than this server (multiranges are 14+, xid8 13+) are absent, nothing else
                assertTrue(pg.serverMajorVersion() < 14, f.getName() + " = " + oid + " missing on " + pg.serverVersion());
                continue;
            }
            assertEquals(Oids.typeName(oid), row[0], f.getName());
            if (!f.getName().endsWith("_ARRAY") && Oids.arrayOf(oid) != 0) {
                assertEquals(String.valueOf(Oids.arrayOf(oid)), row[1], f.getName() + " array");
            }
            checked++;
        }
        assertTrue(checked > 100, "checked " + checked);
    }

    /** OID to {typname, typarray} of the built-in types. */
    private Map<Integer, String[]> pgTypes() throws SQLException {
        Map<Integer, String[]> types = new HashMap<>();
        for (RowData r : session.simple("SELECT oid, typname, typarray FROM pg_type WHERE oid < 10000").get(0).rows()) {
            types.put(Integer.parseInt(r.text(0)), new String[] {r.text(1), r.text(2)});
        }
        return types;
    }
}
