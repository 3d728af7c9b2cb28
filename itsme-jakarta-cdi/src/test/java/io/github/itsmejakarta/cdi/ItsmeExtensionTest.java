package io.github.itsmejakarta.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.itsmejakarta.cdi.internal.ItsmeSettings;
import io.github.itsmejakarta.cdi.internal.LoginStateMode;
import io.github.itsmejakarta.core.Acr;
import io.github.itsmejakarta.core.ItsmeEnvironment;
import io.github.itsmejakarta.core.RequestObjectMode;
import io.github.itsmejakarta.core.Scope;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.assertj.core.api.SoftAssertions;
import org.jboss.weld.environment.se.WeldContainer;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The extension's wiring and config precedence in Weld SE; validation has its own test class. */
class ItsmeExtensionTest {
    @BeforeEach
    @AfterEach
    void clearConfig() {
        TestConfigSource.clear();
    }

    /** With weld-junit5: an application carrying the definition gets the three beans, injectable by their types. */
    @Nested
    @EnableWeld
    class Wiring {
        @WeldSetup
        WeldInitiator weld = WeldInitiator
                .from(WeldBoot.weld(Definitions.Minimal.class, Definitions.Unrelated.class)).build();

        @Inject
        HttpAuthenticationMechanism mechanism;
        @Inject
        IdentityStore identityStore;
        @Inject
        ItsmeContext context;
        @Inject
        BeanManager beanManager;

        @Test
        void registersMechanismIdentityStoreAndContext() {
            assertThat(beanManager.getBeans(HttpAuthenticationMechanism.class)).singleElement()
                    .satisfies(b -> assertThat(b.getBeanClass()).isEqualTo(ItsmeAuthenticationMechanism.class));
            assertThat(beanManager.getBeans(IdentityStore.class)).singleElement()
                    .satisfies(b -> assertThat(b.getBeanClass()).isEqualTo(ItsmeIdentityStore.class));
            assertThat(beanManager.getBeans(ItsmeContext.class)).hasSize(1);
            assertThat(mechanism).isNotNull();
            assertThat(identityStore.validationTypes()).contains(IdentityStore.ValidationType.VALIDATE);
            assertThat(context).isNotNull();
        }

        @Test
        void theMechanismBeanWorksThroughItsProxy() {
            Browser.Exchange e = new Browser("/app").get((ItsmeAuthenticationMechanism) mechanism,
                    "http://127.0.0.1:8080/app/itsme/jwks", false);
            assertThat(e.httpStatus).isEqualTo(200);
            assertThat(e.body()).contains("\"use\":\"enc\"");
        }
    }

    @Test
    void theExtensionIsRegisteredAsAService() {
        assertThat(java.util.ServiceLoader.load(jakarta.enterprise.inject.spi.Extension.class).stream()
                .map(java.util.ServiceLoader.Provider::type)).contains(ItsmeExtension.class);
    }

    @Test
    void anApplicationWithoutTheDefinitionIsUntouched() {
        try (WeldContainer container = WeldBoot.start(Definitions.Unrelated.class)) {
            BeanManager bm = container.getBeanManager();
            assertThat(bm.getBeans(HttpAuthenticationMechanism.class)).isEmpty();
            assertThat(bm.getBeans(IdentityStore.class)).isEmpty();
            assertThat(bm.getBeans(ItsmeContext.class)).isEmpty();
            assertThat(container.select(ItsmeExtension.class).get().isEnabled()).isFalse();
        }
    }

