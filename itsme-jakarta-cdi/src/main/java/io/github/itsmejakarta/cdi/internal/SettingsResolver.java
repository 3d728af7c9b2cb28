package io.github.itsmejakarta.cdi.internal;

import static io.github.itsmejakarta.cdi.ItsmeConfigKeys.*;

import io.github.itsmejakarta.cdi.ItsmeAuthenticationMechanismDefinition;
import io.github.itsmejakarta.cdi.ItsmeCdiMessage;
import io.github.itsmejakarta.cdi.ItsmeConfigKeys.ServiceKeys;
import io.github.itsmejakarta.core.AuthorizationRequest;
import io.github.itsmejakarta.core.ClaimsRequest;
import io.github.itsmejakarta.core.ItsmeMessage;
import io.github.itsmejakarta.core.Service;
import io.github.itsmejakarta.core.Acr;
import io.github.itsmejakarta.core.ItsmeConfigurationException;
import io.github.itsmejakarta.core.ItsmeDefaults;
import io.github.itsmejakarta.core.ItsmeEnvironment;
import io.github.itsmejakarta.core.RequestObjectMode;
import io.github.itsmejakarta.core.Scope;
import io.github.itsmejakarta.core.LoopbackUris;
import io.github.itsmejakarta.core.keys.Pkcs12KeyStore;
import io.github.itsmejakarta.core.keys.RelyingPartyKeys;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.TreeMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * Resolves the settings of one {@link ItsmeAuthenticationMechanismDefinition}: for every key, the MicroProfile Config
 * value, else the annotation attribute (EL evaluated), else the default; then parses and checks the lot, collecting
 * <em>every</em> problem so that a deployment reports them together instead of one per redeploy.
 *
 * <p>Stateless and thread-safe.
 */
public final class SettingsResolver {
    static final String DEFAULT_CALLBACK_PATH = "/itsme/callback";
    static final Duration DEFAULT_HEALTH_MAX_AGE = Duration.ofMinutes(5);
    static final Duration MIN_HEALTH_MAX_AGE = Duration.ofSeconds(10);
    static final Duration MAX_HEALTH_MAX_AGE = Duration.ofHours(1);
    static final String DEFAULT_JWKS_PATH = "/itsme/jwks";
    static final String DEFAULT_REQUEST_URI_PATH = "/itsme/request";
    static final String DEFAULT_COOKIE_NAME = "ITSME_LOGIN";
    static final int COOKIE_KEY_BYTES = 32;
    private static final Set<String> UI_LOCALES_ALLOWED = Set.of("fr", "nl", "de", "en");
    private static final Pattern LIST_SEPARATOR = Pattern.compile("[\\s,]+");
    private static final Pattern COOKIE_NAME_TOKEN = Pattern.compile("[A-Za-z0-9_\\-.]{1,64}");
    private static final String COOKIE_KEY_LABEL = "itsme-jakarta login-state cookie key v1";

