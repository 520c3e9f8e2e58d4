package io.tusk.internal.codec.composite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The text of a composite value. The expected strings are what PostgreSQL's {@code record_out} prints
 * for the same fields (e.g. {@code SELECT ROW('a,b', NULL, '')::text}), so a Struct's text compares
 * equal to the server's text of the value it becomes.
 */
class CompositeTextWriterTest {

    @Test
    void plainFieldsAreWrittenAsTheyAre() {
        assertEquals("(1,abc,2024-01-02,t)", CompositeTextWriter.write(List.of("1", "abc", "2024-01-02", "t")));
    }

    @Test
    void nullIsAnEmptyFieldAndTheEmptyStringIsQuoted() {
        assertEquals("(,\"\",)", CompositeTextWriter.write(Arrays.asList(null, "", null)));
        assertEquals("()", CompositeTextWriter.write(List.of()), "a composite type without attributes");
        assertEquals("(\"\")", CompositeTextWriter.write(List.of("")));
        assertEquals("()", CompositeTextWriter.write(Arrays.asList((String) null)), "one NULL attribute");
    }

    @Test
    void theWordNullNeedsNoQuotes() {
        // unlike in an array, an unquoted NULL in a composite is the four letters
        assertEquals("(NULL,null)", CompositeTextWriter.write(List.of("NULL", "null")));
    }

    @Test
    void separatorsQuotesBackslashesAndBlanksAreQuoted() {
        assertEquals("(\"a,b\",\"(x)\",\"a)\",\"with \"\"quote\"\"\",\"back\\\\slash\",\" lead\",\"trail \",\"a b\")",
                CompositeTextWriter.write(List.of("a,b", "(x)", "a)", "with \"quote\"", "back\\slash", " lead", "trail ",
                        "a b")));
    }

    @Test
    void everyBlankThatIsspaceKnowsIsQuoted() {
        for (String blank : new String[] {" ", "\t", "\n", "\r", "\u000b", "\f"}) {
            assertEquals("(\"x" + blank + "y\")", CompositeTextWriter.write(List.of("x" + blank + "y")));
        }
    }

    @Test
    void bracesAndNonAsciiNeedNoQuotes() {
        assertEquals("({x},ünï©ødé日本)", CompositeTextWriter.write(List.of("{x}", "ünï©ødé日本")));
    }

    @Test
    void aNestedCompositeIsOneQuotedFieldWithItsQuotesDoubled() {
        String inner = CompositeTextWriter.write(Arrays.asList("1", "a b", null));
        assertEquals("(1,\"a b\",)", inner);
        assertEquals("(x,\"(1,\"\"a b\"\",)\")", CompositeTextWriter.write(List.of("x", inner)));
    }
}