    @Test
    void defaultsApplyWhenNeitherConfigNorAnnotationSetsAKey() {
        ItsmeSettings s = settings(Definitions.Minimal.class);
        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(s.environment()).as(ItsmeConfigKeys.ENVIRONMENT).isEqualTo(ItsmeEnvironment.E2E);
        soft.assertThat(s.discoveryUri()).as(ItsmeConfigKeys.DISCOVERY_URI)
                .isEqualTo(ItsmeEnvironment.E2E.discoveryUri());
        soft.assertThat(s.shareDataServiceCode()).as(ItsmeConfigKeys.SHARE_DATA_SERVICE_CODE).isNull();
        soft.assertThat(s.confirmServiceCode()).as(ItsmeConfigKeys.CONFIRM_SERVICE_CODE).isNull();
        soft.assertThat(s.redirectUri()).as(ItsmeConfigKeys.REDIRECT_URI).isNull();
        soft.assertThat(s.scopes()).as(ItsmeConfigKeys.SCOPES).isEmpty();
        soft.assertThat(s.claims()).as(ItsmeConfigKeys.CLAIMS).isEmpty();
        soft.assertThat(s.acr()).as(ItsmeConfigKeys.ACR).isEqualTo(Acr.BASIC);
        soft.assertThat(s.callerNameClaim()).as(ItsmeConfigKeys.CALLER_NAME_CLAIM).isEqualTo("sub");
        soft.assertThat(s.defaultGroups()).as(ItsmeConfigKeys.DEFAULT_GROUPS).isEmpty();
        soft.assertThat(s.loginState()).as(ItsmeConfigKeys.LOGIN_STATE).isEqualTo(LoginStateMode.SESSION);
        soft.assertThat(s.requestObject()).as(ItsmeConfigKeys.REQUEST_OBJECT).isEqualTo(RequestObjectMode.NONE);
        soft.assertThat(s.connectTimeout()).as(ItsmeConfigKeys.CONNECT_TIMEOUT).isEqualTo(Duration.ofSeconds(5));
        soft.assertThat(s.readTimeout()).as(ItsmeConfigKeys.READ_TIMEOUT).isEqualTo(Duration.ofSeconds(10));
        soft.assertThat(s.clockSkew()).as(ItsmeConfigKeys.CLOCK_SKEW).isEqualTo(Duration.ofSeconds(30));
        soft.assertThat(s.jwksRefetchInterval()).as(ItsmeConfigKeys.JWKS_REFETCH_INTERVAL)
                .isEqualTo(Duration.ofSeconds(30));
        soft.assertThat(s.loginTimeout()).as(ItsmeConfigKeys.LOGIN_TIMEOUT).isEqualTo(Duration.ofMinutes(10));
        soft.assertThat(s.callbackPath()).as(ItsmeConfigKeys.CALLBACK_PATH).isEqualTo("/itsme/callback");
        soft.assertThat(s.jwksPath()).as(ItsmeConfigKeys.JWKS_PATH).isEqualTo("/itsme/jwks");
        soft.assertThat(s.requestUriPath()).as(ItsmeConfigKeys.REQUEST_URI_PATH).isEqualTo("/itsme/request");
        soft.assertThat(s.cookieKey()).as(ItsmeConfigKeys.COOKIE_SECRET + " (session mode)").isNull();
        soft.assertThat(s.cookieName()).as(ItsmeConfigKeys.COOKIE_NAME).isEqualTo("ITSME_LOGIN");
        soft.assertThat(s.uiLocales()).as(ItsmeConfigKeys.UI_LOCALES).isEmpty();
        soft.assertThat(s.detectApiClients()).as(ItsmeConfigKeys.DETECT_API_CLIENTS).isTrue();
        soft.assertThat(s.apiPaths()).as(ItsmeConfigKeys.API_PATHS).isEmpty();
        soft.assertThat(s.qualifiers()).as(ItsmeConfigKeys.QUALIFIERS).isEmpty();
        soft.assertThat(s.clientId()).as(ItsmeConfigKeys.CLIENT_ID).isEqualTo("minimal-client");
        soft.assertThat(s.serviceCode()).as(ItsmeConfigKeys.SERVICE_CODE).isEqualTo("MINIMAL_LOGIN");
        soft.assertThat(s.keys().keyIds()).as(ItsmeConfigKeys.PRIVATE_JWKS_LOCATION).hasSize(2);
        soft.assertAll();
    }

