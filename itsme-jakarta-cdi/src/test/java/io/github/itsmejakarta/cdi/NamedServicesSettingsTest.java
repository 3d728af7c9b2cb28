package io.github.itsmejakarta.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.itsmejakarta.cdi.ItsmeConfigKeys.ServiceKeys;
import io.github.itsmejakarta.cdi.internal.ItsmeSettings;
import io.github.itsmejakarta.cdi.internal.NamedService;
import io.github.itsmejakarta.cdi.internal.SettingsResolver;
import io.github.itsmejakarta.core.Acr;
import io.github.itsmejakarta.core.Scope;
import io.github.itsmejakarta.core.Service;
import io.github.itsmejakarta.core.keys.RelyingPartyKeys;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Named services ({@code itsme.services.<name>.*}) as resolved at deployment: what a service does not set is the top
 * level's, what it sets is its own; every problem of every service is reported together, with ITSME-1740 and the
 * service's name; each refusal has an accepted twin.
 */
class NamedServicesSettingsTest {
    static final RelyingPartyKeys OTHER_KEYS = RelyingPartyKeys.generate();

    /** A complete top level with scopes, claims, acr and a redirect URI, plus the given keys. */
    static Map<String, String> config(String... keyValues) {
        Map<String, String> c = new HashMap<>();
        c.put(ItsmeConfigKeys.DISCOVERY_URI, "https://idp.example/v2/.well-known/openid-configuration");
        c.put(ItsmeConfigKeys.CLIENT_ID, "top-client");
        c.put(ItsmeConfigKeys.SERVICE_CODE, "TOP_LOGIN");
        c.put(ItsmeConfigKeys.SHARE_DATA_SERVICE_CODE, "TOP_SHARE");
        c.put(ItsmeConfigKeys.PRIVATE_JWKS_LOCATION, "classpath:rp-private-jwks.json");
        c.put(ItsmeConfigKeys.SCOPES, "profile");
        c.put(ItsmeConfigKeys.CLAIMS, "birthdate");
        c.put(ItsmeConfigKeys.ACR, "advanced");
        c.put(ItsmeConfigKeys.REDIRECT_URI, "https://app.example/itsme/callback");
        for (int i = 0; i < keyValues.length; i += 2) {
            c.put(keyValues[i], keyValues[i + 1]);
        }
        return c;
    }

    static String key(String service, String key) {
        return ServiceKeys.key(service, key);
    }

    @Test
    void serviceKeysAllListsEveryConstantOfTheClass() throws IllegalAccessException {
        List<String> constants = new java.util.ArrayList<>();
        for (java.lang.reflect.Field f : ServiceKeys.class.getFields()) {
            if (java.lang.reflect.Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                constants.add((String) f.get(null));
            }
        }
        assertThat(ServiceKeys.all()).containsExactlyInAnyOrderElementsOf(constants);
        // each is the top-level key of the same meaning without its prefix (the fallback relies on it)
        assertThat(ServiceKeys.all()).filteredOn(k -> !k.equals(ServiceKeys.FLOW))
                .allSatisfy(k -> assertThat(SettingsResolver.keyNames()).contains("itsme." + k));
    }

    @Test
    void whatANamedServiceDoesNotSetIsTheTopLevels() {
        ItsmeSettings s = TestSettings.of(config(key("plain", ServiceKeys.FLOW), "login"));
        NamedService plain = s.services().get("plain");
        assertThat(plain.flow()).isEqualTo(Service.LOGIN);
        assertThat(plain.serviceCode()).isEqualTo("TOP_LOGIN");
        assertThat(plain.scopes()).containsExactly(Scope.PROFILE);
        assertThat(plain.claims()).containsExactly("birthdate");
        assertThat(plain.acr()).isEqualTo(Acr.ADVANCED);
        assertThat(plain.clientId()).isEqualTo("top-client");
        assertThat(plain.keys()).isSameAs(s.keys());
        assertThat(plain.redirectUri()).isEqualTo(URI.create("https://app.example/itsme/callback"));
        assertThat(s.loginService()).isNull();
    }

