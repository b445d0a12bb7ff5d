package io.rivulet.it;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The Payara Server of the {@code it-payara-server} run ({@code mvn -Ppayara-server}), set up
 * once for all {@link OnPayaraServer} classes exactly as README "Configuring the datasource" and
 * "Running a cluster" tell an operator: a new domain, the PostgreSQL driver in its {@code lib}, a
 * fresh PostgreSQL database as the default datasource ({@code jdbc/__default}), the settings of
 * {@code payara/pre-boot.asadmin}, the JMS change bus on the server's own OpenMQ broker, and the
 * WAR Maven built deployed twice, {@code /rivulet-a} and {@code /rivulet-b}, as two nodes on one
 * topic. The domain is stopped when the run ends, also when a step or a test failed. A test
 * method or {@code @BeforeAll} method takes the {@link PayaraServer} as a parameter.
 */
public class PayaraServerEnvironment implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(PayaraServerEnvironment.class);

    /** The server's own connection factory and the topic's (physical) name, as README says. */
    static final String[] BUS = {"rivulet.bus=jms", "rivulet.jms.connection-factory=jms/__defaultConnectionFactory",
        "rivulet.jms.topic=rivulet"};

    @Override
    public void beforeAll(ExtensionContext context) {
        running(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == PayaraServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return running(context).server;
    }

    private static Running running(ExtensionContext context) {
        // the root store: one server for every class of the run, closed (stop-domain) when the run ends
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(Running.class, type -> Running.start(),
                Running.class);
    }

    /** The started server; closing it (JUnit does at the end of the run) stops the domain. */
    private record Running(PayaraServer server) implements AutoCloseable {

        static Running start() {
            PayaraServer server = null;
            try {
                Path home = Path.of(System.getProperty("rivulet.it.payaraServerHome", "target/payara6"));
                if (!Files.isDirectory(home)) {
                    throw new IllegalStateException("no Payara Server at " + home + " (mvn -Ppayara-server unpacks it)");
                }
                TestEnvironment.Database database = TestEnvironment.freshDatabase();
                server = PayaraServer.create(home, Path.of("target", "payara-server"), "rivulet");
                server.addLibrary(Path.of(TestEnvironment.Server.POSTGRESQL.driver()));
                server.start();
                PayaraServer started = server;
                // if the test JVM is ended before JUnit closes the store (a fork timeout), the domain still stops
                Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(started)));
                server.run(PayaraCommands.serverSettings()
                        + database.postBootCommands()
                        + "create-jmsdest --desttype topic rivulet\n"
                        + PayaraCommands.systemProperties(BUS)
                        // the test servers' JIT (PayaraNode.TEST_JIT), applied by the restart
                        + "create-jvm-options -- " + PayaraNode.TEST_JIT.replace(":", "\\\\:") + "\n");
                server.restart();
                Path war = Path.of(System.getProperty("rivulet.it.war", "target/rivulet.war"));
                server.deploy(war, "rivulet-a");
                server.deploy(war, "rivulet-b");
                return new Running(server);
            } catch (Exception e) {
                if (server != null) {
                    closeQuietly(server);
                }
                throw new IllegalStateException("Payara Server set-up failed: " + e.getMessage(), e);
            }
        }

        @Override
        public void close() throws java.io.IOException {
            server.close();
        }

        private static void closeQuietly(PayaraServer server) {
            try {
                server.close();
            } catch (Exception e) {
                // stopping is best effort here; the domain's pid file names the process
            }
        }
    }
}
