package io.github.itsmejakarta.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.github.itsmejakarta.it.probe.ProbeExtension;
import io.github.itsmejakarta.it.probe.ProbeMechanism;
import io.github.itsmejakarta.it.probe.ProbeResource;
import io.github.itsmejakarta.it.probe.ProbeServlet;
import io.github.itsmejakarta.it.support.Server;
import io.github.itsmejakarta.it.support.WebClient;
import io.github.itsmejakarta.it.support.Wars;
import jakarta.enterprise.inject.spi.Extension;

/** Throwaway: a second deployment in the same run until itsme-jakarta-cdi exists. */
@ExtendWith(ArquillianExtension.class)
class ProbeSecondIT {

    @Deployment(testable = false)
    static WebArchive war() {
        return Wars.war("probe2", Map.of("probe.greeting", "hello-from-config"))
                .addClasses(ProbeMechanism.class, ProbeExtension.class, ProbeServlet.class, ProbeResource.class,
                        ProbeResource.ProbeApplication.class)
                .addAsServiceProvider(Extension.class, ProbeExtension.class);
    }

    private final WebClient web = new WebClient();

    @Test
    void protectedServletRefusesAnonymous() {
        assertThat(web.get(Server.base("probe2").resolve("protected")).statusCode()).isEqualTo(401);
    }

    @Test
    void protectedServletSeesTheCaller() {
        var response = web.get(Server.base("probe2").resolve("protected"), Map.of("X-Probe-User", "alice"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("caller=alice", "greeting=hello-from-config", "user-role=true",
                "jose4j=b2s");
    }

    @Test
    void protectedResourceSeesTheCaller() {
        var response = web.get(Server.base("probe2").resolve("api/me"), Map.of("X-Probe-User", "bob"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("rest-caller=bob");
    }
}
