package io.github.itsmejakarta.cdi;

import io.github.itsmejakarta.core.MessageId;

/**
 * The messages of the Jakarta integration, ids {@code ITSME-17xx} (core's {@code ItsmeMessage} holds 10xx-16xx).
 *
 * <p>17 0x-1x: deployment (configuration) problems, reported together in one deployment error. 172x-173x: what
 * happens to a request; these ids appear on error pages and in log lines. Texts never carry a token, code, verifier,
 * cookie or key: only key names, paths and ids. Ids are never reused or renumbered; the module README lists them.
 *
 * <p>Immutable and thread-safe (an enum).
 */
public enum ItsmeCdiMessage implements MessageId {
    /** A required key has no value. */
    CONFIG_MISSING("ITSME-1701", "Required setting '%s' is missing"),
    /** A value cannot be read. */
    CONFIG_INVALID("ITSME-1702", "Setting '%s' is invalid: %s"),
    /** A URI to itsme or the callback is plain http to a non-loopback host. */
    CONFIG_INSECURE_URI("ITSME-1703", "Setting '%s' must use https (plain http only to loopback addresses): %s"),
    /** The private JWK set cannot be used; the core message (ITSME-101x) names the reason. */
    KEYS_UNUSABLE("ITSME-1704", "The private JWK set from '%s' cannot be used: %s"),
    /** Both the inline JWK set and its location are set. */
    KEYS_AMBIGUOUS("ITSME-1705", "Set only one of '%s' and '%s'"),
    /** More than one class carries the definition. */
    DEFINITION_DUPLICATE("ITSME-1706", "@ItsmeAuthenticationMechanismDefinition appears on more than one class: %s"),
    /** An EL expression in an annotation attribute failed. */
    EL_FAILED("ITSME-1707", "The expression of '%s' could not be evaluated: %s"),
    /** The cookie secret is not 32 bytes of base64. */
    COOKIE_SECRET_INVALID("ITSME-1708", "Setting '%s' must be 32 bytes, base64-encoded"),
    /** Core refused to build a client from the settings (its own id, e.g. ITSME-1006, follows). */
    CLIENT_INVALID("ITSME-1710", "The itsme client cannot be built from these settings: %s"),
    /** The summary heading the deployment error. */
    DEPLOYMENT_INVALID("ITSME-1709", "itsme login is misconfigured (%s problem(s)): %s"),

