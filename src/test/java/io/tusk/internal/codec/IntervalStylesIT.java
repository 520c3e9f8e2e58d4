package io.tusk.internal.codec;

import static io.tusk.internal.codec.EngineSession.BINARY;
import static io.tusk.internal.codec.EngineSession.TEXT;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tusk.Interval;
import io.tusk.internal.codec.datetime.IntervalStyle;
import io.tusk.internal.protocol.command.QueryResult;
import io.tusk.internal.row.RowData;
import io.tusk.testing.PgServer;
import io.tusk.testing.PgServerExtension;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code interval} under every IntervalStyle against the real server: for each value, getString of
 * the binary result is exactly the server's text result, and the text is read back to the same value.
 * Hand-picked values aim at each rule of the server's EncodeInterval (signs carried between fields,
 * "ago", sql_standard's mixed forms, fractions, zero); random ones cover the combinations.
 */
@ExtendWith(PgServerExtension.class)
class IntervalStylesIT {
    private static final long SECOND = 1_000_000L;
    private static final long HOUR = 3600 * SECOND;

    private final PgServer pg;
    private final Codec codec = CodecRegistry.builtin().forOid(Oids.INTERVAL);
    private EngineSession session;

    IntervalStylesIT(PgServer pg) {
        this.pg = pg;
    }

    @BeforeEach
    void open() throws SQLException {
        session = EngineSession.open(pg);
    }

    @AfterEach
    void close() throws SQLException {
        session.close();
    }

    private List<Interval> handPicked() {
        List<Interval> v = new ArrayList<>(List.of(
                Interval.ZERO,
                // months only, days only, time only, each sign
                iv(1, 0, 0), iv(-1, 0, 0), iv(11, 0, 0), iv(12, 0, 0), iv(-12, 0, 0), iv(13, 0, 0), iv(-13, 0, 0),
                iv(Integer.MAX_VALUE, 0, 0), iv(Integer.MIN_VALUE, 0, 0),
                iv(0, 1, 0), iv(0, -1, 0), iv(0, 2, 0), iv(0, Integer.MAX_VALUE, 0),
                iv(0, 0, 1), iv(0, 0, -1), iv(0, 0, SECOND), iv(0, 0, -SECOND), iv(0, 0, 60 * SECOND - 1),
                iv(0, 0, 1_500_000), iv(0, 0, -1_500_000), iv(0, 0, 500_000), iv(0, 0, -500_000),
                iv(0, 0, 60 * SECOND), iv(0, 0, -60 * SECOND), iv(0, 0, HOUR), iv(0, 0, 36 * HOUR),
                iv(0, 0, -36 * HOUR), iv(0, 0, 100 * HOUR + 120_000), iv(0, 0, 1_000_000 * HOUR),
                iv(0, 0, 1_000_000 * HOUR + 1), iv(0, 0, 2_000_000_000L * HOUR + 7),
                // mixed signs and kinds: the "+" after a negative field, "ago", sql_standard's three groups
                iv(14, 3, 14_706_700_000L), iv(-14, 3, -14_706_000_000L), iv(-14, -3, -14_706_700_000L),
                iv(1, -1, 0), iv(-1, 1, 0), iv(0, 1, -SECOND), iv(0, -1, SECOND), iv(1, 0, -1), iv(-1, 0, 1),
                iv(12, 0, 1), iv(0, 1, 1), iv(0, -1, -3 * HOUR), iv(-1, -1, -1), iv(1, 1, 1), iv(0, 1, -500_000),
                iv(0, -1, 500_000), iv(0, -2, HOUR), iv(-25, 0, 0), iv(-25, 10, 0), iv(25, -10, HOUR),
                iv(0, 3, 4 * HOUR + 5 * 60 * SECOND + 6 * SECOND), iv(0, -3, -4 * HOUR - 5 * 60 * SECOND - 6_700_000),
                iv(0, 0, -4 * HOUR + 1), iv(0, 0, -(59 * 60 * SECOND)), iv(-1, 2, -3 * HOUR - 1),
                iv(5, 0, 0), iv(0, 0, 1_000_000_100)));
        if (pg.serverMajorVersion() >= 15) {
            // hours beyond int32: older servers refuse to print these at all; and they overflow on the
            // magnitude of -2^31 days ("@ -2147483648 days ago", "--2147483648 0:00:00")
            v.addAll(List.of(iv(0, Integer.MIN_VALUE, 0), iv(0, 0, Long.MAX_VALUE), iv(0, 0, Long.MIN_VALUE), iv(-3, 4, Long.MIN_VALUE + 1),
                    iv(Integer.MIN_VALUE, Integer.MIN_VALUE, Long.MIN_VALUE + 1)));
        }
        if (pg.serverMajorVersion() >= 17) {
            v.addAll(List.of(Interval.POSITIVE_INFINITY, Interval.NEGATIVE_INFINITY));
        }
        return v;
    }

