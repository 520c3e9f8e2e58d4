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
 * <p>Admission (pgjdbc's prepareThreshold): a statement is prepared under a name only when its text
 * has been run {@code prepareThreshold} times on the connection. Until then it runs as the unnamed
 * statement, so SQL that is run once (a query with a per-request comment tag, generated SQL) never
 * displaces the statements that repeat. 0 never prepares (for poolers that cannot keep named
 * statements); 1 and -1 prepare at once.
 *
 * @param <V> what is kept per statement
 */
public final class StatementCache<V> {
    private final int maxEntries;
    private final int maxSqlLength;
    private final Consumer<V> onRemoval;
    private final LinkedHashMap<Key, V> entries = new LinkedHashMap<>(16, 0.75f, true);
    private final int prepareThreshold;
    /** Runs so far of statements not prepared yet, least recently run first; bounded, see {@link #countRun}. */
    private final LinkedHashMap<String, Integer> runs = new LinkedHashMap<>(16, 0.75f, true);
    private long nameCounter;

    /**
     * @param maxEntries       0 disables caching
     * @param prepareThreshold runs of a statement's text before it is prepared; 0 never, -1 or 1 at once
     */
    public StatementCache(int maxEntries, int maxSqlLength, int prepareThreshold, Consumer<V> onRemoval) {
        this.maxEntries = maxEntries;
        this.maxSqlLength = maxSqlLength;
        this.prepareThreshold = prepareThreshold;
        this.onRemoval = onRemoval;
    }

    public boolean isCacheable(String sql) {
        return maxEntries > 0 && prepareThreshold != 0 && (maxSqlLength <= 0 || sql.length() <= maxSqlLength);
    }

    /**
     * Counts one run of a cacheable statement that is not in the cache, and says whether this run
     * reaches the threshold and should prepare it. The counts are kept for at most twice as many
     * statements as the cache holds: a statement that comes back less often than that many others
     * is not worth keeping prepared anyway.
     */
    public boolean countRun(String sql) {
        if (prepareThreshold <= 1) {
            return true;
        }
        synchronized (this) {
            int n = runs.merge(sql, 1, Integer::sum);
            if (n >= prepareThreshold) {
                runs.remove(sql);
                return true;
            }
            if (runs.size() > 2 * maxEntries) {
                Iterator<String> eldest = runs.keySet().iterator();
                eldest.next();
                eldest.remove();
            }
            return false;
        }
    }

    /** Whether statements are described before their first run, so that it already gets binary results (-1). */
    public boolean describesFirst() {
        return prepareThreshold < 0;
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
        runs.clear();
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