    /** The callback's state matches no login in progress of this browser. */
    LOGIN_NOT_IN_PROGRESS("ITSME-1721",
            "No itsme login of this browser matches the callback (state missing, unknown, expired or already used)"),
    /** The login failed a check or itsme refused it; the cause's id follows. */
    LOGIN_FAILED("ITSME-1722", "The itsme login failed (%s)"),
    /** itsme could not be reached or said it is temporarily unavailable. */
    ITSME_UNAVAILABLE("ITSME-1723", "itsme is temporarily unavailable (%s)"),
    /** The identity stores did not accept the caller. */
    CREDENTIAL_REFUSED("ITSME-1724", "The identity stores did not accept the itsme caller (%s)"),
    /** A return URL that is not a path of this application was refused. */
    RETURN_URL_REFUSED("ITSME-1725", "A return URL that is not a path of this application was refused"),
    /** The login-state cookie was absent, tampered with, expired or for another login. */
    COOKIE_STATE_INVALID("ITSME-1726", "The login-state cookie is invalid, expired or for another login"),
    /** A request object was asked for that is unknown, expired or already served. */
    REQUEST_OBJECT_UNKNOWN("ITSME-1727", "The request object is unknown, expired or was already fetched"),
    /** A flow was started whose service code is not configured. */
    SERVICE_NOT_CONFIGURED("ITSME-1728", "A %s flow was requested but '%s' is not set"),
    /** A flow started by a logged-in caller came back from itsme for another person ({@code sub}); refused. */
    FLOW_FOR_ANOTHER_PERSON("ITSME-1731", "The itsme %s flow was started by a logged-in caller but itsme authenticated"
            + " another person; the session is unchanged and nothing was confirmed"),
    /** No redirect URI is configured and the application is reached under a non-loopback host name; logged once. */
    REDIRECT_URI_FROM_REQUEST("ITSME-1732", "'%s' is not set and the application is reached under a non-loopback"
            + " host name: each login's callback URL is built from the request's Host header. Set it in production"),
    /** The host name of a request that starts a login forms no usable callback URL. */
    HOST_UNUSABLE("ITSME-1733", "The request's host name does not form a usable callback URL (https, or plain http"
            + " to a loopback host); set '%s'"),
    /** WildFly's undertow runs the mechanism with integrated JASPI: the fix. */
    WILDFLY_INTEGRATED_JASPI("ITSME-1734", "This is WildFly's failure for a custom mechanism under integrated JASPI:"
            + " set integrated-jaspi=false on /subsystem=undertow/application-security-domain=other (see the README,"
            + " Servers, WildFly)"),
    /** A configuration property under {@code itsme.} that no setting has (a warning at deployment). */
    CONFIG_KEY_UNKNOWN("ITSME-1735", "Unknown setting '%s': %s"),
    /** itsme's discovery document has never been reached since deployment: most likely the configuration. */
    DISCOVERY_NEVER_REACHED("ITSME-1736", "itsme's discovery document at %s has not been reached since deployment"
            + " (%s): most likely a configuration problem: check '%s' or '%s' and that this server has a route to it"),
    /** A problem of one named service ({@code itsme.services.<name>.*}); the inner message (ITSME-17xx) follows. */
    SERVICE_INVALID("ITSME-1740", "Service '%s': %s"),
    /** A flow or {@code itsme.login-service} names a service that is not configured. */
    SERVICE_UNKNOWN("ITSME-1741", "No itsme service named '%s' is configured (named services: %s)"),
    /** A name under {@code itsme.services.} is not a usable service name. */
    SERVICE_NAME_INVALID("ITSME-1742",
            "'%s' (in '%s') is not a service name: use 1 to 64 letters, digits, '-' or '_'"),
    /** A flow of one type was started for a named service of another type. */
    SERVICE_FLOW_MISMATCH("ITSME-1743", "A %s flow was started for service '%s', which is a %s service"),
    /** One client id with two different key sets: itsme knows one JWK set per client id. */
    CLIENT_KEYS_CONFLICT("ITSME-1744", "Client id '%s' has different keys in %s and %s: itsme registers one JWK set"
            + " per client id; give the service a client id of its own or the same keys"),
    /** {@code itsme.login-service} names a service that cannot log a caller in. */
    LOGIN_SERVICE_UNSUITABLE("ITSME-1745", "'%s' names service '%s', a %s service: protected resources need a login,"
            + " share-data or data-sharing service"),
    /** The callback's login was started for a service this deployment no longer has (a redeployment between). */
    SERVICE_GONE("ITSME-1746", "The login in progress was started for service '%s', which is not configured"),
    /** Where request objects wait for itsme's fetch, logged once at deployment in reference mode. */
    REQUEST_OBJECTS_KEPT_IN("ITSME-1750", "Request objects for request_uri are kept in %s"),
    /** {@code itsme.request-object-store=jcache} and no JCache can be found. */
    REQUEST_OBJECT_STORE_MISSING("ITSME-1751",
            "'%s' is jcache but the server offers no JCache CacheManager (payara/CacheManager) and JCache has no default provider"),
    /** Reference mode with request objects in one node's memory: behind a balancer the fetch may miss them. */
    REQUEST_OBJECTS_NODE_LOCAL("ITSME-1752",
            "Request objects for request_uri are kept in the memory of each node: behind a load balancer, itsme's fetch must reach the node that started the login (route %s to it, use a server with JCache, or set '%s=value')"),
    /** The distributed cache failed while a request object was stored or fetched. */
    REQUEST_OBJECT_STORE_FAILED("ITSME-1753", "The request object store failed (%s)"),
    /** The mechanism failed unexpectedly. */
    INTERNAL_ERROR("ITSME-1730", "The itsme login could not be completed because of an internal error (%s)"),

    /**
     * The container failed when asked to authenticate the anonymous caller of a JAX-RS resource that
     * {@code @RolesAllowed} protects (the request answers 500).
     */
    ROLES_AUTHENTICATION_FAILED("ITSME-1760",
            "The container could not authenticate the caller of the @RolesAllowed resource '%s'"),
    /**
     * Qualifiers were configured for the mechanism on a server without Jakarta Security 4.0: nothing would select
     * a qualified mechanism, so no login would ever happen.
     */
    QUALIFIERS_NEED_SECURITY_4("ITSME-1761",
            "Setting '%s' (%s) needs Jakarta Security 4.0 (a Jakarta EE 11 server): on this server no mechanism handler would select a qualified mechanism; leave it empty here"),
    /**
     * The server asked the deployment's unqualified placeholder mechanism to authenticate a protected request: the
     * itsme mechanism is qualified but no application {@code HttpAuthenticationMechanismHandler} selected a
     * mechanism (the request is refused).
     */
    QUALIFIED_MECHANISM_NOT_SELECTED("ITSME-1762",
            "The itsme mechanism is qualified but the server asked no qualified mechanism: provide an HttpAuthenticationMechanismHandler (Jakarta Security 4.0) that selects one; protected requests are refused until then"),
    /** A CDI observer of a login event threw; the login itself went on. */
    EVENT_OBSERVER_FAILED("ITSME-1771", "An observer of %s threw %s; the login went on"),
    /** The readiness check has not read itsme yet (or a check is running for the first time). */
    HEALTH_NOT_CHECKED("ITSME-1772", "itsme has not been read successfully yet");

    private final String id;
    private final String template;

    ItsmeCdiMessage(String id, String template) {
        this.id = id;
        this.template = template;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String template() {
        return template;
    }
}