    /** Each key and the annotation attribute that mirrors it. */
    private static final Map<String, Function<ItsmeAuthenticationMechanismDefinition, String>> ATTRIBUTES = Map
            .ofEntries(Map.entry(ENVIRONMENT, ItsmeAuthenticationMechanismDefinition::environment),
                    Map.entry(DISCOVERY_URI, ItsmeAuthenticationMechanismDefinition::discoveryUri),
                    Map.entry(CLIENT_ID, ItsmeAuthenticationMechanismDefinition::clientId),
                    Map.entry(SERVICE_CODE, ItsmeAuthenticationMechanismDefinition::serviceCode),
                    Map.entry(SHARE_DATA_SERVICE_CODE, ItsmeAuthenticationMechanismDefinition::shareDataServiceCode),
                    Map.entry(DATA_SHARING_SERVICE_CODE,
                            ItsmeAuthenticationMechanismDefinition::dataSharingServiceCode),
                    Map.entry(CONFIRM_SERVICE_CODE, ItsmeAuthenticationMechanismDefinition::confirmServiceCode),
                    Map.entry(REDIRECT_URI, ItsmeAuthenticationMechanismDefinition::redirectUri),
                    Map.entry(PRIVATE_JWKS, ItsmeAuthenticationMechanismDefinition::privateJwks),
                    Map.entry(PRIVATE_JWKS_LOCATION, ItsmeAuthenticationMechanismDefinition::privateJwksLocation),
                    Map.entry(KEYSTORE_LOCATION, ItsmeAuthenticationMechanismDefinition::keystoreLocation),
                    Map.entry(KEYSTORE_PASSWORD, ItsmeAuthenticationMechanismDefinition::keystorePassword),
                    Map.entry(KEYSTORE_SIGNING_ALIAS, ItsmeAuthenticationMechanismDefinition::keystoreSigningAlias),
                    Map.entry(KEYSTORE_ENCRYPTION_ALIAS,
                            ItsmeAuthenticationMechanismDefinition::keystoreEncryptionAlias),
                    Map.entry(SCOPES, ItsmeAuthenticationMechanismDefinition::scopes),
                    Map.entry(CLAIMS, ItsmeAuthenticationMechanismDefinition::claims),
                    Map.entry(ACR, ItsmeAuthenticationMechanismDefinition::acr),
                    Map.entry(CALLER_NAME_CLAIM, ItsmeAuthenticationMechanismDefinition::callerNameClaim),
                    Map.entry(DEFAULT_GROUPS, ItsmeAuthenticationMechanismDefinition::defaultGroups),
                    Map.entry(LOGIN_STATE, ItsmeAuthenticationMechanismDefinition::loginState),
                    Map.entry(REQUEST_OBJECT, ItsmeAuthenticationMechanismDefinition::requestObject),
                    Map.entry(REQUEST_OBJECT_STORE, ItsmeAuthenticationMechanismDefinition::requestObjectStore),
                    Map.entry(CONNECT_TIMEOUT, ItsmeAuthenticationMechanismDefinition::connectTimeout),
                    Map.entry(READ_TIMEOUT, ItsmeAuthenticationMechanismDefinition::readTimeout),
                    Map.entry(CLOCK_SKEW, ItsmeAuthenticationMechanismDefinition::clockSkew),
                    Map.entry(JWKS_REFETCH_INTERVAL, ItsmeAuthenticationMechanismDefinition::jwksRefetchInterval),
                    Map.entry(LOGIN_TIMEOUT, ItsmeAuthenticationMechanismDefinition::loginTimeout),
                    Map.entry(CALLBACK_PATH, ItsmeAuthenticationMechanismDefinition::callbackPath),
                    Map.entry(JWKS_PATH, ItsmeAuthenticationMechanismDefinition::jwksPath),
                    Map.entry(REQUEST_URI_PATH, ItsmeAuthenticationMechanismDefinition::requestUriPath),
                    Map.entry(COOKIE_SECRET, ItsmeAuthenticationMechanismDefinition::cookieSecret),
                    Map.entry(COOKIE_NAME, ItsmeAuthenticationMechanismDefinition::cookieName),
                    Map.entry(UI_LOCALES, ItsmeAuthenticationMechanismDefinition::uiLocales),
                    Map.entry(DETECT_API_CLIENTS, ItsmeAuthenticationMechanismDefinition::detectApiClients),
                    Map.entry(API_PATHS, ItsmeAuthenticationMechanismDefinition::apiPaths),
                    Map.entry(QUALIFIERS, d -> Arrays.stream(d.qualifiers()).map(Class::getName)
                            .collect(Collectors.joining(" "))));

    /** The outcome: settings when {@link #problems()} is empty, else {@code null} settings. */
    public record Resolution(ItsmeSettings settings, List<String> problems) {
        public Resolution {
            problems = List.copyOf(problems);
        }

        public boolean isValid() {
            return problems.isEmpty();
        }
    }

    /** A named service's name: safe in a URL path ({@code <jwks-path>/<name>}) and in a config key. */
    private static final Pattern SERVICE_NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final List<String> KEY_SOURCES = List.of(PRIVATE_JWKS, PRIVATE_JWKS_LOCATION, KEYSTORE_LOCATION);
    private static final List<String> SERVICE_KEY_SETTINGS = List.of(PRIVATE_JWKS, PRIVATE_JWKS_LOCATION,
            KEYSTORE_LOCATION, KEYSTORE_PASSWORD, KEYSTORE_SIGNING_ALIAS, KEYSTORE_ENCRYPTION_ALIAS);

    private final Function<String, Optional<String>> config;
    private final Iterable<String> propertyNames;
    private final ItsmeAuthenticationMechanismDefinition definition;
    private final UnaryOperator<String> el;
    private final List<String> problems = new ArrayList<>();
    private final Map<String, Optional<String>> resolved = new HashMap<>();
    /** Every service name found under itsme.services., valid or not, for messages. */
    private final List<String> serviceNames = new ArrayList<>();

    private SettingsResolver(Function<String, Optional<String>> config, Iterable<String> propertyNames,
            ItsmeAuthenticationMechanismDefinition definition, UnaryOperator<String> el) {
        this.config = config;
        this.propertyNames = propertyNames;
        this.definition = definition;
        this.el = el;
    }

    /** The keys that have an annotation attribute: all of {@code ItsmeConfigKeys}. */
    public static Set<String> keyNames() {
        return ATTRIBUTES.keySet();
    }