    @Test
    void annotationValuesApplyWhenConfigIsSilent() {
        ItsmeSettings s = settings(Definitions.Full.class);
        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(s.environment()).as(ItsmeConfigKeys.ENVIRONMENT).isEqualTo(ItsmeEnvironment.PRODUCTION);
        soft.assertThat(s.discoveryUri()).as(ItsmeConfigKeys.DISCOVERY_URI)
                .isEqualTo(ItsmeEnvironment.PRODUCTION.discoveryUri());
        soft.assertThat(s.clientId()).as(ItsmeConfigKeys.CLIENT_ID).isEqualTo("a-client");
        soft.assertThat(s.serviceCode()).as(ItsmeConfigKeys.SERVICE_CODE).isEqualTo("A_LOGIN");
        soft.assertThat(s.shareDataServiceCode()).as(ItsmeConfigKeys.SHARE_DATA_SERVICE_CODE).isEqualTo("A_SHARE");
        soft.assertThat(s.confirmServiceCode()).as(ItsmeConfigKeys.CONFIRM_SERVICE_CODE).isEqualTo("A_CONFIRM");
        soft.assertThat(s.redirectUri()).as(ItsmeConfigKeys.REDIRECT_URI)
                .isEqualTo(URI.create("https://a.example/app/itsme/callback"));
        soft.assertThat(s.keys().publicJwkSetJson()).as(ItsmeConfigKeys.PRIVATE_JWKS_LOCATION)
                .isEqualTo(keysOf("rp-private-jwks.json"));
        soft.assertThat(s.scopes()).as(ItsmeConfigKeys.SCOPES).containsExactly(Scope.PROFILE, Scope.EMAIL);
        soft.assertThat(s.claims()).as(ItsmeConfigKeys.CLAIMS).containsExactly("a_claim");
        soft.assertThat(s.acr()).as(ItsmeConfigKeys.ACR).isEqualTo(Acr.ADVANCED);
        soft.assertThat(s.callerNameClaim()).as(ItsmeConfigKeys.CALLER_NAME_CLAIM).isEqualTo("email");
        soft.assertThat(s.defaultGroups()).as(ItsmeConfigKeys.DEFAULT_GROUPS).containsExactly("a-group");
        soft.assertThat(s.loginState()).as(ItsmeConfigKeys.LOGIN_STATE).isEqualTo(LoginStateMode.COOKIE);
        soft.assertThat(s.requestObject()).as(ItsmeConfigKeys.REQUEST_OBJECT).isEqualTo(RequestObjectMode.VALUE);
        soft.assertThat(s.connectTimeout()).as(ItsmeConfigKeys.CONNECT_TIMEOUT).isEqualTo(Duration.ofSeconds(1));
        soft.assertThat(s.readTimeout()).as(ItsmeConfigKeys.READ_TIMEOUT).isEqualTo(Duration.ofSeconds(2));
        soft.assertThat(s.clockSkew()).as(ItsmeConfigKeys.CLOCK_SKEW).isEqualTo(Duration.ofSeconds(10));
        soft.assertThat(s.loginTimeout()).as(ItsmeConfigKeys.LOGIN_TIMEOUT).isEqualTo(Duration.ofMinutes(3));
        soft.assertThat(s.callbackPath()).as(ItsmeConfigKeys.CALLBACK_PATH).isEqualTo("/a/callback");
        soft.assertThat(s.jwksPath()).as(ItsmeConfigKeys.JWKS_PATH).isEqualTo("/a/jwks");
        soft.assertThat(s.requestUriPath()).as(ItsmeConfigKeys.REQUEST_URI_PATH).isEqualTo("/a/request");
        soft.assertThat(s.cookieKey().getEncoded()).as(ItsmeConfigKeys.COOKIE_SECRET)
                .isEqualTo(Base64.getDecoder().decode(Definitions.SECRET_A));
        soft.assertThat(s.cookieName()).as(ItsmeConfigKeys.COOKIE_NAME).isEqualTo("A_COOKIE");
        soft.assertThat(s.uiLocales()).as(ItsmeConfigKeys.UI_LOCALES).containsExactly("fr");
        soft.assertThat(s.detectApiClients()).as(ItsmeConfigKeys.DETECT_API_CLIENTS).isFalse();
        soft.assertThat(s.apiPaths()).as(ItsmeConfigKeys.API_PATHS).containsExactly("/a/api");
        soft.assertAll();
    }

