package io.github.itsmejakarta.cdi;

import java.lang.annotation.Annotation;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Enables log-in with itsme for the application: placed on any bean class (one per application), it makes
 * {@link ItsmeExtension} register {@link ItsmeAuthenticationMechanism}, {@link ItsmeIdentityStore} and
 * {@link ItsmeContext}.
 *
 * <p>Every attribute mirrors a key of {@link ItsmeConfigKeys}. A MicroProfile Config value for the key wins over the
 * attribute; an empty attribute means "not set" and falls back to the default. Attribute strings may hold EL
 * expressions, {@code ${...}} or {@code #{...}}, resolved with the BeanManager's EL resolver as Jakarta Security does
 * for its own definitions (Jakarta Security 3.0, 2.4.4) - with one difference: both forms are evaluated once, at
 * deployment, since the settings are immutable afterwards.
 *
 * <pre>
 * &#64;ItsmeAuthenticationMechanismDefinition(clientId = "my-client", serviceCode = "MY_LOGIN")
 * &#64;ApplicationScoped
 * public class SecurityConfig {
 * }
 * </pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ItsmeAuthenticationMechanismDefinition {
    /** {@value ItsmeConfigKeys#ENVIRONMENT}: {@code e2e} (default) or {@code production}. */
    String environment() default "";

    /** {@value ItsmeConfigKeys#DISCOVERY_URI}: overrides the environment. */
    String discoveryUri() default "";

    /** {@value ItsmeConfigKeys#CLIENT_ID} (required). */
    String clientId() default "";

    /** {@value ItsmeConfigKeys#SERVICE_CODE}: the Login service (required). */
    String serviceCode() default "";

    /** {@value ItsmeConfigKeys#SHARE_DATA_SERVICE_CODE}. */
    String shareDataServiceCode() default "";

    /** {@value ItsmeConfigKeys#CONFIRM_SERVICE_CODE}. */
    String confirmServiceCode() default "";

    /** {@value ItsmeConfigKeys#DATA_SHARING_SERVICE_CODE}. */
    String dataSharingServiceCode() default "";

    /** {@value ItsmeConfigKeys#REDIRECT_URI}: default the application's callback path. */
    String redirectUri() default "";

    /** {@value ItsmeConfigKeys#PRIVATE_JWKS}: inline JSON (prefer a location or a config source). */
    String privateJwks() default "";

    /** {@value ItsmeConfigKeys#PRIVATE_JWKS_LOCATION}: {@code file:} or {@code classpath:}. */
    String privateJwksLocation() default "";

    /** {@value ItsmeConfigKeys#KEYSTORE_LOCATION}: a PKCS#12 keystore, {@code file:} or {@code classpath:}. */
    String keystoreLocation() default "";

    /** {@value ItsmeConfigKeys#KEYSTORE_PASSWORD}: best as an expression ({@code ${...}}), never as a literal. */
    String keystorePassword() default "";

    /** {@value ItsmeConfigKeys#KEYSTORE_SIGNING_ALIAS}: space- or comma-separated, the first signs. */
    String keystoreSigningAlias() default "";

    /** {@value ItsmeConfigKeys#KEYSTORE_ENCRYPTION_ALIAS}: space- or comma-separated. */
    String keystoreEncryptionAlias() default "";

    /** {@value ItsmeConfigKeys#SCOPES}: space- or comma-separated. */
    String scopes() default "";

    /** {@value ItsmeConfigKeys#CLAIMS}: space- or comma-separated claim names for the ID token. */
    String claims() default "";

    /** {@value ItsmeConfigKeys#ACR}: {@code basic} (default) or {@code advanced}. */
    String acr() default "";

    /** {@value ItsmeConfigKeys#CALLER_NAME_CLAIM}: default {@code sub}. */
    String callerNameClaim() default "";

    /** {@value ItsmeConfigKeys#DEFAULT_GROUPS}: space- or comma-separated. */
    String defaultGroups() default "";

    /** {@value ItsmeConfigKeys#LOGIN_STATE}: {@code session} (default) or {@code cookie}. */
    String loginState() default "";

    /** {@value ItsmeConfigKeys#REQUEST_OBJECT}: {@code none} (default), {@code value} or {@code reference}. */
    String requestObject() default "";

    /** {@value ItsmeConfigKeys#REQUEST_OBJECT_STORE}: {@code auto} (default), {@code jcache} or {@code memory}. */
    String requestObjectStore() default "";

    /** {@value ItsmeConfigKeys#CONNECT_TIMEOUT}: default {@code PT5S}. */
    String connectTimeout() default "";

    /** {@value ItsmeConfigKeys#READ_TIMEOUT}: default {@code PT10S}. */
    String readTimeout() default "";

    /** {@value ItsmeConfigKeys#CLOCK_SKEW}: default {@code PT30S}. */
    String clockSkew() default "";

    /** {@value ItsmeConfigKeys#JWKS_REFETCH_INTERVAL}: default {@code PT30S}. */
    String jwksRefetchInterval() default "";

    /** {@value ItsmeConfigKeys#LOGIN_TIMEOUT}: default {@code PT10M}. */
    String loginTimeout() default "";

    /** {@value ItsmeConfigKeys#CALLBACK_PATH}: default {@code /itsme/callback}. */
    String callbackPath() default "";

    /** {@value ItsmeConfigKeys#JWKS_PATH}: default {@code /itsme/jwks}. */
    String jwksPath() default "";

    /** {@value ItsmeConfigKeys#REQUEST_URI_PATH}: default {@code /itsme/request}. */
    String requestUriPath() default "";

    /** {@value ItsmeConfigKeys#COOKIE_SECRET}: base64, 32 bytes; default derived from the RP's keys. */
    String cookieSecret() default "";

    /** {@value ItsmeConfigKeys#COOKIE_NAME}: default {@code ITSME_LOGIN}. */
    String cookieName() default "";

    /** {@value ItsmeConfigKeys#UI_LOCALES}: e.g. {@code "nl fr"}. */
    String uiLocales() default "";

    /** {@value ItsmeConfigKeys#DETECT_API_CLIENTS}: {@code true} (default) or {@code false}. */
    String detectApiClients() default "";

    /** {@value ItsmeConfigKeys#API_PATHS}: space- or comma-separated path prefixes, e.g. {@code "/api"}. */
    String apiPaths() default "";

    /**
     * {@value ItsmeConfigKeys#QUALIFIERS}: the CDI qualifiers of the mechanism bean, in place of {@code @Default}
     * (Jakarta Security 4.0 gives its own definitions the same attribute). For an application with several
     * mechanisms and its own {@code HttpAuthenticationMechanismHandler}; needs a Jakarta EE 11 server.
     */
    Class<? extends Annotation>[] qualifiers() default {};
}
