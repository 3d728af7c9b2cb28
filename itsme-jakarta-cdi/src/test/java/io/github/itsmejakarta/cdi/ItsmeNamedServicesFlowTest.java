package io.github.itsmejakarta.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.itsmejakarta.cdi.Browser.Exchange;
import io.github.itsmejakarta.cdi.ItsmeConfigKeys.ServiceKeys;
import io.github.itsmejakarta.core.Approval;
import io.github.itsmejakarta.core.keys.RelyingPartyKeys;
import io.github.itsmejakarta.testkit.Endpoint;
import io.github.itsmejakarta.testkit.ServiceType;
import io.github.itsmejakarta.testkit.SimulatedClient;
import io.github.itsmejakarta.testkit.TestPersons;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.servlet.http.Cookie;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Named services through the mechanism against the real simulator: a second client id with keys of its own (the
 * "brand"), an Identification service over the top-level client ("kyc"); each flow goes to itsme with its service's
 * client id and code and completes at the one callback with that client (the pairwise {@code sub} itsme gives per
 * client, the ID token's audience, userinfo decrypted with that client's keys), in session and in cookie mode.
 */
class ItsmeNamedServicesFlowTest extends SimulatorTest {
    static final String BRAND_CLIENT = "rp-brand";
    static final RelyingPartyKeys BRAND_KEYS = RelyingPartyKeys.generate();

    @BeforeEach
    void registerTheBrandsClient() {
        fx.sim.registerClient(SimulatedClient.builder(BRAND_CLIENT).publicJwks(BRAND_KEYS.publicJwkSetJson())
                .redirectUri(SimulatorFixture.CALLBACK).service("BRAND_LOGIN", ServiceType.LOGIN)
                .service("BRAND_SHARE", ServiceType.SHARE_DATA).build());
    }

    /** The top level of the fixture plus the brand's login service and the kyc Identification service. */
    static Map<String, String> services(String... more) {
        Map<String, String> c = new HashMap<>();
        c.put(ServiceKeys.key("brand", ServiceKeys.FLOW), "authentication");
        c.put(ServiceKeys.key("brand", ServiceKeys.SERVICE_CODE), "BRAND_LOGIN");
        c.put(ServiceKeys.key("brand", ServiceKeys.CLIENT_ID), BRAND_CLIENT);
        c.put(ServiceKeys.key("brand", ServiceKeys.PRIVATE_JWKS), BRAND_KEYS.privateJwkSetJson());
        c.put(ServiceKeys.key("brand", ServiceKeys.SCOPES), "profile");
        c.put(ServiceKeys.key("kyc", ServiceKeys.FLOW), "identification");
        c.put(ServiceKeys.key("kyc", ServiceKeys.CLAIMS), "birthdate");
        for (int i = 0; i < more.length; i += 2) {
            c.put(more[i], more[i + 1]);
        }
        return c;
    }

    private Exchange startWithContext(ItsmeAuthenticationMechanism mechanism, Browser browser, String url,
            ItsmeAuthenticationParameters parameters) throws Exception {
        Exchange page = browser.exchange("GET", url, false, null);
        assertThat(fx.context(page.request, mechanism).start(page.request, page.response, parameters))
                .isEqualTo(AuthenticationStatus.SEND_CONTINUE);
        return page;
    }

    private ItsmeContext contextAfter(ItsmeAuthenticationMechanism mechanism, Browser browser) {
        return fx.context(browser.exchange("GET", SimulatorFixture.ORIGIN + "/app/x", false, null).request,
                mechanism);
    }

    @Test
    void aNamedServiceWithItsOwnClientLogsInWithItsClientIdKeysAndCode() throws Exception {
        ItsmeAuthenticationMechanism mechanism = fx.mechanism(services());
        Browser browser = new Browser("/app");
        Exchange start = startWithContext(mechanism, browser, SimulatorFixture.ORIGIN + "/app/brand",
                ItsmeAuthenticationParameters.login().service("brand"));
        assertThat(start.httpStatus).isEqualTo(302);
        assertThat(param(start.redirect, "client_id")).isEqualTo(BRAND_CLIENT);
        assertThat(param(start.redirect, "scope")).contains("service:BRAND_LOGIN").contains("profile");
        assertThat(param(start.redirect, "redirect_uri")).isEqualTo(SimulatorFixture.CALLBACK);

        Exchange callback = browser.get(mechanism, fx.visitItsme(start.redirect), false);
        assertThat(callback.httpStatus).as(callback.body()).isEqualTo(302);
        assertThat(callback.redirect).isEqualTo("/app/brand");
        // itsme's sub is pairwise: the brand's client id gave this one
        assertThat(callback.notifiedCaller.getName())
                .isEqualTo(TestPersons.BELGIAN_EID_HOLDER.subFor(BRAND_CLIENT))
                .isNotEqualTo(TestPersons.BELGIAN_EID_HOLDER.subFor(SimulatorFixture.CLIENT_ID));
        // the token call authenticated as the brand (its client assertion, signed with the brand's key)
        assertThat(fx.sim.recordedRequests(Endpoint.TOKEN)).singleElement()
                .satisfies(r -> assertThat(r.formParameter("client_assertion")).isPresent());
        ItsmeContext context = contextAfter(mechanism, browser);
        assertThat(context.identity()).hasValueSatisfying(i -> assertThat(i.audience()).contains(BRAND_CLIENT));
        // userinfo is encrypted to the brand's keys: the brand's client reads it
        assertThat(context.userInfo()).hasValueSatisfying(
                u -> assertThat(u.sub()).isEqualTo(TestPersons.BELGIAN_EID_HOLDER.subFor(BRAND_CLIENT)));
    }