    @Test
    void configWinsOverTheAnnotationForEveryKey() {
        TestConfigSource.set(ItsmeConfigKeys.ENVIRONMENT, "e2e");
        TestConfigSource.set(ItsmeConfigKeys.CLIENT_ID, "c-client");
        TestConfigSource.set(ItsmeConfigKeys.SERVICE_CODE, "C_LOGIN");
        TestConfigSource.set(ItsmeConfigKeys.SHARE_DATA_SERVICE_CODE, "C_SHARE");
        TestConfigSource.set(ItsmeConfigKeys.CONFIRM_SERVICE_CODE, "C_CONFIRM");
        TestConfigSource.set(ItsmeConfigKeys.REDIRECT_URI, "http://127.0.0.1:8080/c/cb");
        TestConfigSource.set(ItsmeConfigKeys.PRIVATE_JWKS_LOCATION, "classpath:rp-private-jwks-other.json");
        TestConfigSource.set(ItsmeConfigKeys.SCOPES, "eid,idDocument");
        TestConfigSource.set(ItsmeConfigKeys.CLAIMS, "c_claim c_other");
        TestConfigSource.set(ItsmeConfigKeys.ACR, "basic");
        TestConfigSource.set(ItsmeConfigKeys.CALLER_NAME_CLAIM, "name");
        TestConfigSource.set(ItsmeConfigKeys.DEFAULT_GROUPS, "c1, c2");
        TestConfigSource.set(ItsmeConfigKeys.LOGIN_STATE, "session");
        TestConfigSource.set(ItsmeConfigKeys.REQUEST_OBJECT, "reference");
        TestConfigSource.set(ItsmeConfigKeys.CONNECT_TIMEOUT, "PT3S");
        TestConfigSource.set(ItsmeConfigKeys.READ_TIMEOUT, "PT4S");
        TestConfigSource.set(ItsmeConfigKeys.CLOCK_SKEW, "0");
        TestConfigSource.set(ItsmeConfigKeys.LOGIN_TIMEOUT, "PT5M");
        TestConfigSource.set(ItsmeConfigKeys.CALLBACK_PATH, "/c/callback");
        TestConfigSource.set(ItsmeConfigKeys.JWKS_PATH, "/c/jwks");
        TestConfigSource.set(ItsmeConfigKeys.REQUEST_URI_PATH, "/c/request");
        TestConfigSource.set(ItsmeConfigKeys.COOKIE_NAME, "C_COOKIE");
        TestConfigSource.set(ItsmeConfigKeys.UI_LOCALES, "nl de");
        TestConfigSource.set(ItsmeConfigKeys.DETECT_API_CLIENTS, "false");
        TestConfigSource.set(ItsmeConfigKeys.API_PATHS, "/c/api, /c/rest");
        ItsmeSettings s = settings(Definitions.Full.class);
        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(s.environment()).as(ItsmeConfigKeys.ENVIRONMENT).isEqualTo(ItsmeEnvironment.E2E);
        soft.assertThat(s.clientId()).as(ItsmeConfigKeys.CLIENT_ID).isEqualTo("c-client");
        soft.assertThat(s.serviceCode()).as(ItsmeConfigKeys.SERVICE_CODE).isEqualTo("C_LOGIN");
        soft.assertThat(s.shareDataServiceCode()).as(ItsmeConfigKeys.SHARE_DATA_SERVICE_CODE).isEqualTo("C_SHARE");
        soft.assertThat(s.confirmServiceCode()).as(ItsmeConfigKeys.CONFIRM_SERVICE_CODE).isEqualTo("C_CONFIRM");
        soft.assertThat(s.redirectUri()).as(ItsmeConfigKeys.REDIRECT_URI)
                .isEqualTo(URI.create("http://127.0.0.1:8080/c/cb"));
        soft.assertThat(s.keys().publicJwkSetJson()).as(ItsmeConfigKeys.PRIVATE_JWKS_LOCATION)
                .isEqualTo(keysOf("rp-private-jwks-other.json"));
        soft.assertThat(s.scopes()).as(ItsmeConfigKeys.SCOPES).containsExactly(Scope.EID, Scope.ID_DOCUMENT);
        soft.assertThat(s.claims()).as(ItsmeConfigKeys.CLAIMS).containsExactly("c_claim", "c_other");
        soft.assertThat(s.acr()).as(ItsmeConfigKeys.ACR).isEqualTo(Acr.BASIC);
        soft.assertThat(s.callerNameClaim()).as(ItsmeConfigKeys.CALLER_NAME_CLAIM).isEqualTo("name");
        soft.assertThat(s.defaultGroups()).as(ItsmeConfigKeys.DEFAULT_GROUPS).containsExactlyInAnyOrder("c1", "c2");
        soft.assertThat(s.loginState()).as(ItsmeConfigKeys.LOGIN_STATE).isEqualTo(LoginStateMode.SESSION);
        soft.assertThat(s.requestObject()).as(ItsmeConfigKeys.REQUEST_OBJECT)
                .isEqualTo(RequestObjectMode.REFERENCE);
        soft.assertThat(s.connectTimeout()).as(ItsmeConfigKeys.CONNECT_TIMEOUT).isEqualTo(Duration.ofSeconds(3));
        soft.assertThat(s.readTimeout()).as(ItsmeConfigKeys.READ_TIMEOUT).isEqualTo(Duration.ofSeconds(4));
        soft.assertThat(s.clockSkew()).as(ItsmeConfigKeys.CLOCK_SKEW).isEqualTo(Duration.ZERO);
        soft.assertThat(s.loginTimeout()).as(ItsmeConfigKeys.LOGIN_TIMEOUT).isEqualTo(Duration.ofMinutes(5));
        soft.assertThat(s.callbackPath()).as(ItsmeConfigKeys.CALLBACK_PATH).isEqualTo("/c/callback");
        soft.assertThat(s.jwksPath()).as(ItsmeConfigKeys.JWKS_PATH).isEqualTo("/c/jwks");
        soft.assertThat(s.requestUriPath()).as(ItsmeConfigKeys.REQUEST_URI_PATH).isEqualTo("/c/request");
        soft.assertThat(s.cookieName()).as(ItsmeConfigKeys.COOKIE_NAME).isEqualTo("C_COOKIE");
        soft.assertThat(s.uiLocales()).as(ItsmeConfigKeys.UI_LOCALES).containsExactly("nl", "de");
        soft.assertThat(s.detectApiClients()).as(ItsmeConfigKeys.DETECT_API_CLIENTS).isFalse();
        soft.assertThat(s.apiPaths()).as(ItsmeConfigKeys.API_PATHS).containsExactly("/c/api", "/c/rest");
        soft.assertAll();
    }

