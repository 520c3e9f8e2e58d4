package io.tusk.internal.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatementCacheTest {
    private final List<String> removed = new ArrayList<>();

    private StatementCache<String> cache(int entries, int threshold) {
        return new StatementCache<>(entries, 100, threshold, removed::add);
    }

    @Test
    void aStatementIsPreparedOnTheRunThatReachesTheThreshold() {
        StatementCache<String> c = cache(10, 3);
        assertFalse(c.countRun("SELECT 1"));
        assertFalse(c.countRun("SELECT 1"));
        assertTrue(c.countRun("SELECT 1"));
        assertFalse(c.countRun("SELECT 2"), "each text counts on its own");
    }

    @Test
    void thresholdsZeroOneAndMinusOne() {
        assertFalse(cache(10, 0).isCacheable("SELECT 1"), "0 never prepares");
        assertTrue(cache(10, 1).countRun("SELECT 1"));
        assertFalse(cache(10, 1).describesFirst());
        StatementCache<String> minusOne = cache(10, -1);
        assertTrue(minusOne.isCacheable("SELECT 1"));
        assertTrue(minusOne.countRun("SELECT 1"));
        assertTrue(minusOne.describesFirst());
    }

    @Test
    void countsAreForgottenForStatementsThatRarelyComeBack() {
        StatementCache<String> c = cache(2, 2); // counts kept for at most 4 texts
        assertFalse(c.countRun("once"));
        for (int i = 0; i < 4; i++) {
            assertFalse(c.countRun("other " + i));
        }
        assertFalse(c.countRun("once"), "its first run was forgotten: counting starts again");
        assertTrue(c.countRun("once"));
    }

    @Test
    void leastRecentlyUsedEntryIsEvictedAndHandedOver() {
        StatementCache<String> c = cache(2, 1);
        c.put("a", new int[0], "A");
        c.put("b", new int[0], "B");
        c.get("a", new int[0]);
        c.put("c", new int[0], "C");
        assertNull(c.get("b", new int[0]));
        assertEquals(List.of("B"), removed);
        assertEquals("A", c.get("a", new int[0]));
        assertNull(c.get("a", new int[] {23}), "the parameter types are part of the key");
    }

    @Test
    void longSqlIsNotCacheable() {
        StatementCache<String> c = cache(10, 1);
        assertTrue(c.isCacheable("x".repeat(100)));
        assertFalse(c.isCacheable("x".repeat(101)));
        assertFalse(cache(0, 1).isCacheable("SELECT 1"), "0 entries disables the cache");
    }
}
