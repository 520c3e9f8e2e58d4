package io.tusk.testing;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/** Skips tests marked {@link RequiresEmbeddedServer} when the tests run against an external server. */
public final class RequiresEmbeddedServerCondition implements ExecutionCondition {

    static final String REASON = "needs the embedded server (TUSK_TEST_URL points at an external one)";

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        boolean marked = context.getElement()
            .map(element -> AnnotationSupport.isAnnotated(element, RequiresEmbeddedServer.class))
            .orElse(false);
        if (!marked) {
            return ConditionEvaluationResult.enabled("not marked @RequiresEmbeddedServer");
        }
        return PgServer.embeddedConfigured()
            ? ConditionEvaluationResult.enabled("the embedded server is used")
            : ConditionEvaluationResult.disabled(REASON);
    }
}
