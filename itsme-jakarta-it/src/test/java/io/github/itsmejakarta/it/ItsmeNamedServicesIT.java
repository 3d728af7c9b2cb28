package io.github.itsmejakarta.it;

import static io.github.itsmejakarta.it.support.ItsmeUser.report;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.github.itsmejakarta.core.keys.RelyingPartyKeys;
import io.github.itsmejakarta.it.servicesapp.NamedFlowServlet;
import io.github.itsmejakarta.it.support.ItsmeApps;
import io.github.itsmejakarta.it.support.ItsmeUser;
import io.github.itsmejakarta.it.support.ItsmeUser.ItsmePage;
import io.github.itsmejakarta.it.support.Server;
import io.github.itsmejakarta.it.support.WebClient;
import io.github.itsmejakarta.testkit.Endpoint;
import io.github.itsmejakarta.testkit.ItsmeSimulator;
import io.github.itsmejakarta.testkit.ServiceType;
import io.github.itsmejakarta.testkit.SimulatedClient;
import io.github.itsmejakarta.testkit.TestPersons;

/**
 * Several services and clients in one application (issue 8): beside the top-level login, a named Identification
 * service {@code kyc} over the top-level client and a named login service {@code brand} with a client id and keys of
 * its own, whose public keys itsme fetches from {@code /itsme/jwks/brand}. Each flow is started through the mechanism,
 * goes to itsme with its service's client id and code, and completes at the one callback with that client: itsme's
 * {@code sub} is pairwise, so the caller's name says which client the ID token was issued to.
 */
@ExtendWith(ArquillianExtension.class)
class ItsmeNamedServicesIT {

    static final String APP = "itsme-services";
    static final String BRAND_CLIENT = "itsme-services-brand";
    static final String BRAND_CODE = "BRAND_LOGIN";

    static ItsmeSimulator itsme;

