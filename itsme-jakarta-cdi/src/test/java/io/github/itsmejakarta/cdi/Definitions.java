package io.github.itsmejakarta.cdi;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

/** Application classes carrying the definition in the shapes the extension tests need. */
final class Definitions {
    private Definitions() {
    }

    static final String SECRET_A = "AQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQE=";
    static final String SECRET_B = "AgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgI=";

    /** Only what is required: everything else takes its default. */
    @ItsmeAuthenticationMechanismDefinition(clientId = "minimal-client", serviceCode = "MINIMAL_LOGIN", privateJwksLocation = "classpath:rp-private-jwks.json")
    static class Minimal {
    }

    /** Nothing set: everything must come from MicroProfile Config. */
    @ItsmeAuthenticationMechanismDefinition
    static class Empty {
    }

    /** Every attribute set (except the two that exclude another: discovery-uri and the inline JWK set). */
    @ItsmeAuthenticationMechanismDefinition(environment = "production", clientId = "a-client", serviceCode = "A_LOGIN", shareDataServiceCode = "A_SHARE", confirmServiceCode = "A_CONFIRM", redirectUri = "https://a.example/app/itsme/callback", privateJwksLocation = "classpath:rp-private-jwks.json", scopes = "profile email", claims = "a_claim", acr = "advanced", callerNameClaim = "email", defaultGroups = "a-group", loginState = "cookie", requestObject = "value", connectTimeout = "PT1S", readTimeout = "2", clockSkew = "PT10S", loginTimeout = "PT3M", callbackPath = "/a/callback", jwksPath = "/a/jwks", requestUriPath = "/a/request", cookieSecret = SECRET_A, cookieName = "A_COOKIE", uiLocales = "fr", detectApiClients = "false", apiPaths = "/a/api")
    static class Full {
    }

    @ItsmeAuthenticationMechanismDefinition(clientId = "minimal-client", serviceCode = "MINIMAL_LOGIN", privateJwksLocation = "classpath:rp-private-jwks.json", discoveryUri = "https://annotation.example/v2/.well-known/openid-configuration")
    static class WithDiscovery {
    }

    /** EL in attributes: immediate, deferred (reaching a CDI bean) and failing. */
    @ItsmeAuthenticationMechanismDefinition(clientId = "${'el-' += 'client'}", serviceCode = "#{itsmeTestValues.code}", privateJwksLocation = "classpath:rp-private-jwks.json")
    static class WithEl {
    }

    @ItsmeAuthenticationMechanismDefinition(clientId = "${'x'.noSuchMethod()}", serviceCode = "MINIMAL_LOGIN", privateJwksLocation = "classpath:rp-private-jwks.json")
    static class WithFailingEl {
    }

    @Named("itsmeTestValues")
    @ApplicationScoped
    public static class TestValues {
        public String getCode() {
            return "EL_LOGIN";
        }
    }

    /** A qualifier for the mechanism, as an application with several mechanisms declares one. */
    @jakarta.inject.Qualifier
    @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
    @interface ItsmeLogin {
    }

    /** The mechanism qualified (Jakarta Security 4.0 style): needs an EE 11 server. */
    @ItsmeAuthenticationMechanismDefinition(clientId = "minimal-client", serviceCode = "MINIMAL_LOGIN", privateJwksLocation = "classpath:rp-private-jwks.json", qualifiers = ItsmeLogin.class)
    static class Qualified {
    }

    /** A second definition: the extension accepts one. */
    @ItsmeAuthenticationMechanismDefinition(clientId = "other")
    static class Second {
    }

    /** A bean of an application that does not use itsme. */
    @ApplicationScoped
    static class Unrelated {
    }
}