    /**
     * The mechanism's qualifiers by class name, with the same precedence as every key (MicroProfile Config, then the
     * annotation); needed while beans are discovered, before the other settings are resolved.
     */
    public static List<String> qualifierNames(Function<String, Optional<String>> config,
            ItsmeAuthenticationMechanismDefinition definition) {
        return new SettingsResolver(config, List.of(), definition, UnaryOperator.identity()).list(QUALIFIERS);
    }

    /**
     * Resolves and checks everything.
     *
     * @param config a MicroProfile Config lookup (an empty value counts as absent)
     * @param el evaluates an attribute holding {@code ${...}} or {@code #{...}}; may throw
     */
    public static Resolution resolve(Function<String, Optional<String>> config,
            ItsmeAuthenticationMechanismDefinition definition, UnaryOperator<String> el) {
        return resolve(config, List.of(), definition, el);
    }

    /**
     * Resolves and checks everything, the named services found among {@code propertyNames} (MicroProfile Config's
     * {@code getPropertyNames()}) included.
     */
    public static Resolution resolve(Function<String, Optional<String>> config, Iterable<String> propertyNames,
            ItsmeAuthenticationMechanismDefinition definition, UnaryOperator<String> el) {
        return new SettingsResolver(config, propertyNames, definition, el).resolve();
    }

    /** The raw value of {@code key} after precedence (config, annotation, nothing), trimmed; empty means unset. */
    Optional<String> raw(String key) {
        // memoised: an expression is evaluated, and its failure reported, once
        Optional<String> known = resolved.get(key);
        if (known == null) {
            known = lookup(key);
            resolved.put(key, known);
        }
        return known;
    }

    private Optional<String> lookup(String key) {
        Optional<String> configured = config.apply(key).map(String::trim).filter(s -> !s.isEmpty());
        if (configured.isPresent()) {
            return configured;
        }
        Function<ItsmeAuthenticationMechanismDefinition, String> attributeOf = ATTRIBUTES.get(key);
        // some keys (itsme.health.*) are MicroProfile Config keys only
        String attribute = attributeOf == null ? null : attributeOf.apply(definition);
        if (attribute == null || attribute.isBlank()) {
            return Optional.empty();
        }
        if (attribute.contains("${") || attribute.contains("#{")) {
            try {
                attribute = el.apply(attribute);
            } catch (RuntimeException e) {
                // the expression itself is safe to name; its value may not be, and is never printed
                problems.add(ItsmeCdiMessage.EL_FAILED.format(key, e.getClass().getSimpleName()));
                return Optional.empty();
            }
        }
        return Optional.ofNullable(attribute).map(String::trim).filter(s -> !s.isEmpty());
    }

