package io.github.itsmejakarta.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.github.itsmejakarta.core.keys.RelyingPartyKeys;
import io.github.itsmejakarta.it.support.ItsmeApps;
import io.github.itsmejakarta.it.support.Server;
import io.github.itsmejakarta.it.support.WebClient;

/**
 * itsme cannot be reached (nothing listens where its discovery document should be): a protected page answers 503
 * with a plain page, and the rest of the application keeps serving.
 */
@ExtendWith(ArquillianExtension.class)
class ItsmeUnreachableIT {

    static final String APP = "itsme-down";

    @Deployment(testable = false)
    static WebArchive deployment() {
        URI nowhere = URI.create("http://127.0.0.1:" + closedPort() + "/v2/.well-known/openid-configuration");
        Map<String, String> config = ItsmeApps.config(APP, nowhere, RelyingPartyKeys.generate());
        config.put("itsme.connect-timeout", "PT2S");
        config.put("itsme.read-timeout", "PT2S");
        return ItsmeApps.war(APP, config);
    }

    private final URI app = Server.base(APP);

    @Test
    void aProtectedPageAnswers503AndTheOtherPagesStillServe() {
        WebClient web = new WebClient();
        HttpResponse<String> down = web.get(app.resolve("protected/whoami"));
        assertThat(down.statusCode()).as(down.body()).isEqualTo(503);
        assertThat(down.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(down.body()).contains("itsme is unavailable").doesNotContain("Exception", "at io.github");

        HttpResponse<String> open = web.get(app.resolve("public"));
        assertThat(open.statusCode()).isEqualTo(200);
        assertThat(open.body()).isEqualTo("public page; caller=-\n");
        assertThat(web.get(app.resolve("itsme/jwks")).statusCode()).isEqualTo(200);

        // and the answer stays the same on the next try: no half-initialised state
        assertThat(web.get(app.resolve("protected/whoami")).statusCode()).isEqualTo(503);
    }

    /** A loopback port nothing listens on: bound, then released. */
    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