    @Test
    void whatANamedServiceSetsIsItsOwn() {
        ItsmeSettings s = TestSettings.of(config(key("kyc", ServiceKeys.FLOW), "identification",
                key("kyc", ServiceKeys.SERVICE_CODE), "KYC_CODE", key("kyc", ServiceKeys.SCOPES), "eid address",
                key("kyc", ServiceKeys.CLAIMS), "http://itsme.services/v2/claim/BENationalNumber",
                key("kyc", ServiceKeys.ACR), "basic", key("kyc", ServiceKeys.CLIENT_ID), "kyc-client",
                key("kyc", ServiceKeys.PRIVATE_JWKS), OTHER_KEYS.privateJwkSetJson(),
                key("kyc", ServiceKeys.REDIRECT_URI), "https://kyc.example/itsme/callback",
                ItsmeConfigKeys.LOGIN_SERVICE, "kyc"));
        NamedService kyc = s.services().get("kyc");
        assertThat(kyc.flow()).isEqualTo(Service.SHARE_DATA);
        assertThat(kyc.serviceCode()).isEqualTo("KYC_CODE");
        assertThat(kyc.scopes()).containsExactly(Scope.EID, Scope.ADDRESS);
        assertThat(kyc.claims()).containsExactly("http://itsme.services/v2/claim/BENationalNumber");
        assertThat(kyc.acr()).isEqualTo(Acr.BASIC);
        assertThat(kyc.clientId()).isEqualTo("kyc-client");
        assertThat(kyc.keys().publicJwkSetJson()).isEqualTo(OTHER_KEYS.publicJwkSetJson());
        assertThat(kyc.redirectUri()).isEqualTo(URI.create("https://kyc.example/itsme/callback"));
        assertThat(s.loginService()).isEqualTo("kyc");
        // the top level is untouched
        assertThat(s.clientId()).isEqualTo("top-client");
        assertThat(s.serviceCode()).isEqualTo("TOP_LOGIN");
    }

    @Test
    void theServiceCodeFallsBackToTheTopLevelCodeOfTheServicesFlow() {
        ItsmeSettings s = TestSettings.of(config(key("share", ServiceKeys.FLOW), "share-data",
                key("sign", ServiceKeys.FLOW), "confirmation", key("sign", ServiceKeys.SERVICE_CODE), "SIGN"));
        assertThat(s.services().get("share").serviceCode()).isEqualTo("TOP_SHARE");
        assertThat(s.services().get("sign").flow()).isEqualTo(Service.CONFIRM);
        assertThat(s.services()).containsOnlyKeys("share", "sign");
    }

    @Test
    void aServiceWhoseFlowHasNoCodeAnywhereIsReportedUnderItsName() {
        List<String> problems = TestSettings.resolve(config(key("sign", ServiceKeys.FLOW), "confirm")).problems();
        assertThat(problems).containsExactly("ITSME-1740: Service 'sign': ITSME-1701: Required setting '"
                + key("sign", ServiceKeys.SERVICE_CODE) + "' is missing");
    }