    private Resolution resolve() {
        ItsmeEnvironment environment = enumValue(ENVIRONMENT, ItsmeEnvironment.class, ItsmeEnvironment.E2E);
        URI discovery;
        Optional<String> discoveryValue = raw(DISCOVERY_URI);
        if (discoveryValue.isPresent()) {
            environment = null; // an explicit discovery document overrides the environment
            discovery = httpsUri(DISCOVERY_URI, discoveryValue.get());
        } else {
            discovery = environment == null ? null : environment.discoveryUri();
        }
        String clientId = required(CLIENT_ID);
        String serviceCode = required(SERVICE_CODE);
        String shareData = raw(SHARE_DATA_SERVICE_CODE).orElse(null);
        String confirm = raw(CONFIRM_SERVICE_CODE).orElse(null);
        String dataSharing = raw(DATA_SHARING_SERVICE_CODE).orElse(null);
        URI redirect = raw(REDIRECT_URI).map(v -> redirectUri(REDIRECT_URI, v)).orElse(null);
        RelyingPartyKeys keys = keys(new KeyLookup() {
            @Override
            public Optional<String> value(String key) {
                return raw(key);
            }

            @Override
            public String name(String key) {
                return key;
            }
        });
        List<Scope> scopes = scopes(SCOPES, raw(SCOPES));
        List<String> claims = list(CLAIMS);
        Acr acr = raw(ACR).map(v -> acr(ACR, v)).orElse(Acr.BASIC);
        String callerNameClaim = raw(CALLER_NAME_CLAIM).orElse("sub");
        Set<String> groups = new LinkedHashSet<>(list(DEFAULT_GROUPS));
        LoginStateMode loginState = enumValue(LOGIN_STATE, LoginStateMode.class, LoginStateMode.SESSION);
        RequestObjectMode requestObject = enumValue(REQUEST_OBJECT, RequestObjectMode.class, RequestObjectMode.NONE);
        UserInfoMode userInfo = enumValue(USERINFO, UserInfoMode.class, UserInfoMode.LAZY);
        RequestObjectStoreMode requestObjectStore = enumValue(REQUEST_OBJECT_STORE, RequestObjectStoreMode.class,
                RequestObjectStoreMode.AUTO);
        if (requestObjectStore == RequestObjectStoreMode.JCACHE && !RequestObjectStores.jcacheVisible()) {
            problems.add(ItsmeCdiMessage.REQUEST_OBJECT_STORE_MISSING.format(REQUEST_OBJECT_STORE));
        }
        // defaults and limits are core's, so that the annotation and the builder never disagree
        Duration connect = duration(CONNECT_TIMEOUT, ItsmeDefaults.CONNECT_TIMEOUT, ItsmeDefaults::timeoutProblem);
        Duration read = duration(READ_TIMEOUT, ItsmeDefaults.READ_TIMEOUT, ItsmeDefaults::timeoutProblem);
        Duration skew = duration(CLOCK_SKEW, ItsmeDefaults.CLOCK_SKEW, ItsmeDefaults::clockSkewProblem);
        Duration jwksRefetch = duration(JWKS_REFETCH_INTERVAL, ItsmeDefaults.JWKS_REFETCH_INTERVAL,
                ItsmeDefaults::jwksRefetchIntervalProblem);
        Duration loginTimeout = duration(LOGIN_TIMEOUT, ItsmeDefaults.PENDING_LIFETIME,
                ItsmeDefaults::pendingLifetimeProblem);
        Duration healthMaxAge = duration(HEALTH_MAX_AGE, DEFAULT_HEALTH_MAX_AGE,
                d -> d.compareTo(MIN_HEALTH_MAX_AGE) < 0 || d.compareTo(MAX_HEALTH_MAX_AGE) > 0
                        ? Optional.of("must be from " + MIN_HEALTH_MAX_AGE + " to " + MAX_HEALTH_MAX_AGE)
                        : Optional.empty());
        String callbackPath = path(CALLBACK_PATH, DEFAULT_CALLBACK_PATH);
        String jwksPath = path(JWKS_PATH, DEFAULT_JWKS_PATH);
        String requestUriPath = path(REQUEST_URI_PATH, DEFAULT_REQUEST_URI_PATH);
        if (callbackPath.equals(jwksPath) || callbackPath.startsWith(requestUriPath + "/")
                || jwksPath.startsWith(requestUriPath + "/")) {
            problems.add(ItsmeCdiMessage.CONFIG_INVALID.format(CALLBACK_PATH + ", " + JWKS_PATH + ", "
                    + REQUEST_URI_PATH, "the endpoint paths must differ"));
        }
        String cookieName = raw(COOKIE_NAME).orElse(DEFAULT_COOKIE_NAME);
        if (!COOKIE_NAME_TOKEN.matcher(cookieName).matches()) {
            problems.add(ItsmeCdiMessage.CONFIG_INVALID.format(COOKIE_NAME, "use letters, digits, '-', '_', '.'"));
        }
        SecretKey cookieKey = loginState == LoginStateMode.COOKIE ? cookieKey(keys, clientId) : null;
        List<String> uiLocales = list(UI_LOCALES);
        for (String locale : uiLocales) {
            if (!UI_LOCALES_ALLOWED.contains(locale)) {
                problems.add(ItsmeCdiMessage.CONFIG_INVALID.format(UI_LOCALES, "'" + locale
                        + "' is not one of fr nl de en"));
            }
        }
        boolean detectApiClients = bool(DETECT_API_CLIENTS, true);
        List<String> apiPaths = new ArrayList<>();
        for (String prefix : list(API_PATHS)) {
            apiPaths.add(pathValue(API_PATHS, prefix, prefix));
        }
        List<String> qualifiers = list(QUALIFIERS);
        Map<String, NamedService> services = services(new TopLevel(clientId, keys, redirect, scopes, claims, acr,
                Map.of(Service.LOGIN, Optional.ofNullable(serviceCode), Service.SHARE_DATA,
                        Optional.ofNullable(shareData), Service.CONFIRM, Optional.ofNullable(confirm),
                        Service.DATA_SHARING, Optional.ofNullable(dataSharing))));
        String loginService = loginService(services);
        if (!services.isEmpty() && (callbackPath.startsWith(jwksPath + "/")
                || requestUriPath.startsWith(jwksPath + "/"))) {
            // each named service's JWK set is served at <jwks-path>/<name>
            problems.add(ItsmeCdiMessage.CONFIG_INVALID.format(CALLBACK_PATH + ", " + JWKS_PATH + ", "
                    + REQUEST_URI_PATH, "with named services nothing may lie under the JWK set path"));
        }
        if (!problems.isEmpty()) {
            return new Resolution(null, problems);
        }
        return new Resolution(new ItsmeSettings(environment, discovery, clientId, serviceCode, shareData, confirm,
                dataSharing, redirect, keys, scopes, claims, acr, callerNameClaim, groups, loginState, requestObject,
                connect, read,
                skew, jwksRefetch, loginTimeout, callbackPath, jwksPath, requestUriPath, cookieKey, cookieName,
                uiLocales, detectApiClients, apiPaths, qualifiers, requestObjectStore,
                healthMaxAge, userInfo, services, loginService), problems);
    }

