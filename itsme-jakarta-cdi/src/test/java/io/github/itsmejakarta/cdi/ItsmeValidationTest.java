package io.github.itsmejakarta.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Stream;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Deployment validation in Weld SE: each problem is refused with its id, every problem lands in one deployment error,
 * and each refused value has an accepted twin so that a validator refusing everything fails here.
 */
class ItsmeValidationTest {
    @BeforeEach
    @AfterEach
    void clearConfig() {
        TestConfigSource.clear();
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of(Map.of(ItsmeConfigKeys.ENVIRONMENT, "staging"), "ITSME-1702", ItsmeConfigKeys.ENVIRONMENT),
                Arguments.of(
                        Map.of(ItsmeConfigKeys.DISCOVERY_URI, "http://idp.example/v2/.well-known/openid-configuration"),
                        "ITSME-1703", ItsmeConfigKeys.DISCOVERY_URI),
                Arguments.of(Map.of(ItsmeConfigKeys.DISCOVERY_URI, "/relative/discovery"), "ITSME-1702",
                        ItsmeConfigKeys.DISCOVERY_URI),
                Arguments.of(Map.of(ItsmeConfigKeys.DISCOVERY_URI, "https://bad host/"), "ITSME-1702",
                        ItsmeConfigKeys.DISCOVERY_URI),
                Arguments.of(Map.of(ItsmeConfigKeys.DISCOVERY_URI, "ftp://idp.example/x"), "ITSME-1703",
                        ItsmeConfigKeys.DISCOVERY_URI),
                Arguments.of(Map.of(ItsmeConfigKeys.REDIRECT_URI, "http://app.example/itsme/callback"), "ITSME-1703",
                        ItsmeConfigKeys.REDIRECT_URI),
                Arguments.of(Map.of(ItsmeConfigKeys.REDIRECT_URI, "https://app.example/itsme/callback#frag"),
                        "ITSME-1702", ItsmeConfigKeys.REDIRECT_URI),
                Arguments.of(Map.of(ItsmeConfigKeys.PRIVATE_JWKS_LOCATION, "file:/no/such/jwks.json"), "ITSME-1704",
                        "ITSME-1010"),
                Arguments.of(Map.of(ItsmeConfigKeys.PRIVATE_JWKS_LOCATION, "classpath:rp-private-jwks-sig-only.json"),
                        "ITSME-1704", "ITSME-1011"),
                Arguments.of(Map.of(ItsmeConfigKeys.PRIVATE_JWKS_LOCATION, "https://keys.example/jwks"), "ITSME-1704",
                        ItsmeConfigKeys.PRIVATE_JWKS_LOCATION),
                Arguments.of(Map.of(ItsmeConfigKeys.PRIVATE_JWKS, "{\"keys\":[]}"), "ITSME-1705",
                        ItsmeConfigKeys.PRIVATE_JWKS),
                Arguments.of(Map.of(ItsmeConfigKeys.SCOPES, "profile openid2"), "ITSME-1702", "openid2"),
                Arguments.of(Map.of(ItsmeConfigKeys.ACR, "strong"), "ITSME-1702", ItsmeConfigKeys.ACR),
                Arguments.of(Map.of(ItsmeConfigKeys.LOGIN_STATE, "database"), "ITSME-1702",
                        ItsmeConfigKeys.LOGIN_STATE),
                Arguments.of(Map.of(ItsmeConfigKeys.REQUEST_OBJECT, "jar"), "ITSME-1702",
                        ItsmeConfigKeys.REQUEST_OBJECT),
                Arguments.of(Map.of(ItsmeConfigKeys.CONNECT_TIMEOUT, "soon"), "ITSME-1702",
                        ItsmeConfigKeys.CONNECT_TIMEOUT),
                Arguments.of(Map.of(ItsmeConfigKeys.READ_TIMEOUT, "PT0S"), "ITSME-1702", ItsmeConfigKeys.READ_TIMEOUT),
                Arguments.of(Map.of(ItsmeConfigKeys.CLOCK_SKEW, "PT10M"), "ITSME-1702", ItsmeConfigKeys.CLOCK_SKEW),
                Arguments.of(Map.of(ItsmeConfigKeys.JWKS_REFETCH_INTERVAL, "PT0.5S"), "ITSME-1702",
                        ItsmeConfigKeys.JWKS_REFETCH_INTERVAL),
                Arguments.of(Map.of(ItsmeConfigKeys.JWKS_REFETCH_INTERVAL, "PT2H"), "ITSME-1702",
                        ItsmeConfigKeys.JWKS_REFETCH_INTERVAL),
                Arguments.of(Map.of(ItsmeConfigKeys.LOGIN_TIMEOUT, "PT2H"), "ITSME-1702",
                        ItsmeConfigKeys.LOGIN_TIMEOUT),
                Arguments.of(Map.of(ItsmeConfigKeys.CALLBACK_PATH, "itsme/callback"), "ITSME-1702",
                        ItsmeConfigKeys.CALLBACK_PATH),
                Arguments.of(Map.of(ItsmeConfigKeys.JWKS_PATH, "//evil.example/jwks"), "ITSME-1702",
                        ItsmeConfigKeys.JWKS_PATH),
                Arguments.of(Map.of(ItsmeConfigKeys.REQUEST_URI_PATH, "/itsme/request?x"), "ITSME-1702",
                        ItsmeConfigKeys.REQUEST_URI_PATH),
                Arguments.of(Map.of(ItsmeConfigKeys.JWKS_PATH, "/itsme/callback"), "ITSME-1702",
                        "the endpoint paths must differ"),
                Arguments.of(Map.of(ItsmeConfigKeys.COOKIE_NAME, "bad name"), "ITSME-1702",
                        ItsmeConfigKeys.COOKIE_NAME),
                Arguments.of(Map.of(ItsmeConfigKeys.UI_LOCALES, "nl es"), "ITSME-1702", "'es'"),
                Arguments.of(Map.of(ItsmeConfigKeys.DETECT_API_CLIENTS, "maybe"), "ITSME-1702",
                        ItsmeConfigKeys.DETECT_API_CLIENTS),
                Arguments.of(Map.of(ItsmeConfigKeys.API_PATHS, "/api api/v2"), "ITSME-1702", "'api/v2'"),
                Arguments.of(Map.of(ItsmeConfigKeys.LOGIN_STATE, "cookie", ItsmeConfigKeys.COOKIE_SECRET,
                        "AwMDAwMDAwMDAwMDAwMDAw=="), "ITSME-1708", ItsmeConfigKeys.COOKIE_SECRET),
                Arguments.of(
                        Map.of(ItsmeConfigKeys.LOGIN_STATE, "cookie", ItsmeConfigKeys.COOKIE_SECRET, "not base64!"),
                        "ITSME-1708", ItsmeConfigKeys.COOKIE_SECRET));
    }

    @Test
    void qualifiersOnAJakartaSecurity3ServerRefuseTheDeployment() {
        // the test container has Jakarta Security 3.0 (EE 10): a qualified mechanism would never be selected
        assertThat(WeldBoot.deploymentError(Definitions.Qualified.class)).contains("ITSME-1761")
                .contains(ItsmeConfigKeys.QUALIFIERS).contains(Definitions.ItsmeLogin.class.getName());
        TestConfigSource.set(ItsmeConfigKeys.QUALIFIERS, Definitions.ItsmeLogin.class.getName());
        assertThat(WeldBoot.deploymentError(Definitions.Minimal.class)).contains("ITSME-1761");
    }

    @Test
    void withoutQualifiersTheSameDefinitionDeploys() {
        try (var container = WeldBoot.start(Definitions.Minimal.class)) {
            assertThat(container.isRunning()).isTrue();
        }
    }

    @ParameterizedTest
    @MethodSource("refused")
    void refusesTheDeployment(Map<String, String> config, String id, String mentioned) {
        TestConfigSource.setAll(config);
        assertThat(WeldBoot.deploymentError(Definitions.Minimal.class)).contains(id).contains(mentioned)
                .contains("(1 problem(s))");
    }

    static Stream<Arguments> accepted() {
        return Stream.of(Map.of(ItsmeConfigKeys.ENVIRONMENT, "PRODUCTION"),
                Map.of(ItsmeConfigKeys.DISCOVERY_URI, "http://127.0.0.1:8443/v2/.well-known/openid-configuration"),
                Map.of(ItsmeConfigKeys.DISCOVERY_URI, "http://localhost:8443/v2/.well-known/openid-configuration"),
                Map.of(ItsmeConfigKeys.DISCOVERY_URI, "http://[::1]:8443/v2/.well-known/openid-configuration"),
                Map.of(ItsmeConfigKeys.REDIRECT_URI, "https://app.example/itsme/callback?x=1"),
                Map.of(ItsmeConfigKeys.REDIRECT_URI, "http://localhost:8080/app/itsme/callback"),
                Map.of(ItsmeConfigKeys.PRIVATE_JWKS_LOCATION, "classpath:/rp-private-jwks-other.json"),
                Map.of(ItsmeConfigKeys.SCOPES, "profile email address phone eid idDocument"),
                Map.of(ItsmeConfigKeys.ACR, "http://itsme.services/v2/claim/acr_advanced"),
                Map.of(ItsmeConfigKeys.CONNECT_TIMEOUT, "pt2s"),
                Map.of(ItsmeConfigKeys.CLOCK_SKEW, "PT5M"),
                Map.of(ItsmeConfigKeys.JWKS_REFETCH_INTERVAL, "PT2S"),
                Map.of(ItsmeConfigKeys.LOGIN_TIMEOUT, "PT1H"),
                Map.of(ItsmeConfigKeys.CALLBACK_PATH, "/auth/itsme-return"),
                Map.of(ItsmeConfigKeys.UI_LOCALES, "fr,nl,de,en"),
                Map.of(ItsmeConfigKeys.DETECT_API_CLIENTS, "FALSE"),
                Map.of(ItsmeConfigKeys.API_PATHS, "/api,/rest/v2"),
                Map.of(ItsmeConfigKeys.LOGIN_STATE, "cookie", ItsmeConfigKeys.COOKIE_SECRET, Definitions.SECRET_B),
                Map.of(ItsmeConfigKeys.LOGIN_STATE, "cookie", ItsmeConfigKeys.COOKIE_SECRET,
                        "AgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgI"))
                .map(Arguments::of);
    }

    @ParameterizedTest
    @MethodSource("accepted")
    void acceptsTheTwin(Map<String, String> config) {
        TestConfigSource.setAll(config);
        try (WeldContainer container = WeldBoot.start(Definitions.Minimal.class)) {
            assertThat(container.select(ItsmeExtension.class).get().settings()).isNotNull();
        }
    }

    @Test
    void missingClientIdServiceCodeAndKeysAreEachReported() {
        assertThat(WeldBoot.deploymentError(Definitions.Empty.class)).contains("(3 problem(s))")
                .contains("ITSME-1701: Required setting 'itsme.client-id' is missing")
                .contains("ITSME-1701: Required setting 'itsme.service-code' is missing")
                .contains("ITSME-1701: Required setting 'itsme.private-jwks' or 'itsme.private-jwks-location'");
    }

    @Test
    void everyProblemLandsInOneDeploymentError() {
        TestConfigSource.setAll(Map.of(ItsmeConfigKeys.DISCOVERY_URI, "http://idp.example/v2", ItsmeConfigKeys.ACR,
                "strong", ItsmeConfigKeys.PRIVATE_JWKS_LOCATION, "classpath:rp-private-jwks-sig-only.json",
                ItsmeConfigKeys.CLOCK_SKEW, "forever"));
        String error = WeldBoot.deploymentError(Definitions.Minimal.class);
        assertThat(error).startsWith("ITSME-1709").contains("(4 problem(s))").contains("ITSME-1703")
                .contains(ItsmeConfigKeys.ACR).contains("ITSME-1704").contains(ItsmeConfigKeys.CLOCK_SKEW);
    }

    @Test
    void twoDefinitionsAreRefused() {
        assertThat(WeldBoot.deploymentError(Definitions.Minimal.class, Definitions.Second.class)).contains("ITSME-1706")
                .contains(Definitions.Second.class.getName());
    }

    @Test
    void aFailingExpressionIsReportedWithoutItsValue() {
        assertThat(WeldBoot.deploymentError(Definitions.WithFailingEl.class)).contains("ITSME-1707")
                .contains(ItsmeConfigKeys.CLIENT_ID);
    }

    @Test
    void theErrorNeverQuotesKeyMaterial() {
        String brokenJwks = "{\"keys\":[{\"kty\":\"RSA\",\"kid\":\"k\",\"use\":\"sig\",\"n\":\"AQAB\",\"e\":\"AQAB\",\"d\":\"SECRETSECRET\"}]}";
        TestConfigSource.set(ItsmeConfigKeys.CLIENT_ID, "c");
        TestConfigSource.set(ItsmeConfigKeys.SERVICE_CODE, "S");
        TestConfigSource.set(ItsmeConfigKeys.PRIVATE_JWKS, brokenJwks);
        assertThat(WeldBoot.deploymentError(Definitions.Empty.class)).contains("ITSME-1704")
                .doesNotContain("SECRETSECRET");
    }
}
