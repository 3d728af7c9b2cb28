package io.github.itsmejakarta.it;

import static io.github.itsmejakarta.it.support.ItsmeUser.report;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.github.itsmejakarta.core.keys.RelyingPartyKeys;
import io.github.itsmejakarta.it.support.ItsmeApps;
import io.github.itsmejakarta.it.support.ItsmeUser;
import io.github.itsmejakarta.it.support.ItsmeUser.ItsmePage;
import io.github.itsmejakarta.it.support.Server;
import io.github.itsmejakarta.it.support.WebClient;
import io.github.itsmejakarta.testkit.ItsmeSimulator;
import io.github.itsmejakarta.testkit.TestPersons;

/**
 * The other way to run: the login in progress in an encrypted cookie (no server state until the callback), request
 * objects by reference ({@code request_uri} served by the application, fetched by itsme) carrying the ID token claims
 * of {@code itsme.claims}, and itsme fetching the application's public keys from its JWK set URL rather than having
 * them inline.
 */
@ExtendWith(ArquillianExtension.class)
class ItsmeCookieStateIT {

    static final String APP = "itsme-cookie";
    /** One cookie per login in progress: {@code ITSME_LOGIN_<hash of the state>}. */
    static final String COOKIE = "ITSME_LOGIN_";

    static ItsmeSimulator itsme;

    @Deployment(testable = false)
    static WebArchive deployment() {
        itsme = ItsmeSimulator.builder().port(0).build().start();
        RelyingPartyKeys keys = RelyingPartyKeys.generate();
        ItsmeApps.registerWithJwksUri(itsme, APP);
        Map<String, String> config = ItsmeApps.config(APP, itsme.discoveryUri(), keys);
        config.put("itsme.login-state", "cookie");
        config.put("itsme.request-object", "reference");
        // claims asked in the ID token travel inside the request object (claims without a value: JSON null)
        config.put("itsme.claims", "name birthdate http://itsme.services/v2/claim/BENationalNumber");
        return ItsmeApps.war(APP, config);
    }

    @AfterAll
    static void stopItsme() {
        if (itsme != null) {
            itsme.close();
        }
    }

    @BeforeEach
    void resetItsme() {
        itsme.reset();
    }

    private final URI app = Server.base(APP);

    @Test
    void cookieStateAndRequestObjectByReference() {
        ItsmeUser user = new ItsmeUser(itsme);
        HttpResponse<String> toItsme = user.web().get(app.resolve("protected/whoami"));
        assertThat(toItsme.statusCode()).isEqualTo(302);
        // the login in progress travels in the cookie, scoped to the callback; the server keeps no session for it
        assertThat(toItsme.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith(COOKIE)
                .containsIgnoringCase("HttpOnly").contains("/" + APP + "/itsme/callback"));
        assertThat(toItsme.headers().allValues("Set-Cookie")).noneSatisfy(c -> assertThat(c).startsWith("JSESSIONID"));

        URI authorization = WebClient.location(toItsme);
        Map<String, String> query = WebClient.query(authorization);
        assertThat(query).doesNotContainKey("request");
        URI requestUri = URI.create(query.get("request_uri"));
        assertThat(requestUri.toString()).startsWith(app.resolve("itsme/request/").toString());

        // itsme fetches the request object (and the application's keys) while rendering its page
        WebClient.Trail page = user.web().follow(toItsme);
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        ItsmePage itsmePage = new ItsmePage(page.uri(), page.body());
        assertThat(itsmePage.text("service-code")).isEqualTo(ItsmeApps.LOGIN_CODE);
        // a request object is served once
        assertThat(new WebClient().get(requestUri).statusCode()).isEqualTo(404);

        WebClient.Trail back = user.approve(itsmePage, TestPersons.BELGIAN_EID_HOLDER);
        assertThat(back.status()).as(back.body()).isEqualTo(200);
        assertThat(back.uri()).isEqualTo(app.resolve("protected/whoami"));
        assertThat(report(back.body()))
                .containsEntry("caller", TestPersons.BELGIAN_EID_HOLDER.subFor(ItsmeApps.clientId(APP)))
                .containsEntry("itsme-principal", "true").containsEntry("role-user", "true")
                .containsEntry("role-strong-auth", "false") // a basic login: the mapper adds nothing
                // the claims of itsme.claims, asked through the request object, typed from the ID token
                .containsEntry("name", "Marie Lambert").containsEntry("birthdate", "1985-03-14")
                .containsEntry("national-number", "85031412401");
        assertThat(report(user.web().get(app.resolve("protected/whoami?userinfo")).body()))
                .containsEntry("ui-national-number", "85031412401");
        // the callback used up the cookie
        assertThat(user.web().cookies()).noneSatisfy(c -> assertThat(c.getName()).startsWith(COOKIE));
    }

    @Test
    void confirmWithARequestObjectByReference() {
        ItsmeUser user = new ItsmeUser(itsme);
        assertThat(user.logIn(app.resolve("protected/whoami"), TestPersons.BELGIAN_EID_HOLDER).landing().statusCode())
                .isEqualTo(200);

        ItsmePage page = user.openExpectingItsme(app.resolve("flow/confirm?text=Pay%20invoice%207"));
        assertThat(page.query()).containsKey("request_uri").doesNotContainKey("request");
        assertThat(page.text("approval-template")).isEqualTo("free_text");
        assertThat(page.text("approval-text")).isEqualTo("Pay invoice 7");
        WebClient.Trail confirmed = user.approve(page, TestPersons.BELGIAN_EID_HOLDER);
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        assertThat(confirmed.uri()).isEqualTo(app.resolve("protected/after-confirm"));
        assertThat(report(confirmed.body())).containsEntry("confirmed-template", "free_text")
                .containsEntry("confirmed-text", "Pay invoice 7").containsEntry("confirmed-echo-template", "free_text");
    }

    @Test
    void aCallbackWithoutTheCookieIsRefused() {
        ItsmeUser user = new ItsmeUser(itsme);
        ItsmePage page = user.openExpectingItsme(app.resolve("protected/whoami"));
        // the login is finished by another browser, one that did not start it
        user.web().clearCookies();
        WebClient.Trail back = user.approve(page, TestPersons.BELGIAN_EID_HOLDER);
        assertThat(back.status()).isEqualTo(401);
        assertThat(back.body()).contains("itsme login failed").doesNotContain("Exception");
    }

    @Test
    void aTamperedCookieIsRefused() {
        ItsmeUser user = new ItsmeUser(itsme);
        ItsmePage page = user.openExpectingItsme(app.resolve("protected/whoami"));
        HttpCookie cookie = user.web().cookies().stream().filter(c -> c.getName().startsWith(COOKIE)).findFirst()
                .orElseThrow();
        String value = cookie.getValue();
        char last = value.charAt(value.length() - 2);
        cookie.setValue(value.substring(0, value.length() - 2) + (last == 'A' ? 'B' : 'A')
                + value.charAt(value.length() - 1));
        WebClient.Trail back = user.approve(page, TestPersons.BELGIAN_EID_HOLDER);
        assertThat(back.status()).isEqualTo(401);
    }
}
