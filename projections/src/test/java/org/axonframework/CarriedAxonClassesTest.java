package org.axonframework;

import org.axonframework.eventhandling.EventMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Axon classes the ledger carries, each Axon 4.13.0's file changed in one place (ADR 0009). These fail when a
 * copy stops shadowing Axon's class, or when Axon is upgraded under the copies: each must then be taken again from
 * the new version, or dropped if Axon changed what it was carried for. What each change does is tested beside it.
 */
class CarriedAxonClassesTest {

    @ParameterizedTest
    @ValueSource(strings = {"org.axonframework.eventhandling.pooled.WorkPackage",
            "org.axonframework.eventhandling.MultiEventHandlerInvoker"})
    void theLedgersCopyIsTheOneLoaded(String className) throws ClassNotFoundException {
        assertThat(Class.forName(className).getProtectionDomain().getCodeSource().getLocation())
                .isNotEqualTo(EventMessage.class.getProtectionDomain().getCodeSource().getLocation());
    }

    /**
     * Read from axon-messaging's own Maven properties: a package's Implementation-Version comes from whichever class
     * path entry defined the package first, and the copies put classes of Axon's packages in the ledger's classes.
     */
    @Test
    void theyAreCopiesOfTheAxonVersionInUse() throws IOException {
        Properties axonMessaging = new Properties();
        try (InputStream pom = EventMessage.class.getResourceAsStream(
                "/META-INF/maven/org.axonframework/axon-messaging/pom.properties")) {
            axonMessaging.load(pom);
        }
        assertThat(axonMessaging.getProperty("version")).isEqualTo("4.13.0");
    }
}
