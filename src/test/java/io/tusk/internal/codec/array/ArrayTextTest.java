package io.tusk.internal.codec.array;

import static io.tusk.internal.codec.CodecTesting.assertSqlState;
import static io.tusk.internal.codec.CodecTesting.binary;
import static io.tusk.internal.codec.CodecTesting.codec;
import static io.tusk.internal.codec.CodecTesting.text;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tusk.internal.codec.BigEndian;
import io.tusk.internal.codec.Codec;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The text form: what {@code array_in} reads and {@code array_out} prints. The expected strings are
 * PostgreSQL's own output for the same values (checked with psql), so getString of a binary array
 * equals the server's text.
 */
class ArrayTextTest {
    private final Codec texts = codec("_text");
    private final Codec int4s = codec("_int4");

    /** Elements that need quoting or escaping, and PostgreSQL's text of the array holding them all. */
    private static final String[] AWKWARD = {"a,b", "with \"quote\"", "back\\slash", "{brace}", " lead", "trail ",
        "a b", "NULL", "null", "", "ünï©ødé 日本", "tab\there", "plain", null};
    private static final String AWKWARD_TEXT = "{\"a,b\",\"with \\\"quote\\\"\",\"back\\\\slash\",\"{brace}\","
            + "\" lead\",\"trail \",\"a b\",\"NULL\",\"null\",\"\",\"ünï©ødé 日本\",\"tab\there\",plain,NULL}";

    @Test
    void awkwardTextElementsAreQuotedAsTheServerDoes() throws SQLException {
        byte[] wire = texts.encodeBinary(AWKWARD);
        assertEquals(AWKWARD_TEXT, binary(texts::decodeString, wire));
        assertEquals(AWKWARD_TEXT, texts.encodeText(AWKWARD));
        assertArrayEquals(AWKWARD, (String[]) binary(texts::decodeObject, wire));
    }

    @Test
    void awkwardTextElementsParseBack() throws SQLException {
        assertArrayEquals(AWKWARD, (String[]) text(texts::decodeObject, AWKWARD_TEXT));
        assertEquals(AWKWARD_TEXT, text(texts::decodeString, AWKWARD_TEXT), "text results are passed through");
    }

    @Test
    void nullIsTheBareWordInAnyCaseOnly() throws SQLException {
        assertArrayEquals(new String[] {null, null, "NULL", "NULL", "a,b", "nulls"},
                (String[]) text(texts::decodeObject, "{NULL, null ,\"NULL\",N\\ULL,a\\,b,nulls}"));
    }

    @Test
    void blanksAroundUnquotedElementsAreDroppedInsideKept() throws SQLException {
        assertArrayEquals(new String[] {"a b", "c", " d ", "e "},
                (String[]) text(texts::decodeObject, " { a b ,\t\"c\"\n, \" d \" , e\\  } "));
        assertArrayEquals(new Integer[] {1, 2}, (Integer[]) text(int4s::decodeObject, "{ 1 , 2 }"));
    }

    @Test
    void multipleDimensionsAndEmptyArrays() throws SQLException {
        Object square = text(int4s::decodeObject, "{{1,2},{3,NULL}}");
        assertTrue(Arrays.deepEquals(new Integer[][] {{1, 2}, {3, null}}, (Integer[][]) square));
        assertTrue(Arrays.deepEquals(new String[][][] {{{"a"}, {"b c"}}},
                (String[][][]) text(texts::decodeObject, "{{{a},{\"b c\"}}}")));
        assertArrayEquals(new Integer[0], (Integer[]) text(int4s::decodeObject, "{}"));
        assertArrayEquals(new Integer[0], (Integer[]) text(int4s::decodeObject, " { } "));
        assertEquals(List.of(List.of("x", "y")), texts.decode(List.class, "{{x,y}}".getBytes(), 0, 7, false));
    }

    @Test
    void dimensionDecorationSetsLowerBounds() throws SQLException {
        assertArrayEquals(new Integer[] {1, 2}, (Integer[]) text(int4s::decodeObject, "[0:1]={1,2}"));
        assertArrayEquals(new Integer[] {1, 2, 3}, (Integer[]) text(int4s::decodeObject, "[3]={1,2,3}"));
        assertTrue(Arrays.deepEquals(new Integer[][] {{1, 2}, {3, 4}},
                (Integer[][]) text(int4s::decodeObject, "[1:2][3:4]={{1,2},{3,4}}")));
        assertEquals("[-2:-1]={7,8}", text(int4s::decodeString, "[-2:-1]={7,8}"));
    }

    @Test
    void binaryLowerBoundsPrintAsTheServerDoes() throws SQLException {
        byte[] wire = int4s.encodeBinary(new Integer[][] {{1, 2}, {3, 4}});
        BigEndian.putInt(wire, 24, 3); // lower bound of the second dimension
        assertEquals("[1:2][3:4]={{1,2},{3,4}}", binary(int4s::decodeString, wire));
        BigEndian.putInt(wire, 24, 1);
        BigEndian.putInt(wire, 16, 0);
        assertEquals("[0:1][1:2]={{1,2},{3,4}}", binary(int4s::decodeString, wire));
        assertTrue(Arrays.deepEquals(new Integer[][] {{1, 2}, {3, 4}}, (Integer[][]) binary(int4s::decodeObject, wire)),
                "Java arrays start at 0 whatever the lower bound");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1,2", "{1,2", "{1,,2}", "{,}", "{1}x", "{{1},2}", "{1,{2}}", "{{1,2},{3}}",
        "{\"a}", "{a\"b\"}", "{a{b}", "[1:3]={1,2}", "[1:2]{1,2}", "[x]={1}", "{1}}", "{{{{{{{1}}}}}}}", "{a\\"})
    void malformedLiteralsAre22P02(String literal) {
        assertSqlState("22P02", "malformed array literal for _text", () -> text(texts::decodeObject, literal));
    }

    @Test
    void elementErrorsComeFromTheElementCodec() {
        assertSqlState("22P02", "int4", () -> text(int4s::decodeObject, "{1,x}"));
    }

    @Test
    void unicodeAndEscapesInBinaryRoundTrip() throws SQLException {
        String[] values = {"日本語", "emoji 😀", "\\", "\"", "}{", "x"};
        byte[] wire = texts.encodeBinary(values);
        String server = binary(texts::decodeString, wire);
        assertEquals("{日本語,\"emoji 😀\",\"\\\\\",\"\\\"\",\"}{\",x}", server);
        assertArrayEquals(values, (String[]) text(texts::decodeObject, server));
    }
}