    private static Interval iv(int months, int days, long micros) {
        return new Interval(months, days, micros);
    }

    /** Random fields of random magnitude and sign, zero often, so every combination of present fields occurs. */
    private static List<Interval> random(Random r, int count) {
        List<Interval> v = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int months = (int) field(r, 3_000_000L);
            int days = (int) field(r, 2_000_000_000L);
            long micros = field(r, 7_000_000_000_000_000_000L); // within every server version's printable range
            v.add(iv(months, days, micros));
        }
        return v;
    }

    private static long field(Random r, long max) {
        return switch (r.nextInt(5)) {
            case 0, 1 -> 0;
            case 2 -> r.nextInt(61) - 30;
            case 3 -> (long) ((r.nextDouble() * 2 - 1) * Math.pow(max, r.nextDouble()));
            default -> (long) ((r.nextDouble() * 2 - 1) * max);
        };
    }

    @ParameterizedTest
    @EnumSource(IntervalStyle.class)
    void binaryPrintsAsTheServerPrintsTextInEveryStyle(IntervalStyle style) throws SQLException {
        session.simple("SET IntervalStyle = '" + style.settingName() + "'");
        assertEquals(style.settingName(), session.reported("IntervalStyle"), "reported in ParameterStatus");
        compareWithServer(style, handPicked());
        Random r = new Random(style.ordinal() * 7919L + 17);
        for (int batch = 0; batch < 5; batch++) {
            compareWithServer(style, random(r, 100));
        }
    }

    /** Arrays print their elements in the session's style too, quoted where the text has blanks. */
    @ParameterizedTest
    @EnumSource(IntervalStyle.class)
    void intervalArraysFollowTheStyle(IntervalStyle style) throws SQLException {
        session.simple("SET IntervalStyle = '" + style.settingName() + "'");
        Codec array = CodecRegistry.builtin().forOid(Oids.INTERVAL_ARRAY);
        String sql = "SELECT ARRAY['1 year -2 days +03:04:05.5'::interval, NULL, '0', '-1 mon', '-00:00:01']";
        RowData text = one(session.extended(sql, new int[0], TEXT, new byte[0][], TEXT));
        RowData binary = one(session.extended(sql, new int[0], TEXT, new byte[0][], BINARY));
        assertEquals(text.text(0), array.decodeString(binary.array(), binary.offset(0), binary.length(0), true,
                SessionSettings.of(ZoneOffset.UTC, style)));
    }

    /** The values as binary parameters, echoed in both formats; both must print and read alike. */
    private void compareWithServer(IntervalStyle style, List<Interval> values) throws SQLException {
        SessionSettings settings = SessionSettings.of(ZoneOffset.UTC, style);
        StringBuilder sql = new StringBuilder("SELECT ");
        int[] types = new int[values.size()];
        byte[][] params = new byte[values.size()][];
        for (int i = 0; i < values.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append('$').append(i + 1);
            types[i] = Oids.INTERVAL;
            params[i] = codec.encodeBinary(values.get(i));
        }
        RowData text = one(session.extended(sql.toString(), types, BINARY, params, TEXT));
        RowData binary = one(session.extended(sql.toString(), types, BINARY, params, BINARY));
        for (int i = 0; i < values.size(); i++) {
            Interval value = values.get(i);
            String shown = value + " in " + style;
            String server = text.text(i);
            assertEquals(server, codec.decodeString(binary.array(), binary.offset(i), binary.length(i), true, settings),
                    shown);
            assertEquals(value, codec.decodeObject(text.array(), text.offset(i), text.length(i), false),
                    () -> shown + ": reading the server's text \"" + server + "\"");
            assertEquals(value, codec.decodeObject(binary.array(), binary.offset(i), binary.length(i), true), shown);
        }
    }

    private static RowData one(QueryResult r) {
        assertEquals(1, r.rows().size());
        return r.rows().get(0);
    }
}
