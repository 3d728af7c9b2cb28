package io.github.itsmejakarta.it;

import static io.github.itsmejakarta.it.support.ItsmeUser.report;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import io.github.itsmejakarta.core.keys.RelyingPartyKeys;
import io.github.itsmejakarta.it.support.ItsmeApps;
import io.github.itsmejakarta.it.support.ItsmeUser;
import io.github.itsmejakarta.it.support.ItsmeUser.ItsmePage;
import io.github.itsmejakarta.it.support.Server;
import io.github.itsmejakarta.it.support.WebClient;
import io.github.itsmejakarta.testkit.Endpoint;
import io.github.itsmejakarta.testkit.ItsmeSimulator;
import io.github.itsmejakarta.testkit.RecordedRequest;
import io.github.itsmejakarta.testkit.TestPerson;
import io.github.itsmejakarta.testkit.TestPersons;
import io.github.itsmejakarta.testkit.ItsmeLogin;

/**
 * The itsme login on a real server with the default settings (login state in the HTTP session, no request object
 * for Login and Share-data, a request object by value for Confirm): what the user sees (redirects, itsme's page,
 * the final page and its status) and what the application sees (the caller principal, roles, typed claims from the
 * ID token and from userinfo, confirmations), for the servlet and JAX-RS paths, share-data, confirm, denial, itsme's
 * errors, itsme's key rollover, the RP's JWK set, the return URL and logout. One deployment for the whole class.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ItsmeLoginIT {

    /** itsme's keys are refetched at most this often when an unknown kid shows up (core's ItsmeJwks). */
    static final Duration JWKS_REFETCH_INTERVAL = Duration.ofSeconds(30);

    static final String APP = "itsme-session";
    static final TestPerson MARIE = TestPersons.BELGIAN_EID_HOLDER;
    static final TestPerson SANNE = TestPersons.DUTCH_DOCUMENT_HOLDER;

    static ItsmeSimulator itsme;
    static RelyingPartyKeys keys;
    /** When the application last fetched itsme's JWK set (the simulator's record is cleared between tests). */
    static Instant lastJwksFetch = Instant.EPOCH;

    @Deployment(testable = false)
    static WebArchive deployment() {
        itsme = ItsmeSimulator.builder().port(0).build().start();
        keys = RelyingPartyKeys.generate();
        ItsmeApps.register(itsme, APP, keys);
        Map<String, String> config = ItsmeApps.config(APP, itsme.discoveryUri(), keys);
        // a machine-to-machine corner of the application: 401, never a redirect (detection stays on by default)
        config.put("itsme.api-paths", "/protected/machine");
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

    @AfterEach
    void rememberJwksFetches() {
        itsme.recordedRequests(Endpoint.JWKS).stream().map(RecordedRequest::receivedAt).max(Instant::compareTo)
                .filter(t -> t.isAfter(lastJwksFetch)).ifPresent(t -> lastJwksFetch = t);
    }

    private final URI app = Server.base(APP);

    @Test
    void servletLoginShowsTheCallerAndTypedClaims() {
        ItsmeUser user = new ItsmeUser(itsme);
        ItsmePage page = user.openExpectingItsme(app.resolve("protected/whoami"));

        // what itsme received: a code flow with PKCE, to the registered redirect URI
        Map<String, String> query = page.query();
        assertThat(query).containsEntry("client_id", ItsmeApps.clientId(APP)).containsEntry("response_type", "code")
                .containsEntry("code_challenge_method", "S256").containsEntry("redirect_uri",
                        ItsmeApps.callback(APP).toString())
                .containsKeys("state", "nonce", "code_challenge").doesNotContainKeys("request", "request_uri");
        assertThat(query.get("scope").split(" ")).contains("openid", "service:" + ItsmeApps.LOGIN_CODE);
        assertThat(page.text("service-code")).isEqualTo(ItsmeApps.LOGIN_CODE);
        assertThat(page.text("scopes").split(" ")).contains("profile", "eid", "address");

        WebClient.Trail back = user.approve(page, MARIE);
        assertThat(back.status()).as(back.body()).isEqualTo(200);
        assertThat(back.uri()).isEqualTo(app.resolve("protected/whoami"));
        Map<String, String> seen = report(back.body());
        String sub = MARIE.subFor(ItsmeApps.clientId(APP));
        assertThat(seen).containsEntry("caller", sub).containsEntry("request-user-principal", sub)
                .containsEntry("itsme-principal", "true").containsEntry("principal-type", "ItsmeCallerPrincipal")
                .containsEntry("authenticated", "true").containsEntry("sub", sub)
                .containsEntry("issuer", itsme.issuer()).containsEntry("acr", "BASIC")
                .containsEntry("role-user", "true").containsEntry("role-strong-auth", "false");
        // one token request with PKCE's verifier and a client assertion (private_key_jwt); no userinfo call yet
        List<RecordedRequest> tokenCalls = itsme.recordedRequests(Endpoint.TOKEN);
        assertThat(tokenCalls).hasSize(1);
        assertThat(tokenCalls.get(0).formParameter("code_verifier")).isPresent();
        assertThat(tokenCalls.get(0).formParameter("client_assertion_type"))
                .contains("urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
        assertThat(itsme.recordedRequests(Endpoint.USERINFO)).isEmpty();

        // the session holds the login: the next protected page needs no itsme; the scopes' claims come from
        // userinfo, typed, on the application's demand
        HttpResponse<String> again = user.web().get(app.resolve("protected/whoami?userinfo"));
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(report(again.body())).containsEntry("caller", sub).containsEntry("ui-name", "Marie Lambert")
                .containsEntry("ui-birthdate", "1985-03-14").containsEntry("ui-birthdate-year", "1985")
                .containsEntry("ui-national-number", "85031412401").containsEntry("ui-locality", "Bruxelles");
        assertThat(itsme.recordedRequests(Endpoint.AUTHORIZATION))
                .filteredOn(r -> r.method().equals("GET") && r.path().equals("/v2/authorization")).hasSize(1);
        assertThat(itsme.recordedRequests(Endpoint.USERINFO)).hasSize(1);
    }

    @Test
    void jaxRsLoginAndRolesFromDefaultGroupsAndTheGroupsMapper() {
        // a basic login: default group "user" only, the application's mapper adds nothing
        ItsmeUser sanne = new ItsmeUser(itsme);
        ItsmeLogin.Session back = sanne.logIn(app.resolve("api/whoami?userinfo"), SANNE);
        assertThat(back.landing().statusCode()).as(back.landing().body()).isEqualTo(200);
        assertThat(back.landing().uri()).as("requests %s", back.requests())
                .isEqualTo(app.resolve("api/whoami?userinfo"));
        assertThat(report(back.landing().body())).containsEntry("rest", "true").containsEntry("rest-role-user", "true")
                .containsEntry("caller", SANNE.subFor(ItsmeApps.clientId(APP)))
                .containsEntry("itsme-principal", "true").containsEntry("ui-national-number", "-")
                .containsEntry("ui-name", "van den Berg");
        assertThat(sanne.web().get(app.resolve("api/whoami/strong")).statusCode()).isEqualTo(403);
        assertThat(sanne.web().get(app.resolve("strong-only")).statusCode()).isEqualTo(403);

        // an advanced login (PIN forced): the mapper puts Marie in the application's group "strong-auth"
        ItsmeUser marie = new ItsmeUser(itsme);
        ItsmePage page = marie.openExpectingItsme(app.resolve("flow/advanced"));
        assertThat(page.query().get("acr_values")).isEqualTo("http://itsme.services/v2/claim/acr_advanced");
        WebClient.Trail advanced = marie.approve(page, MARIE);
        assertThat(advanced.status()).as(advanced.body()).isEqualTo(200);
        assertThat(report(advanced.body())).containsEntry("acr", "ADVANCED").containsEntry("role-strong-auth", "true");
        HttpResponse<String> strong = marie.web().get(app.resolve("api/whoami/strong"));
        assertThat(strong.statusCode()).as(strong.body()).isEqualTo(200);
        assertThat(strong.body()).isEqualTo("rest strong-only for " + MARIE.subFor(ItsmeApps.clientId(APP)) + "\n");
        HttpResponse<String> strongPage = marie.web().get(app.resolve("strong-only"));
        assertThat(strongPage.statusCode()).as("%s %s", strongPage.headers().map(), marie.web().cookies())
                .isEqualTo(200);
    }

    /**
     * A JAX-RS resource protected by {@code @RolesAllowed} alone, with no server switch: anonymous to itsme, with the
     * role 200, without it 403, {@code @DenyAll} 403 to everyone, {@code @PermitAll} open. (WildFly's RESTEasy alone
     * answered the anonymous caller 200.)
     */
    @Test
    void rolesAllowedAloneProtectsAResource() {
        WebClient anonymous = new WebClient();
        HttpResponse<String> open = anonymous.get(app.resolve("api/open"));
        assertThat(open.statusCode()).as(open.body()).isEqualTo(200);
        assertThat(open.body()).isEqualTo("open; caller=-\n");
        assertThat(anonymous.get(app.resolve("api/roles/closed")).statusCode()).isEqualTo(403);

        ItsmeUser sanne = new ItsmeUser(itsme);
        ItsmeLogin.Session back = sanne.logIn(app.resolve("api/roles"), SANNE);
        assertThat(back.landing().statusCode()).as(back.landing().body()).isEqualTo(200);
        assertThat(back.landing().uri()).isEqualTo(app.resolve("api/roles"));
        assertThat(back.requests().get(1)).as("anonymous: sent to itsme").startsWith("GET " + itsme.issuer()
                + "/authorization");
        assertThat(back.landing().body()).isEqualTo("roles-only for " + SANNE.subFor(ItsmeApps.clientId(APP)) + "\n");
        // logged in, but without the role: 403, not a new login
        HttpResponse<String> strong = sanne.web().get(app.resolve("api/roles/strong"));
        assertThat(strong.statusCode()).as(strong.body()).isEqualTo(403);
        assertThat(sanne.web().get(app.resolve("api/roles/closed")).statusCode()).isEqualTo(403);
        assertThat(sanne.web().get(app.resolve("api/open")).body())
                .isEqualTo("open; caller=" + SANNE.subFor(ItsmeApps.clientId(APP)) + "\n");
    }

    /**
     * A request that cannot follow a redirect to itsme's page (XMLHttpRequest, fetch(), Accept naming JSON only, a
     * configured API path) gets 401 with WWW-Authenticate, on a servlet and on a JAX-RS resource; a browser's
     * navigation to the same pages still goes to itsme, and once logged in the same API calls get their data.
     */
    @Test
    void apiClientsGet401InsteadOfARedirect() {
        WebClient client = new WebClient();
        List<Map<String, String>> apiCalls = List.of(Map.of("X-Requested-With", "XMLHttpRequest"),
                Map.of("Sec-Fetch-Mode", "cors", "Sec-Fetch-Dest", "empty", "Accept", "*/*"),
                Map.of("Accept", "application/json"));
        for (String path : List.of("protected/whoami", "api/roles")) {
            for (Map<String, String> headers : apiCalls) {
                HttpResponse<String> challenged = client.get(app.resolve(path), headers);
                assertThat(challenged.statusCode()).as("%s with %s: %s %s", path, headers, challenged.headers().map(),
                        challenged.body()).isEqualTo(401);
                assertThat(challenged.headers().firstValue("WWW-Authenticate")).as("%s with %s", path, headers)
                        .hasValue("itsme realm=\"/" + APP + "\"");
                assertThat(challenged.headers().firstValue("Location")).isEmpty();
            }
        }
        HttpResponse<String> machine = client.get(app.resolve("protected/machine/status"));
        assertThat(machine.statusCode()).as(machine.body()).isEqualTo(401);
        assertThat(machine.headers().firstValue("WWW-Authenticate")).isPresent();
        assertThat(machine.body()).contains("login_required").doesNotContain("Exception");

        // the twin: a browser's navigation to the same pages is sent to itsme
        Map<String, String> navigation = Map.of("Sec-Fetch-Mode", "navigate", "Accept",
                "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        for (String path : List.of("protected/whoami", "api/roles")) {
            HttpResponse<String> toItsme = client.get(app.resolve(path), navigation);
            assertThat(toItsme.statusCode()).as("%s: %s", path, toItsme.body()).isEqualTo(302);
            assertThat(WebClient.location(toItsme).toString()).startsWith(itsme.issuer() + "/authorization");
        }

        // logged in, the same API calls get their data
        ItsmeUser marie = new ItsmeUser(itsme);
        assertThat(marie.logIn(app.resolve("protected/whoami"), MARIE).landing().statusCode()).isEqualTo(200);
        for (Map<String, String> headers : apiCalls) {
            assertThat(marie.web().get(app.resolve("api/roles"), headers).statusCode()).as("%s", headers)
                    .isEqualTo(200);
        }
    }

    @Test
    void shareDataWithClaimsAskedAtRunTime() {
        ItsmeUser user = new ItsmeUser(itsme);
        String nationalNumber = "http://itsme.services/v2/claim/BENationalNumber";
        ItsmePage page = user.openExpectingItsme(
                app.resolve("flow/share?claims=name,birthdate,email,phone_number," + nationalNumber));
        assertThat(page.text("service-code")).isEqualTo(ItsmeApps.SHARE_CODE);
        assertThat(page.text("claims")).contains("name", "birthdate", "email", "phone_number", nationalNumber);
        assertThat(page.query().get("claims")).contains("\"id_token\"", "\"email\"", nationalNumber);

        WebClient.Trail back = user.approve(page, MARIE);
        assertThat(back.status()).as(back.body()).isEqualTo(200);
        assertThat(back.uri()).isEqualTo(app.resolve("protected/after-share"));
        // the claims asked at run time arrive in the ID token, typed by ItsmeContext; no userinfo call needed
        assertThat(report(back.body())).containsEntry("email", "marie.lambert@example.be")
                .containsEntry("name", "Marie Lambert").containsEntry("birthdate", "1985-03-14")
                .containsEntry("birthdate-year", "1985").containsEntry("national-number", "85031412401")
                .containsEntry("caller", MARIE.subFor(ItsmeApps.clientId(APP)));
        assertThat(report(back.body()).get("claim-names")).contains("phone_number");
        assertThat(itsme.recordedRequests(Endpoint.USERINFO)).isEmpty();
    }

    @Test
    void confirmAFreeTextThenAPayment() {
        ItsmeUser user = new ItsmeUser(itsme);
        assertThat(user.logIn(app.resolve("protected/whoami"), MARIE).landing().statusCode()).isEqualTo(200);

        ItsmePage text = user.openExpectingItsme(app.resolve("flow/confirm?text=Sign%20contract%2042"));
        assertThat(text.text("service-code")).isEqualTo(ItsmeApps.CONFIRM_CODE);
        assertThat(text.text("approval-template")).isEqualTo("free_text");
        assertThat(text.text("approval-text")).isEqualTo("Sign contract 42");
        // Confirm needs a request object: by value, signed then encrypted to itsme (5 JWE parts)
        assertThat(text.query().get("request").split("\\.", -1)).hasSize(5);
        assertThat(text.query()).doesNotContainKey("request_uri");
        WebClient.Trail confirmed = user.approve(text, MARIE);
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        assertThat(confirmed.uri()).isEqualTo(app.resolve("protected/after-confirm"));
        assertThat(report(confirmed.body())).containsEntry("confirmed-template", "free_text")
                .containsEntry("confirmed-text", "Sign contract 42")
                .containsEntry("confirmed-echo-template", "free_text")
                .containsEntry("caller", MARIE.subFor(ItsmeApps.clientId(APP)));

        ItsmePage payment = user.openExpectingItsme(app.resolve("flow/pay?amount=125&iban=BE71096123456769"));
        assertThat(payment.text("approval-template")).isEqualTo("adv_payment");
        assertThat(payment.text("approval-amount")).isEqualTo("125");
        assertThat(payment.text("approval-currency")).isEqualTo("EUR");
        assertThat(payment.text("approval-iban")).isEqualTo("BE71096123456769");
        WebClient.Trail paid = user.approve(payment, MARIE);
        assertThat(paid.status()).as(paid.body()).isEqualTo(200);
        assertThat(report(paid.body())).containsEntry("confirmed-template", "adv_payment")
                .containsEntry("confirmed-amount", "125").containsEntry("confirmed-iban", "BE71096123456769")
                .containsEntry("confirmed-echo-template", "adv_payment");
    }

    @Test
    void theUserDenies() {
        ItsmeUser user = new ItsmeUser(itsme);
        WebClient.Trail denied = user.deny(user.openExpectingItsme(app.resolve("protected/whoami")));
        assertThat(denied.status()).isEqualTo(401);
        assertThat(denied.uri().getPath()).isEqualTo("/" + APP + "/itsme/callback");
        assertThat(denied.body()).contains("itsme login failed").doesNotContain("Exception", "at io.github");
        assertThat(WebClient.query(denied.uri())).containsEntry("error", "access_denied");

        // not logged in: the public page knows no caller, the protected one sends the user to itsme again
        assertThat(user.web().get(app.resolve("public")).body()).isEqualTo("public page; caller=-\n");
        user.openExpectingItsme(app.resolve("protected/whoami"));
    }

    @Test
    void itsmeAnswersAnError() {
        ItsmeUser user = new ItsmeUser(itsme);
        itsme.hooks().failNextAuthorization("temporary_unavailable", "maintenance");
        WebClient.Trail unavailable = user.browse(app.resolve("protected/whoami"));
        assertThat(unavailable.status()).as(unavailable.body()).isEqualTo(503);
        assertThat(unavailable.last().headers().firstValue("Retry-After")).isPresent();
        assertThat(unavailable.body()).contains("itsme is unavailable").doesNotContain("Exception");

        itsme.hooks().failNextToken(400, "invalid_grant", "code already used");
        assertThatThrownBy(() -> user.logIn(app.resolve("protected/whoami"), MARIE))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("HTTP 401")
                .hasMessageContaining("itsme login failed").hasMessageNotContaining("Exception");

        // the twin: the next attempt, with itsme well again, succeeds
        ItsmeLogin.Session ok = user.logIn(app.resolve("protected/whoami"), MARIE);
        assertThat(ok.landing().statusCode()).as(ok.landing().body()).isEqualTo(200);
    }

    /**
     * Last in the class: afterwards the simulator signs with a key the earlier tests' expectations do not need, and
     * the application may fetch itsme's keys only once per {@link #JWKS_REFETCH_INTERVAL}, so the test first lets
     * that interval pass since the application's last fetch (usually already over by the time it runs).
     */
    @Test
    @Order(Integer.MAX_VALUE)
    void itsmeRotatesItsSigningKeyWhileTheApplicationRuns() throws InterruptedException {
        assertThat(ItsmeLogin.as(MARIE).timeout(WebClient.TIMEOUT).open(app.resolve("protected/whoami")).landing()
                .statusCode()).isEqualTo(200);
        rememberJwksFetches();
        Duration wait = Duration.between(Instant.now(), lastJwksFetch.plus(JWKS_REFETCH_INTERVAL).plusSeconds(2));
        if (!wait.isNegative()) {
            Thread.sleep(wait.toMillis());
        }
        int jwksFetches = itsme.recordedRequests(Endpoint.JWKS).size();

        String newKid = itsme.hooks().rotateSigningKey(false); // the old key is gone from itsme's JWK set
        assertThat(newKid).isNotBlank();
        ItsmeLogin.Session afterRotation = ItsmeLogin.as(SANNE).timeout(WebClient.TIMEOUT)
                .open(app.resolve("protected/whoami"));
        assertThat(afterRotation.landing().statusCode()).as(afterRotation.landing().body()).isEqualTo(200);
        assertThat(report(afterRotation.landing().body())).containsEntry("caller",
                SANNE.subFor(ItsmeApps.clientId(APP)));
        // the application met an unknown kid and fetched itsme's keys again
        assertThat(itsme.recordedRequests(Endpoint.JWKS).size()).isGreaterThan(jwksFetches);
    }

    @Test
    void theRelyingPartyPublishesItsPublicKeys() {
        HttpResponse<String> jwks = new WebClient().get(app.resolve("itsme/jwks"));
        assertThat(jwks.statusCode()).isEqualTo(200);
        assertThat(jwks.headers().firstValue("Content-Type").orElseThrow()).contains("json");
        assertThat(jwks.headers().firstValue("Cache-Control").orElseThrow()).contains("max-age=");
        assertThat(jwks.body()).isEqualToIgnoringWhitespace(keys.publicJwkSetJson());
        assertThat(jwks.body()).doesNotContain("\"d\"", "\"p\"", "\"q\"", "\"dp\"");
    }

    @Test
    void theUserReturnsToTheOriginalUrl() {
        URI deep = app.resolve("protected/deep/page?x=1&y=two%20words");
        ItsmeLogin.Session back = ItsmeLogin.as(MARIE).timeout(WebClient.TIMEOUT).open(deep);
        assertThat(back.landing().statusCode()).isEqualTo(200);
        assertThat(back.landing().uri()).isEqualTo(deep);
        assertThat(report(back.landing().body())).containsEntry("page",
                "/" + APP + "/protected/deep/page?x=1&y=two%20words");
    }

    @Test
    void logoutEndsTheLogin() {
        ItsmeUser user = new ItsmeUser(itsme);
        assertThat(user.logIn(app.resolve("protected/whoami"), MARIE).landing().statusCode()).isEqualTo(200);
        assertThat(user.web().get(app.resolve("protected/whoami")).statusCode()).isEqualTo(200);

        HttpResponse<String> out = user.web().postForm(app.resolve("logout"), Map.of());
        assertThat(out.statusCode()).isEqualTo(200);
        assertThat(user.web().get(app.resolve("public")).body()).isEqualTo("public page; caller=-\n");
        user.openExpectingItsme(app.resolve("protected/whoami"));
    }
}