    private String required(String key) {
        Optional<String> value = raw(key);
        if (value.isEmpty()) {
            problems.add(ItsmeCdiMessage.CONFIG_MISSING.format(key));
        }
        return value.orElse(null);
    }

    /**
     * Where the key settings come from, by top-level key: the top level itself, or a named service over it; the name
     * is the key the value came from, for messages.
     */
    private interface KeyLookup {
        Optional<String> value(String key);

        String name(String key);
    }

    private RelyingPartyKeys keys(KeyLookup l) {
        Optional<String> inline = l.value(PRIVATE_JWKS);
        Optional<String> location = l.value(PRIVATE_JWKS_LOCATION);
        Optional<String> keystore = l.value(KEYSTORE_LOCATION);
        List<String> sources = new ArrayList<>();
        inline.ifPresent(v -> sources.add(l.name(PRIVATE_JWKS)));
        location.ifPresent(v -> sources.add(l.name(PRIVATE_JWKS_LOCATION)));
        keystore.ifPresent(v -> sources.add(l.name(KEYSTORE_LOCATION)));
        if (sources.size() > 1) {
            problems.add(ItsmeCdiMessage.KEYS_AMBIGUOUS.format(sources.get(0), sources.get(1)));
            return null;
        }
        if (sources.isEmpty()) {
            problems.add(ItsmeCdiMessage.CONFIG_MISSING.format(l.name(PRIVATE_JWKS) + "' or '"
                    + l.name(PRIVATE_JWKS_LOCATION) + "' or '" + l.name(KEYSTORE_LOCATION)));
            return null;
        }
        if (keystore.isPresent()) {
            return keystoreKeys(l, keystore.get());
        }
        for (String key : List.of(KEYSTORE_PASSWORD, KEYSTORE_SIGNING_ALIAS, KEYSTORE_ENCRYPTION_ALIAS)) {
            if (l.value(key).isPresent()) {
                // a half-done switch to a keystore: say so rather than silently use the JWK set
                problems.add(ItsmeCdiMessage.CONFIG_INVALID.format(l.name(key), "it is used only with '"
                        + l.name(KEYSTORE_LOCATION) + "', which is not set"));
            }
        }
        try {
            return inline.isPresent()
                    ? RelyingPartyKeys.fromJwks(inline.get())
                    : RelyingPartyKeys.fromLocation(location.get());
        } catch (ItsmeConfigurationException e) {
            // core's message names the reason and never quotes key material
            problems.add(ItsmeCdiMessage.KEYS_UNUSABLE.format(l.name(inline.isPresent()
                    ? PRIVATE_JWKS
                    : PRIVATE_JWKS_LOCATION), e.getMessage()));
            return null;
        }
    }

    /**
     * The keys straight from a PKCS#12 keystore (RFC 7292), as servers keep them: no second copy of the private keys
     * in another format. The password is neither kept nor ever part of a problem.
     */
    private RelyingPartyKeys keystoreKeys(KeyLookup l, String location) {
        Optional<String> password = l.value(KEYSTORE_PASSWORD);
        List<String> signing = split(l.value(KEYSTORE_SIGNING_ALIAS));
        List<String> encryption = split(l.value(KEYSTORE_ENCRYPTION_ALIAS));
        boolean complete = true;
        for (String key : List.of(KEYSTORE_PASSWORD, KEYSTORE_SIGNING_ALIAS, KEYSTORE_ENCRYPTION_ALIAS)) {
            if (l.value(key).isEmpty()) {
                problems.add(ItsmeCdiMessage.CONFIG_MISSING.format(l.name(key)));
                complete = false;
            }
        }
        if (!complete) {
            return null;
        }
        char[] secret = password.get().toCharArray();
        try {
            Pkcs12KeyStore store = Pkcs12KeyStore.fromLocation(location, secret);
            try {
                return store.relyingPartyKeys(signing, encryption);
            } finally {
                store.forgetPassword();
            }
        } catch (ItsmeConfigurationException e) {
            // core's message names the file, the alias and the reason, never the password or key material
            problems.add(ItsmeCdiMessage.KEYS_UNUSABLE.format(l.name(KEYSTORE_LOCATION), e.getMessage()));
            return null;
        } finally {
            Arrays.fill(secret, '\0');
        }
    }

