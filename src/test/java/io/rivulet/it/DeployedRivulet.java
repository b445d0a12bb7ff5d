package io.rivulet.it;

import java.net.URL;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.BeforeEach;

/** The base of the IT classes: the deployment's URL and a client for it (each class declares its deployment). */
abstract class DeployedRivulet {

    @ArquillianResource
    URL base;

    RstoreClient rstore;

    @BeforeEach
    void connect() {
        rstore = new RstoreClient(base);
    }
}