    @Test
    void configCookieSecretWinsOverTheAnnotation() {
        TestConfigSource.set(ItsmeConfigKeys.COOKIE_SECRET, Definitions.SECRET_B);
        assertThat(settings(Definitions.Full.class).cookieKey().getEncoded())
                .isEqualTo(Base64.getDecoder().decode(Definitions.SECRET_B));
    }

    @Test
    void cookieKeyIsDerivedFromTheSigningKeyWhenNoSecretIsSet() {
        TestConfigSource.set(ItsmeConfigKeys.LOGIN_STATE, "cookie");
        byte[] first = settings(Definitions.Minimal.class).cookieKey().getEncoded();
        byte[] again = settings(Definitions.Minimal.class).cookieKey().getEncoded();
        TestConfigSource.set(ItsmeConfigKeys.PRIVATE_JWKS_LOCATION, "classpath:rp-private-jwks-other.json");
        byte[] otherKeys = settings(Definitions.Minimal.class).cookieKey().getEncoded();
        assertThat(first).hasSize(32).isEqualTo(again).isNotEqualTo(otherKeys);
    }

    @Test
    void discoveryUriFromTheAnnotationOverridesTheEnvironment() {
        ItsmeSettings s = settings(Definitions.WithDiscovery.class);
        assertThat(s.discoveryUri())
                .isEqualTo(URI.create("https://annotation.example/v2/.well-known/openid-configuration"));
        assertThat(s.environment()).isNull();
    }