    @Test
    void everyProblemOfEveryServiceIsInOneReport() {
        SettingsResolver.Resolution r = TestSettings.resolve(config(key("a", ServiceKeys.FLOW), "payment",
                key("b", ServiceKeys.ACR), "strong", key("b", ServiceKeys.SCOPES), "profile openid2",
                key("b", ServiceKeys.REDIRECT_URI), "http://b.example/itsme/callback",
                key("c", ServiceKeys.KEYSTORE_LOCATION), "classpath:none.p12", "itsme.services.bad/name.flow",
                "login", ItsmeConfigKeys.LOGIN_SERVICE, "nope", ItsmeConfigKeys.CLOCK_SKEW, "forever"));
        assertThat(r.isValid()).isFalse();
        assertThat(r.problems()).anySatisfy(p -> assertThat(p).startsWith("ITSME-1740: Service 'a': ITSME-1702")
                .contains(key("a", ServiceKeys.FLOW)).contains("'payment'"));
        assertThat(r.problems()).anySatisfy(p -> assertThat(p).startsWith("ITSME-1740: Service 'b': ITSME-1702")
                .contains(key("b", ServiceKeys.ACR)));
        assertThat(r.problems()).anySatisfy(p -> assertThat(p).startsWith("ITSME-1740: Service 'b': ITSME-1702")
                .contains(key("b", ServiceKeys.SCOPES)).contains("openid2"));
        assertThat(r.problems()).anySatisfy(p -> assertThat(p).startsWith("ITSME-1740: Service 'b': ITSME-1703")
                .contains(key("b", ServiceKeys.REDIRECT_URI)));
        // the keystore falls back to the top level's password and aliases, which are not set either
        assertThat(r.problems()).contains("ITSME-1740: Service 'c': ITSME-1701: Required setting '"
                + key("c", ServiceKeys.KEYSTORE_PASSWORD) + "' or '" + ItsmeConfigKeys.KEYSTORE_PASSWORD
                + "' is missing");
        assertThat(r.problems()).filteredOn(p -> p.startsWith("ITSME-1740: Service 'c': ITSME-1701")).hasSize(3);
        assertThat(r.problems()).anySatisfy(p -> assertThat(p).startsWith("ITSME-1742").contains("'bad/name'"));
        assertThat(r.problems()).anySatisfy(p -> assertThat(p).startsWith("ITSME-1741").contains("'nope'")
                .contains("a, b, bad/name, c"));
        assertThat(r.problems()).anySatisfy(p -> assertThat(p).startsWith("ITSME-1702")
                .contains(ItsmeConfigKeys.CLOCK_SKEW));
        assertThat(r.problems()).hasSize(10);
    }

    @Test
    void theTwinOfEveryProblemResolves() {
        ItsmeSettings s = TestSettings.of(config(key("a", ServiceKeys.FLOW), "data-sharing",
                key("a", ServiceKeys.SERVICE_CODE), "DATA", key("b", ServiceKeys.ACR), "advanced",
                key("b", ServiceKeys.SCOPES), "profile eid", key("b", ServiceKeys.REDIRECT_URI),
                "http://127.0.0.1:8080/itsme/callback", "itsme.services.good-name_1.flow", "authentication",
                ItsmeConfigKeys.LOGIN_SERVICE, "b"));
        assertThat(s.services()).containsOnlyKeys("a", "b", "good-name_1");
        assertThat(s.services().get("a").flow()).isEqualTo(Service.DATA_SHARING);
        assertThat(s.services().get("good-name_1").flow()).isEqualTo(Service.LOGIN);
    }

    @Test
    void oneClientIdWithTwoKeySetsIsRefused() {
        List<String> problems = TestSettings.resolve(config(key("brand", ServiceKeys.PRIVATE_JWKS),
                OTHER_KEYS.privateJwkSetJson())).problems();
        assertThat(problems).containsExactly(ItsmeCdiMessage.CLIENT_KEYS_CONFLICT.format("top-client",
                "the top-level settings", "service 'brand'"));
    }

    @Test
    void oneClientIdWithTheSameKeysOrAnotherClientIdWithOtherKeysIsAccepted() {
        ItsmeSettings same = TestSettings.of(config(key("brand", ServiceKeys.PRIVATE_JWKS_LOCATION),
                "classpath:rp-private-jwks.json"));
        assertThat(same.services().get("brand").keys().publicJwkSetJson()).isEqualTo(same.keys().publicJwkSetJson());
        ItsmeSettings other = TestSettings.of(config(key("brand", ServiceKeys.PRIVATE_JWKS),
                OTHER_KEYS.privateJwkSetJson(), key("brand", ServiceKeys.CLIENT_ID), "brand-client"));
        assertThat(other.services().get("brand").clientId()).isEqualTo("brand-client");
    }

