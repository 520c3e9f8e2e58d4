package io.tusk.testing;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts the test server ({@link PgServer#get()}) before a test class runs and injects it into constructor,
 * lifecycle and test method parameters of type {@link PgServer}:
 *
 * <pre>{@code
 * @ExtendWith(PgServerExtension.class)
 * class SomethingIT {
 *     SomethingIT(PgServer server) { ... }
 * }
 * }</pre>
 */
public final class PgServerExtension implements BeforeAllCallback, ParameterResolver {

    @Override
    public void beforeAll(ExtensionContext context) {
        PgServer.get();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == PgServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        try {
            return PgServer.get();
        } catch (RuntimeException e) {
            throw new ParameterResolutionException("The test PostgreSQL server is not available: " + e.getMessage(), e);
        }
    }
}