    private SecretKey cookieKey(RelyingPartyKeys keys, String clientId) {
        Optional<String> secret = raw(COOKIE_SECRET);
        if (secret.isPresent()) {
            byte[] bytes;
            try {
                bytes = Base64.getDecoder().decode(secret.get().replace('-', '+').replace('_', '/'));
            } catch (IllegalArgumentException e) {
                bytes = new byte[0];
            }
            if (bytes.length != COOKIE_KEY_BYTES) {
                problems.add(ItsmeCdiMessage.COOKIE_SECRET_INVALID.format(COOKIE_SECRET));
                return null;
            }
            return new SecretKeySpec(bytes, "AES");
        }
        if (keys == null) {
            return null; // already reported
        }
        return deriveCookieKey(keys, clientId);
    }

    /**
     * HMAC-SHA256 keyed with the active signing key's PKCS#8 encoding over a fixed label and the client id: every
     * node that holds the same private JWK set derives the same AES-256 key, and nobody without the private key can.
     * Rotating the active signing key changes it, which only fails the logins in progress at that moment.
     */
    static SecretKey deriveCookieKey(RelyingPartyKeys keys, String clientId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(keys.activeSigningKey().privateKey().getEncoded(), "HmacSHA256"));
            mac.update(COOKIE_KEY_LABEL.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            mac.update(String.valueOf(clientId).getBytes(StandardCharsets.UTF_8));
            return new SecretKeySpec(mac.doFinal(), "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private URI redirectUri(String key, String value) {
        URI redirect = httpsUri(key, value);
        if (redirect != null && redirect.getRawFragment() != null) {
            problems.add(ItsmeCdiMessage.CONFIG_INVALID.format(key, "a redirect URI has no fragment"));
            return null;
        }
        return redirect;
    }

    private URI httpsUri(String key, String value) {
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            problems.add(ItsmeCdiMessage.CONFIG_INVALID.format(key, "not a URI: " + value));
            return null;
        }
        if (!uri.isAbsolute() || uri.getHost() == null) {
            problems.add(ItsmeCdiMessage.CONFIG_INVALID.format(key, "not an absolute URI with a host: " + value));
            return null;
        }
        if (LoopbackUris.isSecureOrLoopback(uri)) {
            return uri;
        }
        problems.add(ItsmeCdiMessage.CONFIG_INSECURE_URI.format(key, value));
        return null;
    }

    private Acr acr(String key, String value) {
        switch (value.toLowerCase(Locale.ROOT)) {
            case "basic" :
                return Acr.BASIC;
            case "advanced" :
                return Acr.ADVANCED;
            default :
                Optional<Acr> byUri = Acr.find(value);
                if (byUri.isEmpty()) {
                    problems.add(ItsmeCdiMessage.CONFIG_INVALID.format(key, "'" + value
                            + "' is not basic or advanced"));
                }
                return byUri.orElse(Acr.BASIC);
        }
    }