    @Deployment(testable = false)
    static WebArchive deployment() {
        itsme = ItsmeSimulator.builder().port(0).build().start();
        RelyingPartyKeys keys = RelyingPartyKeys.generate();
        RelyingPartyKeys brandKeys = RelyingPartyKeys.generate();
        ItsmeApps.register(itsme, APP, keys);
        // the brand's client at onboarding: its own jwks_uri, the application's per-service JWK set
        itsme.registerClient(SimulatedClient.builder(BRAND_CLIENT)
                .jwksUri(Server.base(APP).resolve("itsme/jwks/brand"))
                .redirectUri(ItsmeApps.callback(APP).toString()).service(BRAND_CODE, ServiceType.LOGIN).build());
        Map<String, String> config = ItsmeApps.config(APP, itsme.discoveryUri(), keys);
        config.put("itsme.services.kyc.flow", "identification");
        config.put("itsme.services.kyc.service-code", ItsmeApps.SHARE_CODE);
        config.put("itsme.services.kyc.scopes", "eid");
        config.put("itsme.services.kyc.claims", "http://itsme.services/v2/claim/BENationalNumber");
        config.put("itsme.services.brand.flow", "login");
        config.put("itsme.services.brand.service-code", BRAND_CODE);
        config.put("itsme.services.brand.client-id", BRAND_CLIENT);
        config.put("itsme.services.brand.private-jwks", brandKeys.privateJwkSetJson());
        config.put("itsme.services.brand.scopes", "profile");
        config.put("itsme.services.brand.claims", "name");
        return ItsmeApps.war(APP, config).addClass(NamedFlowServlet.class);
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
    void theBrandsLoginUsesTheBrandsClientAndItsKeys() {
        ItsmeUser user = new ItsmeUser(itsme);
        ItsmePage page = user.openExpectingItsme(app.resolve("named/login/brand"));
        assertThat(page.query()).containsEntry("client_id", BRAND_CLIENT)
                .containsEntry("redirect_uri", ItsmeApps.callback(APP).toString());
        assertThat(page.query().get("scope")).contains("service:" + BRAND_CODE).contains("profile");

        WebClient.Trail back = user.approve(page, TestPersons.BELGIAN_EID_HOLDER);
        assertThat(back.status()).as(back.body()).isEqualTo(200);
        assertThat(back.uri()).isEqualTo(app.resolve("protected/whoami?service=brand"));
        assertThat(report(back.body()))
                // pairwise sub: issued to the brand's client, not to the top-level one
                .containsEntry("caller", TestPersons.BELGIAN_EID_HOLDER.subFor(BRAND_CLIENT))
                .containsEntry("itsme-principal", "true").containsEntry("role-user", "true")
                .containsEntry("name", "Marie Lambert");
        // itsme verified the brand's client assertion with the keys it fetched from the brand's JWK set URL
        assertThat(itsme.recordedRequests(Endpoint.TOKEN)).singleElement();
        // userinfo is encrypted to the brand's keys; the brand's client decrypts it
        assertThat(report(user.web().get(app.resolve("protected/whoami?userinfo")).body()))
                .containsEntry("ui-name", "Marie Lambert").doesNotContainKey("ui-error");
    }

    @Test
    void theKycIdentificationUsesTheTopLevelClientWithItsOwnScopes() {
        ItsmeUser user = new ItsmeUser(itsme);
        ItsmePage page = user.openExpectingItsme(app.resolve("named/share/kyc"));
        assertThat(page.query()).containsEntry("client_id", ItsmeApps.clientId(APP));
        // the kyc's scopes replace the top level's (profile eid address)
        assertThat(page.query().get("scope")).contains("service:" + ItsmeApps.SHARE_CODE).contains("eid")
                .doesNotContain("address");
        assertThat(page.text("service-code")).isEqualTo(ItsmeApps.SHARE_CODE);

        WebClient.Trail back = user.approve(page, TestPersons.BELGIAN_EID_HOLDER);
        assertThat(back.status()).as(back.body()).isEqualTo(200);
        assertThat(back.uri()).isEqualTo(app.resolve("protected/whoami?service=kyc"));
        assertThat(report(back.body()))
                .containsEntry("caller", TestPersons.BELGIAN_EID_HOLDER.subFor(ItsmeApps.clientId(APP)))
                .containsEntry("national-number", "85031412401");
    }

    @Test
    void protectedResourcesStillUseTheTopLevelService() {
        ItsmeUser user = new ItsmeUser(itsme);
        ItsmePage page = user.openExpectingItsme(app.resolve("protected/whoami"));
        assertThat(page.query()).containsEntry("client_id", ItsmeApps.clientId(APP));
        assertThat(page.query().get("scope")).contains("service:" + ItsmeApps.LOGIN_CODE);
        WebClient.Trail back = user.approve(page, TestPersons.BELGIAN_EID_HOLDER);
        assertThat(back.status()).as(back.body()).isEqualTo(200);
        assertThat(report(back.body())).containsEntry("caller",
                TestPersons.BELGIAN_EID_HOLDER.subFor(ItsmeApps.clientId(APP)));
    }

    @Test
    void eachClientsPublicKeysAreServedUnderItsPath() {
        WebClient web = new WebClient();
        var top = web.get(app.resolve("itsme/jwks"));
        var brand = web.get(app.resolve("itsme/jwks/brand"));
        var unknown = web.get(app.resolve("itsme/jwks/nope"));
        assertThat(top.statusCode()).isEqualTo(200);
        assertThat(brand.statusCode()).isEqualTo(200);
        assertThat(brand.body()).isNotEqualTo(top.body()).contains("\"use\":\"sig\"").doesNotContain("\"d\"");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("ITSME-1741");
    }

    @Test
    void anUnknownServiceNameIsTheErrorPageAndNeverReachesItsme() {
        var response = new WebClient().get(app.resolve("named/share/nope"));
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).contains("ITSME-1741").doesNotContain("Exception");
        assertThat(itsme.recordedRequests(Endpoint.AUTHORIZATION)).isEmpty();
    }
}