    @Test
    void discoveryUriFromConfigWinsOverTheAnnotationAndMayBeLoopbackHttp() {
        TestConfigSource.set(ItsmeConfigKeys.DISCOVERY_URI,
                "http://127.0.0.1:9999/v2/.well-known/openid-configuration");
        assertThat(settings(Definitions.WithDiscovery.class).discoveryUri())
                .isEqualTo(URI.create("http://127.0.0.1:9999/v2/.well-known/openid-configuration"));
    }

    @Test
    void everythingCanComeFromConfigIncludingAnInlineJwkSet() throws Exception {
        TestConfigSource.set(ItsmeConfigKeys.CLIENT_ID, "config-client");
        TestConfigSource.set(ItsmeConfigKeys.SERVICE_CODE, "CONFIG_LOGIN");
        TestConfigSource.set(ItsmeConfigKeys.PRIVATE_JWKS, resource("rp-private-jwks.json"));
        ItsmeSettings s = settings(Definitions.Empty.class);
        assertThat(s.clientId()).isEqualTo("config-client");
        assertThat(s.keys().publicJwkSetJson()).isEqualTo(keysOf("rp-private-jwks.json"));
    }

    @Test
    void annotationExpressionsAreEvaluatedWithTheBeanManagersResolver() {
        ItsmeSettings s = settings(Definitions.WithEl.class, Definitions.TestValues.class);
        assertThat(s.clientId()).isEqualTo("el-client");
        assertThat(s.serviceCode()).isEqualTo("EL_LOGIN");
    }

    @Test
    void anEmptyConfigValueCountsAsAbsent() {
        TestConfigSource.set(ItsmeConfigKeys.CLIENT_ID, "");
        TestConfigSource.set(ItsmeConfigKeys.ACR, "  ");
        ItsmeSettings s = settings(Definitions.Full.class);
        assertThat(s.clientId()).isEqualTo("a-client");
        assertThat(s.acr()).isEqualTo(Acr.ADVANCED);
    }

    @Test
    void configValuesAreNotEvaluatedAsEl() {
        TestConfigSource.set(ItsmeConfigKeys.CLAIMS, "#{notEl}");
        assertThat(settings(Definitions.Minimal.class).claims()).containsExactly("#{notEl}");
    }

    @Test
    void theSettingsNeverPrintKeyMaterial() throws Exception {
        TestConfigSource.set(ItsmeConfigKeys.LOGIN_STATE, "cookie");
        String text = settings(Definitions.Minimal.class).toString();
        assertThat(text).contains("minimal-client").doesNotContain("\"d\"").doesNotContain(
                Base64.getEncoder().encodeToString(settings(Definitions.Minimal.class).cookieKey().getEncoded()));
        for (String secretPart : List.of("\"d\":", "\"p\":", "\"q\":")) {
            assertThat(text).doesNotContain(secretPart);
        }
    }

    @Test
    void theKeyConstantsAreTheDesignedNames() {
        assertThat(io.github.itsmejakarta.cdi.internal.SettingsResolver.keyNames()).containsAll(Set.of(
                "itsme.environment", "itsme.discovery-uri", "itsme.client-id", "itsme.service-code",
                "itsme.redirect-uri", "itsme.private-jwks", "itsme.private-jwks-location", "itsme.scopes",
                "itsme.claims", "itsme.acr", "itsme.caller-name-claim", "itsme.default-groups", "itsme.login-state",
                "itsme.request-object", "itsme.connect-timeout", "itsme.read-timeout", "itsme.clock-skew",
                "itsme.jwks-refetch-interval"));
    }

    static ItsmeSettings settings(Class<?>... beans) {
        try (WeldContainer container = WeldBoot.start(beans)) {
            return container.select(ItsmeExtension.class).get().settings();
        }
    }

    static String resource(String name) throws Exception {
        return Files.readString(Path.of(ItsmeExtensionTest.class.getResource("/" + name).toURI()));
    }

    static String keysOf(String name) {
        try {
            return io.github.itsmejakarta.core.keys.RelyingPartyKeys.fromJwks(resource(name)).publicJwkSetJson();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
