package io.github.itsmejakarta.cdi;

/**
 * The MicroProfile Config keys of the itsme mechanism. These names are a contract: documented in the module README,
 * tested one by one, never renamed silently.
 *
 * <p>Each key has an attribute of the same meaning on {@link ItsmeAuthenticationMechanismDefinition}. A value is taken
 * from MicroProfile Config first, then from the annotation (where {@code ${...}} and {@code #{...}} are evaluated with
 * the BeanManager's EL resolver), then from the default written next to the key. Everything is read once, at
 * deployment, into an immutable settings object: changing a value needs a redeployment.
 *
 * <p>Durations are ISO-8601 ({@code PT5S}) or a number of seconds ({@code 5}). Lists are separated by spaces or
 * commas.
 */
public final class ItsmeConfigKeys {
    /** {@code e2e} (default) or {@code production}: picks itsme's discovery document. */
    public static final String ENVIRONMENT = "itsme.environment";
    /** Any discovery document URI; overrides {@link #ENVIRONMENT} (the simulator, tests). https, or http to loopback. */
    public static final String DISCOVERY_URI = "itsme.discovery-uri";
    /** The client id received at onboarding. Required. */
    public static final String CLIENT_ID = "itsme.client-id";
    /** The service code of the Login service. Required. */
    public static final String SERVICE_CODE = "itsme.service-code";
    /** The service code of the Share-data service; needed only for {@code ItsmeAuthenticationParameters.shareData}. */
    public static final String SHARE_DATA_SERVICE_CODE = "itsme.share-data-service-code";
    /** The service code of the Confirm service; needed only for {@code ItsmeAuthenticationParameters.confirm}. */
    public static final String CONFIRM_SERVICE_CODE = "itsme.confirm-service-code";
    /**
     * The service code of itsme's Data Sharing service; needed only for
     * {@code ItsmeAuthenticationParameters.dataSharing}.
     */
    public static final String DATA_SHARING_SERVICE_CODE = "itsme.data-sharing-service-code";
    /**
     * The registered callback URL (exact match at itsme). Default: the application's own {@link #CALLBACK_PATH}, built
     * from the request that starts the login (set it explicitly behind a reverse proxy).
     */
    public static final String REDIRECT_URI = "itsme.redirect-uri";
    /**
     * The RP's private JWK set as inline JSON. Exactly one of this, {@link #PRIVATE_JWKS_LOCATION} and
     * {@link #KEYSTORE_LOCATION} is required.
     */
    public static final String PRIVATE_JWKS = "itsme.private-jwks";
    /** The RP's private JWK set as a location: {@code file:/path} or {@code classpath:name}. */
    public static final String PRIVATE_JWKS_LOCATION = "itsme.private-jwks-location";
    /**
     * The RP's keys in a PKCS#12 keystore instead of a JWK set: {@code file:/path} or {@code classpath:name}. Needs
     * {@link #KEYSTORE_PASSWORD}, {@link #KEYSTORE_SIGNING_ALIAS} and {@link #KEYSTORE_ENCRYPTION_ALIAS}; excludes
     * {@link #PRIVATE_JWKS} and {@link #PRIVATE_JWKS_LOCATION}.
     */
    public static final String KEYSTORE_LOCATION = "itsme.keystore-location";
    /**
     * The keystore's password (it opens the key entries too). Give it through a config source made for secrets or the
     * environment ({@code ITSME_KEYSTORE_PASSWORD}), not in a file of the WAR.
     */
    public static final String KEYSTORE_PASSWORD = "itsme.keystore-password";
    /** The alias of the signing key, or several (the first signs, the others are published for rollover). */
    public static final String KEYSTORE_SIGNING_ALIAS = "itsme.keystore-signing-alias";
    /** The alias of the encryption key, or several (every one decrypts). */
    public static final String KEYSTORE_ENCRYPTION_ALIAS = "itsme.keystore-encryption-alias";
    /** Extra scopes: {@code profile email address phone eid idDocument}. Default: none ({@code openid} is implied). */
    public static final String SCOPES = "itsme.scopes";
    /** Extra claims to ask for in the ID token (full names). Default: none. */
    public static final String CLAIMS = "itsme.claims";
    /** {@code basic} (default) or {@code advanced}. */
    public static final String ACR = "itsme.acr";
    /** The claim that becomes the caller name. Default {@code sub}. */
    public static final String CALLER_NAME_CLAIM = "itsme.caller-name-claim";
    /** Groups every itsme caller gets. Default: none. */
    public static final String DEFAULT_GROUPS = "itsme.default-groups";
    /** Where a login in progress is kept: {@code session} (default) or {@code cookie}. */
    public static final String LOGIN_STATE = "itsme.login-state";
    /** {@code none} (default), {@code value} ({@code request}) or {@code reference} ({@code request_uri}). */
    public static final String REQUEST_OBJECT = "itsme.request-object";
    /**
     * Where request objects wait for itsme's fetch in {@code reference} mode: {@code auto} (default: the server's own
     * distributed JCache if it offers one, as Payara does, else each node's memory), {@code jcache} (the server's, else
     * JCache's default provider; deployment fails without one) or {@code memory}.
     */
    public static final String REQUEST_OBJECT_STORE = "itsme.request-object-store";
    /** Outbound connect timeout. Default {@code PT5S}. */
    public static final String CONNECT_TIMEOUT = "itsme.connect-timeout";
    /** Outbound read timeout. Default {@code PT10S}. */
    public static final String READ_TIMEOUT = "itsme.read-timeout";
    /** Tolerated clock difference with itsme. Default {@code PT30S}, at most {@code PT5M}. */
    public static final String CLOCK_SKEW = "itsme.clock-skew";
    /**
     * How long after a fetch of itsme's JWK set an unknown signing {@code kid} may trigger the next fetch (a flood of
     * unknown kids costs at most one fetch per interval; one inside it is refused and logged as ITSME-1130). Default
     * {@code PT30S}, from {@code PT1S} to {@code PT1H}.
     */
    public static final String JWKS_REFETCH_INTERVAL = "itsme.jwks-refetch-interval";
    /** How long a login may stay in progress (state lifetime, cookie max-age). Default {@code PT10M}, at most 1 h. */
    public static final String LOGIN_TIMEOUT = "itsme.login-timeout";
    /** The callback path inside the application. Default {@code /itsme/callback}. */
    public static final String CALLBACK_PATH = "itsme.callback-path";
    /** The path of the RP's public JWK set inside the application. Default {@code /itsme/jwks}. */
    public static final String JWKS_PATH = "itsme.jwks-path";
    /** The path prefix request objects are served under ({@code <path>/<id>}). Default {@code /itsme/request}. */
    public static final String REQUEST_URI_PATH = "itsme.request-uri-path";
    /**
     * The AES key of the login-state cookie, base64 (32 bytes). Default: derived from the RP's active signing key, so
     * that every node holding the same keys reads the cookie.
     */
    public static final String COOKIE_SECRET = "itsme.cookie-secret";
    /** The name of the login-state cookie. Default {@code ITSME_LOGIN}. */
    public static final String COOKIE_NAME = "itsme.cookie-name";
    /** Languages for itsme's screens ({@code ui_locales}): {@code fr nl de en}. Default: none (itsme decides). */
    public static final String UI_LOCALES = "itsme.ui-locales";
    /**
     * {@code true} (default) or {@code false}: whether a request that cannot follow a redirect to itsme's page (an
     * {@code XMLHttpRequest}, a {@code fetch()} call, an {@code Accept} naming JSON and not HTML) gets
     * {@code 401} with {@code WWW-Authenticate: itsme} instead of a 302 to itsme.
     */
    public static final String DETECT_API_CLIENTS = "itsme.detect-api-clients";
    /**
     * Path prefixes inside the application (e.g. {@code /api}) whose unauthenticated requests always get {@code 401}
     * with {@code WWW-Authenticate: itsme}, never a redirect. Default: none.
     */
    public static final String API_PATHS = "itsme.api-paths";
    /**
     * Fully qualified names of CDI qualifier annotations that the mechanism bean carries instead of {@code @Default}
     * (Jakarta Security 4.0, Jakarta EE 11): an application with several mechanisms selects itsme's with its own
     * {@code HttpAuthenticationMechanismHandler}. Default: none. Refused on a Jakarta Security 3.0 (EE 10) server.
     */
    public static final String QUALIFIERS = "itsme.qualifiers";
    /**
     * {@code true} adds the MicroProfile Health readiness check {@code itsme} (on a server with MicroProfile Health).
     * Default {@code false}. A MicroProfile Config key only: it has no annotation attribute.
     */
    public static final String HEALTH_ENABLED = "itsme.health.enabled";
    /**
     * How old the last successful read of itsme's discovery document and JWK set may be before the readiness check
     * reads them again (and reports DOWN if that fails). Default {@code PT5M}, from 10 s to 1 h. A MicroProfile Config
     * key only.
     */
    public static final String HEALTH_MAX_AGE = "itsme.health.max-age";
    /**
     * {@code lazy} (default) or {@code never}: whether the application fetches userinfo after the login
     * ({@code ItsmeContext.userInfo()}). The session keeps itsme's access token only for that: with {@code lazy} until
     * the first fetch (the userinfo is kept afterwards), with {@code never} not at all. A MicroProfile Config key only.
     */
    public static final String USERINFO = "itsme.userinfo";