    private <E extends Enum<E>> E enumValue(String key, Class<E> type, E defaultValue) {
        Optional<String> value = raw(key);
        if (value.isEmpty()) {
            return defaultValue;
        }
        String name = value.get().toUpperCase(Locale.ROOT).replace('-', '_');
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(name)) {
                return constant;
            }
        }
        List<String> allowed = new ArrayList<>();
        for (E constant : type.getEnumConstants()) {
            allowed.add(constant.name().toLowerCase(Locale.ROOT));
        }
        problems.add(ItsmeCdiMessage.CONFIG_INVALID.format(key, "'" + value.get() + "' is not one of "
                + String.join(", ", allowed)));
        return null;
    }

    private Duration duration(String key, Duration defaultValue, Function<Duration, Optional<String>> check) {
        Optional<String> value = raw(key);
        if (value.isEmpty()) {
            return defaultValue;
        }
        Duration d;
        try {
            String v = value.get();
            d = v.chars().allMatch(Character::isDigit)
                    ? Duration.ofSeconds(Long.parseLong(v))
                    : Duration.parse(v.toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException | NumberFormatException e) {
            problems.add(ItsmeCdiMessage.CONFIG_INVALID.format(key, "'" + value.get()
                    + "' is not an ISO-8601 duration (PT10S) or a number of seconds"));
            return defaultValue;
        }
        Optional<String> problem = check.apply(d);
        if (problem.isPresent()) {
            problems.add(ItsmeCdiMessage.CONFIG_INVALID.format(key, problem.get()));
            return defaultValue;
        }
        return d;
    }

    private boolean bool(String key, boolean defaultValue) {
        Optional<String> value = raw(key).map(v -> v.toLowerCase(Locale.ROOT));
        if (value.isEmpty()) {
            return defaultValue;
        }
        if (!value.get().equals("true") && !value.get().equals("false")) {
            problems.add(ItsmeCdiMessage.CONFIG_INVALID.format(key, "'" + value.get() + "' is not true or false"));
            return defaultValue;
        }
        return Boolean.parseBoolean(value.get());
    }

    private String path(String key, String defaultValue) {
        return pathValue(key, raw(key).orElse(defaultValue), defaultValue);
    }

    private String pathValue(String key, String value, String defaultValue) {
        if (!value.startsWith("/") || value.startsWith("//") || value.length() < 2 || value.endsWith("/")
                || !value.chars().allMatch(c -> c > 0x20 && c < 0x7f && c != '?' && c != '#' && c != '\\')) {
            problems.add(ItsmeCdiMessage.CONFIG_INVALID.format(key, "'" + value
                    + "' must be a path starting with one '/', without query, fragment or trailing '/'"));
            return defaultValue;
        }
        return value;
    }

    private List<String> list(String key) {
        return split(raw(key));
    }

    private static List<String> split(Optional<String> value) {
        return value.map(v -> List.of(LIST_SEPARATOR.split(v))).orElse(List.of()).stream()
                .filter(s -> !s.isEmpty()).distinct().toList();
    }

    private List<Scope> scopes(String key, Optional<String> value) {
        List<Scope> scopes = new ArrayList<>();
        for (String s : split(value)) {
            try {
                scopes.add(Scope.fromValue(s));
            } catch (IllegalArgumentException e) {
                problems.add(ItsmeCdiMessage.CONFIG_INVALID.format(key, "unknown scope '" + s
                        + "' (profile email address phone eid idDocument)"));
            }
        }
        return scopes;
    }

    /** What a named service falls back to: the top level's resolved values ({@code null} where they are invalid). */
    private record TopLevel(String clientId, RelyingPartyKeys keys, URI redirectUri, List<Scope> scopes,
            List<String> claims, Acr acr, Map<Service, Optional<String>> serviceCodes) {
    }

    /**
     * The named services: every name found under {@value io.github.itsmejakarta.cdi.ItsmeConfigKeys#SERVICES} among
     * the property names, each resolved over the top level; their problems carry ITSME-1740 and the service's name.
     * Then one client id must have one key set (ITSME-1744), the top level's included.
     */
    private Map<String, NamedService> services(TopLevel top) {
        TreeMap<String, String> names = new TreeMap<>(); // name -> a property that named it
        for (String property : propertyNames) {
            if (property.startsWith(SERVICES)) {
                int dot = property.indexOf('.', SERVICES.length());
                if (dot < 0) {
                    continue; // no key after the name: UnknownKeys warns about it
                }
                names.putIfAbsent(property.substring(SERVICES.length(), dot), property);
            }
        }
        Map<String, NamedService> services = new LinkedHashMap<>();
        serviceNames.addAll(names.keySet());
        for (Map.Entry<String, String> found : names.entrySet()) {
            String name = found.getKey();
            if (!SERVICE_NAME.matcher(name).matches()) {
                problems.add(ItsmeCdiMessage.SERVICE_NAME_INVALID.format(name, found.getValue()));
                continue;
            }
            int mark = problems.size();
            NamedService service = service(name, top);
            List<String> own = new ArrayList<>(problems.subList(mark, problems.size()));
            problems.subList(mark, problems.size()).clear();
            own.forEach(p -> problems.add(ItsmeCdiMessage.SERVICE_INVALID.format(name, p)));
            if (own.isEmpty()) {
                services.put(name, service);
            }
        }
        // one client id, one JWK set: itsme verifies every client assertion of a client id with the same keys
        Map<String, String> firstHolder = new HashMap<>();
        Map<String, String> firstJwks = new HashMap<>();
        if (top.clientId() != null && top.keys() != null) {
            firstHolder.put(top.clientId(), "the top-level settings");
            firstJwks.put(top.clientId(), top.keys().publicJwkSetJson());
        }
        for (NamedService s : services.values()) {
            String jwks = s.keys().publicJwkSetJson();
            String known = firstJwks.putIfAbsent(s.clientId(), jwks);
            firstHolder.putIfAbsent(s.clientId(), "service '" + s.name() + "'");
            if (known != null && !known.equals(jwks)) {
                problems.add(ItsmeCdiMessage.CLIENT_KEYS_CONFLICT.format(s.clientId(), firstHolder.get(s.clientId()),
                        "service '" + s.name() + "'"));
            }
        }
        return services;
    }

    /** One named service over the top level; problems go to {@link #problems} unwrapped. */
    private NamedService service(String name, TopLevel top) {
        // a top-level key to the service's value of the same meaning
        Function<String, Optional<String>> own = key -> config
                .apply(ServiceKeys.key(name, key.substring(UnknownKeys.PREFIX.length()))).map(String::trim)
                .filter(v -> !v.isEmpty());
        Function<String, String> ownName = key -> ServiceKeys.key(name, key.substring(UnknownKeys.PREFIX.length()));
        String flowKey = ServiceKeys.key(name, ServiceKeys.FLOW);
        Service flow = config.apply(flowKey).map(String::trim).filter(v -> !v.isEmpty()).map(v -> flow(flowKey, v))
                .orElse(Service.LOGIN);
        String serviceCode = own.apply(SERVICE_CODE)
                .or(() -> flow == null ? Optional.empty() : top.serviceCodes().get(flow)).orElse(null);
        if (serviceCode == null && flow != null) {
            problems.add(ItsmeCdiMessage.CONFIG_MISSING.format(ownName.apply(SERVICE_CODE)));
        }
        List<Scope> scopes = own.apply(SCOPES).isPresent()
                ? scopes(ownName.apply(SCOPES), own.apply(SCOPES))
                : top.scopes();
        List<String> claims = own.apply(CLAIMS).isPresent() ? split(own.apply(CLAIMS)) : top.claims();
        Acr acr = own.apply(ACR).map(v -> acr(ownName.apply(ACR), v)).orElse(top.acr());
        String clientId = own.apply(CLIENT_ID).orElse(top.clientId());
        URI redirect = own.apply(REDIRECT_URI).map(v -> redirectUri(ownName.apply(REDIRECT_URI), v))
                .orElse(top.redirectUri());
        boolean ownKeys = SERVICE_KEY_SETTINGS.stream().anyMatch(k -> own.apply(k).isPresent());
        RelyingPartyKeys keys = top.keys();
        if (ownKeys) {
            // the service's own key source replaces the top level's; password and aliases fall back one by one,
            // so that one keystore can hold the keys of several clients under other aliases
            boolean ownSource = KEY_SOURCES.stream().anyMatch(k -> own.apply(k).isPresent());
            keys = keys(new KeyLookup() {
                @Override
                public Optional<String> value(String key) {
                    return ownSource && KEY_SOURCES.contains(key) ? own.apply(key) : own.apply(key).or(() -> raw(key));
                }

                @Override
                public String name(String key) {
                    if (own.apply(key).isPresent() || ownSource && KEY_SOURCES.contains(key)) {
                        return ownName.apply(key);
                    }
                    // from the top level, or missing in both places
                    return raw(key).isPresent() ? key : ownName.apply(key) + "' or '" + key;
                }
            });
        }
        if (flow == null || serviceCode == null || clientId == null || keys == null || acr == null) {
            return null; // reported: here, or at the top level
        }
        return new NamedService(name, flow, serviceCode, scopes, claims, acr, clientId, keys, redirect);
    }

    /** The flow of a named service, by this library's name or itsme's. */
    private Service flow(String key, String value) {
        switch (value.toLowerCase(Locale.ROOT)) {
            case "login", "authentication" :
                return Service.LOGIN;
            case "share-data", "identification" :
                return Service.SHARE_DATA;
            case "confirm", "confirmation" :
                return Service.CONFIRM;
            case "data-sharing" :
                return Service.DATA_SHARING;
            default :
                problems.add(ItsmeCdiMessage.CONFIG_INVALID.format(key, "'" + value + "' is not one of login"
                        + " (authentication), share-data (identification), confirm (confirmation), data-sharing"));
                return null;
        }
    }

    /**
     * The named service protected resources use, checked: it exists, and it can log a caller in without per-call
     * parameters (no Confirm; Identification and Data Sharing only with a user claim configured, ITSME-1020).
     */
    private String loginService(Map<String, NamedService> services) {
        Optional<String> name = raw(LOGIN_SERVICE);
        if (name.isEmpty()) {
            return null;
        }
        NamedService service = services.get(name.get());
        if (service == null) {
            // a service with problems of its own is already reported under its name
            if (problems.stream().noneMatch(p -> p.startsWith(ItsmeCdiMessage.SERVICE_INVALID.id() + ": Service '"
                    + name.get() + "'"))) {
                problems.add(ItsmeCdiMessage.SERVICE_UNKNOWN.format(name.get(), serviceNames.isEmpty()
                        ? "none"
                        : String.join(", ", serviceNames)));
            }
            return null;
        }
        if (service.flow() == Service.CONFIRM) {
            problems.add(ItsmeCdiMessage.LOGIN_SERVICE_UNSUITABLE.format(LOGIN_SERVICE, service.name(), "confirm"));
            return null;
        }
        if (service.flow().needsUserClaim() && !AuthorizationRequest.shareData(service.serviceCode())
                .scopes(service.scopes().toArray(Scope[]::new))
                .claims(ClaimsRequest.idToken(service.claims().toArray(String[]::new))).asksForUserClaim()) {
            problems.add(ItsmeCdiMessage.SERVICE_INVALID.format(service.name(), ItsmeMessage.SERVICE_NEEDS_USER_CLAIM
                    .format(service.flow().itsmeName(), service.serviceCode())));
        }
        return service.name();
    }
}