    @Test
    void withNamedServicesTheTopLevelServiceStillProtectsResources() {
        ItsmeAuthenticationMechanism mechanism = fx.mechanism(services());
        Browser browser = new Browser("/app");
        Exchange first = browser.get(mechanism, SimulatorFixture.ORIGIN + "/app/orders", true);
        assertThat(param(first.redirect, "client_id")).isEqualTo(SimulatorFixture.CLIENT_ID);
        assertThat(param(first.redirect, "scope")).contains("service:LOGIN_CODE");
        Exchange callback = browser.get(mechanism, fx.visitItsme(first.redirect), false);
        assertThat(callback.notifiedCaller.getName())
                .isEqualTo(TestPersons.BELGIAN_EID_HOLDER.subFor(SimulatorFixture.CLIENT_ID));
    }

    @Test
    void theLoginServiceProtectsResources() {
        ItsmeAuthenticationMechanism mechanism = fx.mechanism(services(ItsmeConfigKeys.LOGIN_SERVICE, "brand"));
        Browser browser = new Browser("/app");
        Exchange first = browser.get(mechanism, SimulatorFixture.ORIGIN + "/app/orders", true);
        assertThat(param(first.redirect, "client_id")).isEqualTo(BRAND_CLIENT);
        assertThat(param(first.redirect, "scope")).contains("service:BRAND_LOGIN");
        Exchange callback = browser.get(mechanism, fx.visitItsme(first.redirect), false);
        assertThat(callback.redirect).isEqualTo("/app/orders");
        assertThat(callback.notifiedCaller.getName()).isEqualTo(TestPersons.BELGIAN_EID_HOLDER.subFor(BRAND_CLIENT));
    }

    @Test
    void aNamedIdentificationServiceUsesTheTopLevelClientWithItsOwnClaims() throws Exception {
        ItsmeAuthenticationMechanism mechanism = fx.mechanism(services());
        Browser browser = new Browser("/app");
        // SecurityContext.authenticate carries the parameters to the mechanism
        Exchange first = browser.send(mechanism, "GET", SimulatorFixture.ORIGIN + "/app/kyc", false,
                ItsmeAuthenticationParameters.shareData().service("kyc"));
        assertThat(param(first.redirect, "client_id")).isEqualTo(SimulatorFixture.CLIENT_ID);
        // the service code falls back to itsme.share-data-service-code, the claims are the service's
        assertThat(param(first.redirect, "scope")).contains("service:SHARE_CODE");
        assertThat(param(first.redirect, "claims")).contains("birthdate");
        Exchange callback = browser.get(mechanism, fx.visitItsme(first.redirect), false);
        assertThat(callback.redirect).isEqualTo("/app/kyc");
        assertThat(contextAfter(mechanism, browser).claims().flatMap(c -> c.birthdate())).isPresent();
    }

    @Test
    void anUnknownServiceNameIsAnApplicationErrorWithItsId() throws Exception {
        ItsmeAuthenticationMechanism mechanism = fx.mechanism(services());
        Exchange page = startWithContext(mechanism, new Browser("/app"), SimulatorFixture.ORIGIN + "/app/x",
                ItsmeAuthenticationParameters.login().service("brnad"));
        assertThat(page.httpStatus).isEqualTo(500);
        assertThat(page.body()).contains("ITSME-1741").contains("brnad").contains("brand, kyc");
        assertThat(page.redirect).isNull();
        assertThat(fx.sim.recordedRequests(Endpoint.AUTHORIZATION)).isEmpty();
    }

    @Test
    void aFlowOfAnotherTypeThanTheNamedServicesIsNotStarted() throws Exception {
        ItsmeAuthenticationMechanism mechanism = fx.mechanism(services());
        Exchange page = startWithContext(mechanism, new Browser("/app"), SimulatorFixture.ORIGIN + "/app/x",
                ItsmeAuthenticationParameters.confirm(Approval.freeText("x")).service("kyc"));
        assertThat(page.httpStatus).isEqualTo(500);
        assertThat(page.body()).contains("ITSME-1743").contains("confirm").contains("share-data");
        assertThat(page.redirect).isNull();
    }

