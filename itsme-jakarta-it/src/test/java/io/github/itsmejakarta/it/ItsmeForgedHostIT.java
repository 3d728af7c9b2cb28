package io.github.itsmejakarta.it;

import static io.github.itsmejakarta.it.support.ItsmeUser.report;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.github.itsmejakarta.core.keys.RelyingPartyKeys;
import io.github.itsmejakarta.it.support.ItsmeApps;
import io.github.itsmejakarta.it.support.RawHttp;
import io.github.itsmejakarta.it.support.Server;
import io.github.itsmejakarta.it.support.WebClient;
import io.github.itsmejakarta.testkit.Endpoint;
import io.github.itsmejakarta.testkit.ItsmeSimulator;
import io.github.itsmejakarta.testkit.TestPersons;
import io.github.itsmejakarta.testkit.ItsmeLogin;

/**
 * Issue 7 item 1, checklist item 35, on a real server: without {@code itsme.redirect-uri} (the default), a thousand
 * protected GETs with distinct forged {@code Host} headers, then the real host still gets its 302 to itsme and logs
 * in. Half the forged names are loopback addresses (a usable callback URL each: a 302 carrying it, the case that
 * filled the old per-host client cache), half are other names over plain http (400 ITSME-1733).
 */
@ExtendWith(ArquillianExtension.class)
class ItsmeForgedHostIT {

    static final String APP = "itsme-forged-host";
    static final int FORGED = 1000;

    static ItsmeSimulator itsme;

    @Deployment(testable = false)
    static WebArchive deployment() {
        itsme = ItsmeSimulator.builder().port(0).build().start();
        RelyingPartyKeys keys = RelyingPartyKeys.generate();
        ItsmeApps.register(itsme, APP, keys);
        Map<String, String> config = ItsmeApps.config(APP, itsme.discoveryUri(), keys);
        config.remove("itsme.redirect-uri"); // the callback URL comes from each request
        return ItsmeApps.war(APP, config);
    }

    @AfterAll
    static void stopItsme() {
        if (itsme != null) {
            itsme.close();
        }
    }

    private final URI app = Server.base(APP);

    @Test
    void aThousandForgedHostsThenTheRealHostStillLogsIn() {
        itsme.reset();
        String path = "/" + APP + "/protected/whoami";
        int port = Server.httpPort();
        for (int i = 0; i < FORGED; i++) {
            if (i % 2 == 0) {
                String host = "127.1." + (i / 256) + "." + (i % 256);
                RawHttp.Answer a = RawHttp.get(port, path, host + ":" + port);
                assertThat(a.status()).as("Host %s", host).isEqualTo(302);
                assertThat(redirectUri(a.headers().get("location")))
                        .isEqualTo("http://" + host + ":" + port + "/" + APP + "/itsme/callback");
            } else {
                RawHttp.Answer a = RawHttp.get(port, path, "forged-" + i + ".example:" + port);
                assertThat(a.status()).as("Host forged-%s.example", i).isEqualTo(400);
            }
        }

        ItsmeLogin.Session back = ItsmeLogin.as(TestPersons.BELGIAN_EID_HOLDER).timeout(WebClient.TIMEOUT)
                .open(app.resolve("protected/whoami"));
        assertThat(itsme.recordedRequests(Endpoint.AUTHORIZATION)).filteredOn(r -> r.method().equals("GET"))
                .singleElement().satisfies(r -> assertThat(r.queryParameter("redirect_uri"))
                        .contains(ItsmeApps.callback(APP).toString()));
        assertThat(back.landing().statusCode()).as(back.landing().body()).isEqualTo(200);
        assertThat(report(back.landing().body())).containsEntry("caller",
                TestPersons.BELGIAN_EID_HOLDER.subFor(ItsmeApps.clientId(APP)));
        // one discovery for everybody: nothing was fetched or built per host name
        assertThat(itsme.recordedRequests(Endpoint.DISCOVERY)).hasSize(1);
    }

    private static String redirectUri(String location) {
        String query = URI.create(location).getRawQuery();
        for (String pair : query.split("&")) {
            if (pair.startsWith("redirect_uri=")) {
                return URLDecoder.decode(pair.substring("redirect_uri=".length()), StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}