    /**
     * The prefix of named services: {@code itsme.services.<name>.<key>}, each key one of {@link ServiceKeys}. A service
     * exists when at least one property under {@code itsme.services.<name>.} is found among the configuration's
     * property names; its values may then come from any config source. A name is 1 to 64 letters, digits, {@code -} or
     * {@code _}. A MicroProfile Config key only: it has no annotation attribute.
     */
    public static final String SERVICES = "itsme.services.";
    /**
     * The named service that protected resources (and a login started without a service name) use. Default: the
     * top-level service ({@link #SERVICE_CODE} with {@link #CLIENT_ID}). A MicroProfile Config key only.
     */
    public static final String LOGIN_SERVICE = "itsme.login-service";

    /**
     * The keys of one named service, each under {@code itsme.services.<name>.}: {@link #key(String, String)} builds
     * the full name. Anything a service does not set is the top-level value of the same meaning (the service code: the
     * top-level code of the service's flow).
     */
    public static final class ServiceKeys {
        /**
         * The flow: {@code login} (default; itsme's {@code authentication}), {@code share-data} ({@code identification}),
         * {@code confirm} ({@code confirmation}) or {@code data-sharing}.
         */
        public static final String FLOW = "flow";
        /** The service code; default the top-level code of the flow ({@link ItsmeConfigKeys#SERVICE_CODE}, ...). */
        public static final String SERVICE_CODE = "service-code";
        /** Scopes, replacing {@link ItsmeConfigKeys#SCOPES}. */
        public static final String SCOPES = "scopes";
        /** ID token claims, replacing {@link ItsmeConfigKeys#CLAIMS}. */
        public static final String CLAIMS = "claims";
        /** {@code basic} or {@code advanced}, replacing {@link ItsmeConfigKeys#ACR}. */
        public static final String ACR = "acr";
        /** A client id of its own (its own {@code ItsmeClient}); default {@link ItsmeConfigKeys#CLIENT_ID}. */
        public static final String CLIENT_ID = "client-id";
        /** The callback URL registered for the service's client; default {@link ItsmeConfigKeys#REDIRECT_URI}. */
        public static final String REDIRECT_URI = "redirect-uri";
        /** The service's private JWK set, inline; with the two below, replaces the top-level key source. */
        public static final String PRIVATE_JWKS = "private-jwks";
        /** The service's private JWK set as a {@code file:} or {@code classpath:} location. */
        public static final String PRIVATE_JWKS_LOCATION = "private-jwks-location";
        /** The service's PKCS#12 keystore. */
        public static final String KEYSTORE_LOCATION = "keystore-location";
        /** The keystore's password; default {@link ItsmeConfigKeys#KEYSTORE_PASSWORD}. */
        public static final String KEYSTORE_PASSWORD = "keystore-password";
        /** The signing alias(es); default {@link ItsmeConfigKeys#KEYSTORE_SIGNING_ALIAS}. */
        public static final String KEYSTORE_SIGNING_ALIAS = "keystore-signing-alias";
        /** The encryption alias(es); default {@link ItsmeConfigKeys#KEYSTORE_ENCRYPTION_ALIAS}. */
        public static final String KEYSTORE_ENCRYPTION_ALIAS = "keystore-encryption-alias";

        private ServiceKeys() {
        }

        /** The full key: {@code itsme.services.<service>.<key>}. */
        public static String key(String service, String key) {
            return SERVICES + service + "." + key;
        }

        /** Every key a named service has, in the order of this class. */
        public static java.util.List<String> all() {
            return java.util.List.of(FLOW, SERVICE_CODE, SCOPES, CLAIMS, ACR, CLIENT_ID, REDIRECT_URI, PRIVATE_JWKS,
                    PRIVATE_JWKS_LOCATION, KEYSTORE_LOCATION, KEYSTORE_PASSWORD, KEYSTORE_SIGNING_ALIAS,
                    KEYSTORE_ENCRYPTION_ALIAS);
        }
    }

    private ItsmeConfigKeys() {
    }
}
