package io.rivulet;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The package structure of the engine, checked on the compiled main classes. */
@AnalyzeClasses(packages = "io.rivulet", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /*
     * "io.rivulet.(**)" makes every package its own slice (hooks and hooks.fire, realtime and
     * realtime.jms are different slices), so a cycle is reported between the packages that form it.
     * The root package io.rivulet (RstoreException, Hidden, ReadOnly, Through) matches no slice:
     * it is the public annotation and exception API every package may use.
     */
    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("io.rivulet.(**)")
            .should().beFreeOfCycles()
            .because("each package should build on lower ones only, so that it can be understood,"
                    + " tested and changed without the packages above it");

    @ArchTest
    static final ArchRule queryIsPlainJava = noClasses()
            .that().resideInAnyPackage("io.rivulet.query", "io.rivulet.query.memory")
            .should().dependOnClassesThat().resideInAPackage("jakarta..")
            .because("conditions are parsed and evaluated in memory without a container or JPA;"
                    + " only io.rivulet.query.jpa translates them to the Criteria API");

    @ArchTest
    static final ArchRule jaxRsOnlyInRest = noClasses()
            // io.rivulet.example is the example application (ExampleTodosResource), not the engine
            .that().resideOutsideOfPackages("io.rivulet.rest..", "io.rivulet.example..")
            .should().dependOnClassesThat().resideInAPackage("jakarta.ws.rs..")
            .because("the HTTP protocol lives in io.rivulet.rest; the engine below it is usable"
                    + " (and testable) without JAX-RS");

    @ArchTest
    static final ArchRule jmsAdapterOnlyFromWiring = noClasses()
            .that().resideOutsideOfPackages("io.rivulet.realtime.jms..", "io.rivulet.realtime.wiring..")
            .should().dependOnClassesThat().resideInAPackage("io.rivulet.realtime.jms..")
            .because("the JMS change bus is an adapter of the ChangeBus port: only the wiring that"
                    + " selects the bus knows it, everything else talks to ChangeBus");

    @ArchTest
    static final ArchRule engineWithoutTheExample = noClasses()
            .that().resideOutsideOfPackage("io.rivulet.example..")
            .should().dependOnClassesThat().resideInAPackage("io.rivulet.example..")
            .because("the engine jar (classifier engine) leaves the example domain out: an application"
                    + " that adds Rivulet gets none of it (README, \"Use Rivulet in your application\")");

    @ArchTest
    static final ArchRule openApiOnlyInItsPackage = noClasses()
            .that().resideOutsideOfPackage("io.rivulet.openapi..")
            .should().dependOnClassesThat().resideInAPackage("org.eclipse.microprofile.openapi..")
            .because("MicroProfile OpenAPI is optional (WildFly full has none): only io.rivulet.openapi,"
                    + " which nothing else uses, may know it");

    @ArchTest
    static final ArchRule noBeanKnowsOpenApi = noClasses()
            .that().areAnnotatedWith(jakarta.enterprise.context.ApplicationScoped.class)
            .or().areAnnotatedWith(jakarta.enterprise.context.RequestScoped.class)
            .or().areAnnotatedWith(jakarta.enterprise.context.Dependent.class)
            .or().areAnnotatedWith(jakarta.inject.Singleton.class)
            .should().dependOnClassesThat().resideInAPackage("org.eclipse.microprofile.openapi..")
            .because("a CDI bean that references an OpenAPI type fails the deployment where MicroProfile OpenAPI"
                    + " is missing; the filter is made by the server, not by CDI");

    @ArchTest
    static final ArchRule healthOnlyInItsPackage = noClasses()
            .that().resideOutsideOfPackage("io.rivulet.health..")
            .should().dependOnClassesThat().resideInAPackage("org.eclipse.microprofile.health..")
            .because("MicroProfile Health is optional (WildFly full has it only with the subsystem"
                    + " wildfly/configure.cli adds): Weld skips io.rivulet.health where it is missing,"
                    + " and nothing else may need it");

    @ArchTest
    static final ArchRule pgjdbcOnlyInTheChangeSource = noClasses()
            .that().resideOutsideOfPackage("io.rivulet.changes.postgresql..")
            .should().dependOnClassesThat().resideInAPackage("org.postgresql..")
            .because("pgjdbc is the server's (provided), present only on PostgreSQL deployments: only the"
                    + " PostgreSQL change source, which runs only when rivulet.changes.source=postgresql, may need it");

    @ArchTest
    static final ArchRule changeSourceOnlyFromBoot = noClasses()
            .that().resideOutsideOfPackages("io.rivulet.changes.postgresql..", "io.rivulet.boot..", "io.rivulet.health..")
            .should().dependOnClassesThat().resideInAPackage("io.rivulet.changes.postgresql..")
            .because("the change source is an adapter that feeds the ChangeBus port: only the start-up (and health)"
                    + " know it; realtime itself does not know where its changes come from");
}
