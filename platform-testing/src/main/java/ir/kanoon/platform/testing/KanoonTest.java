package ir.kanoon.platform.testing;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.inject.Stereotype;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A {@code @QuarkusTest} of a Kanoon service against a real PostgreSQL ({@link PostgresTestResource}), a real
 * Kafka ({@link KafkaTestResource}) and locally signed JWTs ({@link OidcTestResource}, {@link TestTokens}).
 *
 * <p>All three use {@code scope = MATCHING_RESOURCES}, so every test class carrying this annotation (and
 * nothing else that changes the resources) shares one application and one database; PostgreSQL and Kafka
 * start in parallel. A class that needs another setup (a test profile, an extra resource) gets its own
 * application and a fresh database — that is what the scope is for.
 */
@QuarkusTest
@Stereotype
@WithTestResource(value = PostgresTestResource.class, parallel = true, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = KafkaTestResource.class, parallel = true, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = OidcTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface KanoonTest {
}
