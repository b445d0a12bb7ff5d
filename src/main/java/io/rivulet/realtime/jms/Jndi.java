package io.rivulet.realtime.jms;

import jakarta.jms.JMSRuntimeException;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/** JNDI lookups of the server's JMS objects, failing as JMS failures (the bus retries them). */
final class Jndi {

    private Jndi() {
    }

    static <T> T lookup(String name, Class<T> type) {
        Object found;
        try {
            found = InitialContext.doLookup(name);
        } catch (NamingException e) {
            throw new JMSRuntimeException("JNDI name " + name + " not found: " + e.getMessage());
        }
        if (!type.isInstance(found)) {
            throw new JMSRuntimeException("JNDI name " + name + " is a " + found.getClass().getName()
                    + ", not a " + type.getSimpleName());
        }
        return type.cast(found);
    }
}
