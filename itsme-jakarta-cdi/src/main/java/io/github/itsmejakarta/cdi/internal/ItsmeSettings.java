package io.github.itsmejakarta.cdi.internal;

import io.github.itsmejakarta.core.Acr;
import io.github.itsmejakarta.core.ItsmeEnvironment;
import io.github.itsmejakarta.core.RequestObjectMode;
import io.github.itsmejakarta.core.Scope;
import io.github.itsmejakarta.core.keys.RelyingPartyKeys;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import javax.crypto.SecretKey;

/**
 * The mechanism's settings, resolved and validated once at deployment by {@link SettingsResolver}. Nullable
 * components are noted; collections are immutable copies.
 *
 * <p>Immutable and thread-safe. {@link #toString()} leaves out the keys and the cookie key.
 *
 * @param environment the itsme environment, or {@code null} when {@code discoveryUri} was configured directly
 * @param shareDataServiceCode nullable
 * @param confirmServiceCode nullable
 * @param dataSharingServiceCode nullable
 * @param redirectUri nullable: then built from the request that starts the login
 * @param cookieKey the AES-256 key of the login-state cookie; {@code null} in session mode
 * @param detectApiClients whether requests that cannot follow a redirect get 401 rather than a 302 to itsme
 * @param apiPaths path prefixes whose unauthenticated requests always get 401
 * @param qualifiers the class names of the mechanism bean's qualifiers; empty: {@code @Default}
 * @param requestObjectStore where request objects wait for itsme's fetch in reference mode
 * @param userInfo whether userinfo may be fetched after the login, and so whether the session keeps the access token
 * @param services the named services ({@code itsme.services.<name>.*}) by name, sorted by name; empty if none
 * @param loginService the named service protected resources log in with; {@code null}: the top-level service
 */
public record ItsmeSettings(ItsmeEnvironment environment, URI discoveryUri, String clientId, String serviceCode,
        String shareDataServiceCode, String confirmServiceCode, String dataSharingServiceCode, URI redirectUri,
        RelyingPartyKeys keys,
        List<Scope> scopes, List<String> claims, Acr acr, String callerNameClaim, Set<String> defaultGroups,
        LoginStateMode loginState, RequestObjectMode requestObject, Duration connectTimeout, Duration readTimeout,
        Duration clockSkew, Duration jwksRefetchInterval, Duration loginTimeout, String callbackPath, String jwksPath,
        String requestUriPath, SecretKey cookieKey, String cookieName, List<String> uiLocales, boolean detectApiClients,
        List<String> apiPaths, List<String> qualifiers, RequestObjectStoreMode requestObjectStore,
        Duration healthMaxAge, UserInfoMode userInfo, java.util.Map<String, NamedService> services,
        String loginService) {

    public ItsmeSettings {
        scopes = List.copyOf(scopes);
        claims = List.copyOf(claims);
        defaultGroups = Set.copyOf(defaultGroups);
        uiLocales = List.copyOf(uiLocales);
        apiPaths = List.copyOf(apiPaths);
        qualifiers = List.copyOf(qualifiers);
        // insertion order kept (names sorted by the resolver), so that logs and the JWK set paths list stably
        services = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(services));
    }

    @Override
    public String toString() {
        return "ItsmeSettings[discoveryUri=" + discoveryUri + ", clientId=" + clientId + ", serviceCode=" + serviceCode
                + ", redirectUri=" + redirectUri + ", keys=" + keys.keyIds() + ", loginState=" + loginState
                + ", requestObject=" + requestObject + ", callbackPath=" + callbackPath + ", detectApiClients="
                + detectApiClients + ", apiPaths=" + apiPaths + ", qualifiers=" + qualifiers + ", services="
                + services.values() + ", loginService=" + loginService + "]";
    }
}
