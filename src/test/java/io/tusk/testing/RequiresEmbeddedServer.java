package io.tusk.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test class or method that needs the embedded server (its certificates, data folder, Unix socket,
 * exact users or version): it is skipped when {@code TUSK_TEST_URL} points at an external server.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(RequiresEmbeddedServerCondition.class)
public @interface RequiresEmbeddedServer {
}