    @Test
    void twoServicesOfOneNewClientIdMustAgreeOnItsKeys() {
        List<String> problems = TestSettings.resolve(config(key("x", ServiceKeys.CLIENT_ID), "shared",
                key("x", ServiceKeys.PRIVATE_JWKS), OTHER_KEYS.privateJwkSetJson(), key("y", ServiceKeys.CLIENT_ID),
                "shared")).problems();
        assertThat(problems).containsExactly(ItsmeCdiMessage.CLIENT_KEYS_CONFLICT.format("shared", "service 'x'",
                "service 'y'"));
    }

    @Test
    void aServicesOwnKeySourceReplacesTheTopLevelsWithoutAmbiguity() {
        // the top level reads a location; the service's inline set is its own, not a second source
        ItsmeSettings s = TestSettings.of(config(key("brand", ServiceKeys.PRIVATE_JWKS),
                OTHER_KEYS.privateJwkSetJson(), key("brand", ServiceKeys.CLIENT_ID), "brand-client"));
        assertThat(s.services().get("brand").keys().keyIds()).isEqualTo(OTHER_KEYS.keyIds());
    }

    @Test
    void aKeystorePasswordWithoutAKeystoreIsReportedWithTheServicesKey() {
        List<String> problems = TestSettings.resolve(config(key("brand", ServiceKeys.KEYSTORE_PASSWORD), "secret",
                key("brand", ServiceKeys.CLIENT_ID), "brand-client")).problems();
        assertThat(problems).containsExactly("ITSME-1740: Service 'brand': " + ItsmeCdiMessage.CONFIG_INVALID.format(
                key("brand", ServiceKeys.KEYSTORE_PASSWORD), "it is used only with '"
                        + key("brand", ServiceKeys.KEYSTORE_LOCATION) + "' or '" + ItsmeConfigKeys.KEYSTORE_LOCATION
                        + "', which is not set"))
                .noneSatisfy(p -> assertThat(p).contains("secret"));
    }

    @Test
    void aConfirmServiceCannotProtectResources() {
        List<String> problems = TestSettings.resolve(config(key("sign", ServiceKeys.FLOW), "confirm",
                key("sign", ServiceKeys.SERVICE_CODE), "SIGN", ItsmeConfigKeys.LOGIN_SERVICE, "sign")).problems();
        assertThat(problems).containsExactly(ItsmeCdiMessage.LOGIN_SERVICE_UNSUITABLE
                .format(ItsmeConfigKeys.LOGIN_SERVICE, "sign", "confirm"));
    }

    @Test
    void anIdentificationLoginServiceNeedsAUserClaimConfigured() {
        List<String> problems = TestSettings.resolve(config(ItsmeConfigKeys.SCOPES, "", ItsmeConfigKeys.CLAIMS, "",
                key("kyc", ServiceKeys.FLOW), "share-data", ItsmeConfigKeys.LOGIN_SERVICE, "kyc")).problems();
        assertThat(problems).singleElement().satisfies(p -> assertThat(p).startsWith("ITSME-1740: Service 'kyc':")
                .contains("ITSME-1020"));
        // the twin: the same service asking for a scope
        assertThat(TestSettings.resolve(config(ItsmeConfigKeys.SCOPES, "", ItsmeConfigKeys.CLAIMS, "",
                key("kyc", ServiceKeys.FLOW), "share-data", key("kyc", ServiceKeys.SCOPES), "profile",
                ItsmeConfigKeys.LOGIN_SERVICE, "kyc")).problems()).isEmpty();
    }

    @Test
    void withNamedServicesNothingMayLieUnderTheJwksPath() {
        assertThat(TestSettings.resolve(config(key("a", ServiceKeys.FLOW), "login", ItsmeConfigKeys.CALLBACK_PATH,
                "/itsme/jwks/callback")).problems()).singleElement()
                .satisfies(p -> assertThat(p).startsWith("ITSME-1702").contains("under the JWK set path"));
        // without named services the path is free, as before
        assertThat(TestSettings.resolve(config(ItsmeConfigKeys.CALLBACK_PATH, "/itsme/jwks/callback")).problems())
                .isEmpty();
    }
}
