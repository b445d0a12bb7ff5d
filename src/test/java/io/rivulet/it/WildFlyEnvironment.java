package io.rivulet.it;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Prepares the WildFly that Arquillian starts in the {@code it-wildfly} run
 * ({@code arquillian.launch=wildfly}): a port offset under which every port of
 * {@code standalone-full.xml} is free, since other test servers (another WildFly, Payara Micro)
 * may run on the machine at the same time. arquillian.xml reads the properties it sets.
 */
public class WildFlyEnvironment implements LauncherSessionListener {

    /** The ports of standalone-full.xml without offset: ajp, http, https, iiop(-ssl), management, transactions. */
    private static final int[] PORTS = {8009, 8080, 8443, 3528, 3529, 9990, 9993, 4712, 4713};

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (!isWildFly() || System.getProperty("rivulet.it.wildfly.managementPort") != null) {
            return;
        }
        int offset = freeOffset();
        System.setProperty("rivulet.it.wildfly.managementPort", Integer.toString(9990 + offset));
        System.setProperty("rivulet.it.wildfly.vmArguments", "-Xmx768m " + PayaraNode.TEST_JIT + " -Djboss.socket.binding.port-offset=" + offset);
    }

    /** Whether this test run targets WildFly (the {@code wildfly} container of arquillian.xml). */
    public static boolean isWildFly() {
        return "wildfly".equals(System.getProperty("arquillian.launch"));
    }

    private static int freeOffset() {
        for (int attempt = 0; attempt < 100; attempt++) {
            // random, so that two runs starting at once rarely collide; below the ephemeral range (32768+)
            int offset = ThreadLocalRandom.current().nextInt(100, 2000) * 10;
            if (IntStream.of(PORTS).allMatch(port -> free(port + offset))) {
                return offset;
            }
        }
        throw new IllegalStateException("no port offset with all WildFly ports free");
    }

    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return socket.isBound();
        } catch (IOException e) {
            return false;
        }
    }
}