    @Test
    void inCookieModeTheCookieRemembersTheServiceAndStaysSmall() throws Exception {
        ItsmeAuthenticationMechanism mechanism = fx.mechanism(services(ItsmeConfigKeys.LOGIN_STATE, "cookie"));
        Browser browser = new Browser("/app");
        Exchange start = startWithContext(mechanism, browser, SimulatorFixture.ORIGIN + "/app/brand",
                ItsmeAuthenticationParameters.login().service("brand"));
        Cookie cookie = start.cookie("ITSME_LOGIN_");
        assertThat(cookie).isNotNull();
        assertThat(cookie.getName().length() + cookie.getValue().length()).isLessThan(4096);
        assertThat(browser.session).isNull(); // nothing on the server until the callback

        Exchange callback = browser.get(mechanism, fx.visitItsme(start.redirect), false);
        assertThat(callback.httpStatus).as(callback.body()).isEqualTo(302);
        assertThat(callback.notifiedCaller.getName()).isEqualTo(TestPersons.BELGIAN_EID_HOLDER.subFor(BRAND_CLIENT));
    }

    @Test
    void aLoginStartedForAServiceTheNextDeploymentLacksIsRefusedAtTheCallback() throws Exception {
        // cookie mode: the login survives a redeployment, whose settings no longer name the brand
        ItsmeAuthenticationMechanism before = fx.mechanism(services(ItsmeConfigKeys.LOGIN_STATE, "cookie"));
        ItsmeAuthenticationMechanism after = fx.mechanism(Map.of(ItsmeConfigKeys.LOGIN_STATE, "cookie"));
        Browser browser = new Browser("/app");
        Exchange start = startWithContext(before, browser, SimulatorFixture.ORIGIN + "/app/brand",
                ItsmeAuthenticationParameters.login().service("brand"));
        Exchange callback = browser.get(after, fx.visitItsme(start.redirect), false);
        assertThat(callback.httpStatus).isEqualTo(401);
        assertThat(callback.body()).contains("ITSME-1746").contains("brand");
        assertThat(callback.notifiedCaller).isNull();
        assertThat(fx.sim.recordedRequests(Endpoint.TOKEN)).isEmpty();
        // the twin: a top-level login started before completes after
        Browser other = new Browser("/app");
        Exchange topLevel = other.get(before, SimulatorFixture.ORIGIN + "/app/orders", true);
        assertThat(other.get(after, fx.visitItsme(topLevel.redirect), false).notifiedCaller).isNotNull();
    }

    @Test
    void eachServicesClientPublishesItsKeysUnderItsName() {
        ItsmeAuthenticationMechanism mechanism = fx.mechanism(services());
        Exchange top = new Browser("/app").get(mechanism, SimulatorFixture.ORIGIN + "/app/itsme/jwks", false);
        Exchange brand = new Browser("/app").get(mechanism, SimulatorFixture.ORIGIN + "/app/itsme/jwks/brand",
                false);
        Exchange kyc = new Browser("/app").get(mechanism, SimulatorFixture.ORIGIN + "/app/itsme/jwks/kyc", false);
        Exchange none = new Browser("/app").get(mechanism, SimulatorFixture.ORIGIN + "/app/itsme/jwks/nope", false);
        assertThat(top.body()).isEqualTo(fx.keys.publicJwkSetJson());
        assertThat(brand.httpStatus).isEqualTo(200);
        assertThat(brand.headers).containsEntry("Content-Type", "application/jwk-set+json");
        assertThat(brand.body()).isEqualTo(BRAND_KEYS.publicJwkSetJson()).doesNotContain("\"d\"");
        // a service over the top-level client publishes the top-level keys
        assertThat(kyc.body()).isEqualTo(fx.keys.publicJwkSetJson());
        assertThat(none.httpStatus).isEqualTo(404);
        assertThat(none.body()).contains("ITSME-1741").doesNotContain("brand");
    }

    @Test
    void itsmeFetchesTheBrandsKeysFromTheBrandsJwksUrl() throws Exception {
        try (MechanismHttpBridge bridge = new MechanismHttpBridge()) {
            // the brand's client registered with a jwks_uri, as at onboarding: <jwks-path>/<service name>
            fx.sim.registerClient(SimulatedClient.builder("rp-brand-fetched")
                    .jwksUri(URI.create(bridge.origin() + "/app/itsme/jwks/brand"))
                    .redirectUri(bridge.origin() + "/app/itsme/callback").service("BRAND_LOGIN", ServiceType.LOGIN)
                    .build());
            ItsmeAuthenticationMechanism mechanism = fx.mechanism(services(ServiceKeys.key("brand",
                    ServiceKeys.CLIENT_ID), "rp-brand-fetched"));
            bridge.mechanism = mechanism;
            Browser browser = new Browser("/app");
            Exchange start = startWithContext(mechanism, browser, bridge.origin() + "/app/brand",
                    ItsmeAuthenticationParameters.login().service("brand"));
            Exchange callback = browser.get(mechanism, fx.visitItsme(start.redirect), false);
            assertThat(callback.httpStatus).as(callback.body()).isEqualTo(302);
            assertThat(callback.notifiedCaller.getName())
                    .isEqualTo(TestPersons.BELGIAN_EID_HOLDER.subFor("rp-brand-fetched"));
            assertThat(bridge.paths).contains("/app/itsme/jwks/brand").doesNotContain("/app/itsme/jwks");
        }
    }
}
