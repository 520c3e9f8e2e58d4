package io.tusk.internal.cache;

import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The per-connection cache of server-side prepared statements: an access-ordered LRU keyed by the
 * SQL text and the parameter type OIDs it was parsed with (both change what the server prepared).
 * Whatever leaves the cache (evicted or replaced) is handed to {@code onRemoval} so the caller can
 * send Close for it in its next batch. SQL longer than {@code maxSqlLength} is not cached: such
 * statements are usually generated and rarely repeat (asyncpg's max_cacheable_statement_size).
 *
 * @param <V> what is kept per statement
 */
public final class StatementCache<V> {
    private final int maxEntries;
    private final int maxSqlLength;
    private final Consumer<V> onRemoval;
    private final LinkedHashMap<Key, V> entries = new LinkedHashMap<>(16, 0.75f, true);
    private long nameCounter;

    /** @param maxEntries 0 disables caching */
    public StatementCache(int maxEntries, int maxSqlLength, Consumer<V> onRemoval) {
        this.maxEntries = maxEntries;
        this.maxSqlLength = maxSqlLength;
        this.onRemoval = onRemoval;
    }

    public boolean isCacheable(String sql) {
        return maxEntries > 0 && (maxSqlLength <= 0 || sql.length() <= maxSqlLength);
    }

    public synchronized V get(String sql, int[] parameterTypes) {
        return entries.get(new Key(sql, parameterTypes));
    }

    /** Adds an entry, evicting the least recently used one when full. */
    public void put(String sql, int[] parameterTypes, V value) {
        V replaced;
        V evicted = null;
        synchronized (this) {
            replaced = entries.put(new Key(sql, parameterTypes), value);
            if (entries.size() > maxEntries) {
                Iterator<Map.Entry<Key, V>> eldest = entries.entrySet().iterator();
                evicted = eldest.next().getValue();
                eldest.remove();
            }
        }
        if (replaced != null && replaced != value) {
            onRemoval.accept(replaced);
        }
        if (evicted != null) {
            onRemoval.accept(evicted);
        }
    }

    /** Drops one entry, e.g. after "cached plan must not change result type". */
    public void invalidate(String sql, int[] parameterTypes) {
        V removed;
        synchronized (this) {
            removed = entries.remove(new Key(sql, parameterTypes));
        }
        if (removed != null) {
            onRemoval.accept(removed);
        }
    }

    /** Drops everything without Close: for a connection whose server-side statements are gone. */
    public synchronized void clear() {
        entries.clear();
    }

    public synchronized int size() {
        return entries.size();
    }

    /** A statement name unique on this connection. */
    public synchronized String nextName() {
        return "tusk_" + (++nameCounter);
    }

    private record Key(String sql, int[] types) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && sql.equals(k.sql) && Arrays.equals(types, k.types);
        }

        @Override
        public int hashCode() {
            return 31 * sql.hashCode() + Arrays.hashCode(types);
        }
    }
}
