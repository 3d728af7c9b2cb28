package io.github.itsmejakarta.core;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The parameters itsme sent back to the redirect URI (RFC 6749 4.1.2 and 4.1.2.1; RFC 9207 {@code iss}). Only the
 * parameters that matter are kept: {@code code}, {@code state}, {@code error}, {@code error_description},
 * {@code iss}. A parameter that appears twice is refused (RFC 6749 3.1: "Request and response parameters MUST NOT
 * be included more than once"), as a duplicated {@code state} or {@code code} is an injection attempt.
 *
 * <p>Immutable and thread-safe. {@link #toString()} leaves the code out.
 */
public final class AuthorizationResponse {
    private static final String[] KEPT = {"code", "state", "error", "error_description", "iss"};

    private final String code;
    private final String state;
    private final String error;
    private final String errorDescription;
    private final String issuer;

    private AuthorizationResponse(Map<String, String> p) {
        this.code = blankToNull(p.get("code"));
        this.state = blankToNull(p.get("state"));
        this.error = blankToNull(p.get("error"));
        this.errorDescription = blankToNull(p.get("error_description"));
        this.issuer = blankToNull(p.get("iss"));
    }

    /** From single-valued parameters. */
    public static AuthorizationResponse of(Map<String, String> parameters) {
        return new AuthorizationResponse(Objects.requireNonNull(parameters, "parameters"));
    }

    /**
     * From a servlet-style parameter map ({@code HttpServletRequest.getParameterMap()}).
     *
     * @throws ItsmeRejectedException ITSME-1208 if {@code code}, {@code state}, {@code error},
     *             {@code error_description} or {@code iss} appears more than once
     */
    public static AuthorizationResponse fromParameterMap(Map<String, String[]> parameters)
            throws ItsmeRejectedException {
        Objects.requireNonNull(parameters, "parameters");
        Map<String, String> single = new HashMap<>();
        for (String name : KEPT) {
            String[] values = parameters.get(name);
            if (values == null || values.length == 0) {
                continue;
            }
            if (values.length > 1) {
                throw new ItsmeRejectedException(ItsmeMessage.CALLBACK_PARAMETER_REPEATED, name);
            }
            single.put(name, values[0]);
        }
        return new AuthorizationResponse(single);
    }

    /**
     * From the callback URL's raw query string.
     *
     * @throws ItsmeRejectedException ITSME-1208 if a kept parameter appears more than once
     */
    public static AuthorizationResponse fromQuery(String rawQuery) throws ItsmeRejectedException {
        Map<String, String> single = new HashMap<>();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&")) {
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                if (isKept(name) && single.putIfAbsent(name, value) != null) {
                    throw new ItsmeRejectedException(ItsmeMessage.CALLBACK_PARAMETER_REPEATED, name);
                }
            }
        }
        return new AuthorizationResponse(single);
    }

    /** From the full callback URL. */
    public static AuthorizationResponse fromUri(URI callback) throws ItsmeRejectedException {
        return fromQuery(callback.getRawQuery());
    }

    private static boolean isKept(String name) {
        for (String k : KEPT) {
            if (k.equals(name)) {
                return true;
            }
        }
        return false;
    }

    private static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    /** The authorization code. */
    public Optional<String> code() {
        return Optional.ofNullable(code);
    }

    /** The echoed {@code state}. */
    public Optional<String> state() {
        return Optional.ofNullable(state);
    }

    /** itsme's error code, if the authorization failed. */
    public Optional<String> error() {
        return Optional.ofNullable(error);
    }

    /** itsme's error description. */
    public Optional<String> errorDescription() {
        return Optional.ofNullable(errorDescription);
    }

    /** The {@code iss} parameter (RFC 9207), if itsme sent one. */
    public Optional<String> issuer() {
        return Optional.ofNullable(issuer);
    }

    /** Whether this is an error response. */
    public boolean isError() {
        return error != null;
    }

    @Override
    public String toString() {
        return "AuthorizationResponse[" + (error != null ? "error=" + error : "code=" + (code != null ? "***" : "none"))
                + "]";
    }
}
