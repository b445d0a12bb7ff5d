package io.rivulet;

import jakarta.inject.Qualifier;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The persistence context Rivulet serves: the application names its unit with one CDI resource
 * producer field, and every entity of that unit is a collection.
 *
 * <pre>{@code
 * @ApplicationScoped
 * public class RivuletUnit {
 *     @Produces @RivuletPersistence @PersistenceContext(unitName = "inventory")
 *     EntityManager entityManager;
 * }
 * }</pre>
 *
 * The producer lives in the application's own archive, next to its {@code persistence.xml}: the
 * server resolves a unit name in the module that declares the reference, so the engine cannot
 * name the unit itself. Without a producer the deployment fails with Weld's "Unsatisfied
 * dependencies for type EntityManager with qualifiers @RivuletPersistence" (README, "Use Rivulet
 * in your application").
 */
@Qualifier
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE})
public @interface RivuletPersistence {
}
