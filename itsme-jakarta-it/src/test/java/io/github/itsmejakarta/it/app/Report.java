package io.github.itsmejakarta.it.app;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.github.itsmejakarta.cdi.ItsmeCallerPrincipal;
import io.github.itsmejakarta.cdi.ItsmeContext;
import io.github.itsmejakarta.core.claims.Address;
import io.github.itsmejakarta.core.claims.ItsmeClaims;
import jakarta.servlet.http.HttpServletResponse;

/**
 * What the application sees, as {@code key=value} lines a test can read: the caller principal from Jakarta Security,
 * and the typed claims from {@link ItsmeContext}.
 */
public final class Report {

    private final Map<String, Object> lines = new LinkedHashMap<>();

    public Report put(String key, Object value) {
        lines.put(key, value instanceof Optional<?> o ? o.map(String::valueOf).orElse("-") : String.valueOf(value));
        return this;
    }

    /**
     * The caller and the claims as the application reads them: the ID token's claims, and with
     * {@code withUserInfo} also the userinfo claims ({@code ui-} keys; one call to itsme, kept in the session).
     */
    public static Report of(java.security.Principal principal, ItsmeContext itsme, boolean withUserInfo) {
        Report report = of(principal, itsme);
        if (withUserInfo) {
            try {
                ItsmeClaims info = itsme.userInfo().map(u -> u.claims()).orElse(ItsmeClaims.empty());
                report.put("ui-name", info.name());
                report.put("ui-birthdate", info.birthdate());
                report.put("ui-birthdate-year", info.birthdate().map(d -> d.getYear()));
                report.put("ui-national-number", info.belgianNationalNumber());
                report.put("ui-locality", info.address().map(Address::locality));
            } catch (io.github.itsmejakarta.core.ItsmeException e) {
                report.put("ui-error", e.messageId());
            }
        }
        return report;
    }

    /** The caller and the ID token's claims as the application reads them. */
    public static Report of(java.security.Principal principal, ItsmeContext itsme) {
        Report report = new Report();
        report.put("caller", principal == null ? "-" : principal.getName());
        report.put("principal-type", principal == null ? "-" : principal.getClass().getSimpleName());
        report.put("itsme-principal", principal instanceof ItsmeCallerPrincipal);
        report.put("authenticated", itsme.isAuthenticated());
        report.put("sub", itsme.caller().map(ItsmeCallerPrincipal::sub));
        report.put("acr", itsme.acr());
        report.put("issuer", itsme.identity().map(i -> i.issuer()));
        ItsmeClaims claims = itsme.claims().orElse(ItsmeClaims.empty());
        report.put("name", claims.name());
        report.put("birthdate", claims.birthdate());
        report.put("birthdate-year", claims.birthdate().map(d -> d.getYear()));
        report.put("national-number", claims.belgianNationalNumber());
        report.put("locality", claims.address().map(Address::locality));
        report.put("email", claims.email());
        report.put("claim-names", new java.util.TreeSet<>(claims.names()));
        return report;
    }

    public void write(HttpServletResponse response) throws IOException {
        response.setContentType("text/plain;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        StringBuilder body = new StringBuilder();
        lines.forEach((k, v) -> body.append(k).append('=').append(v).append('\n'));
        response.getWriter().write(body.toString());
    }

    @Override
    public String toString() {
        StringBuilder body = new StringBuilder();
        lines.forEach((k, v) -> body.append(k).append('=').append(v).append('\n'));
        return body.toString();
    }
}
