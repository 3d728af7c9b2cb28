package io.github.itsmejakarta.testkit.internal;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /v2/userinfo} (OIDC Core 5.3) and {@code GET /v2/picture}: a Bearer access token (RFC 6750 2.1)
 * answered with a nested JWT ({@code application/jwt}, or the configured content type) or the person's JPEG photo; a missing, unknown or expired
 * token gets 401 with {@code WWW-Authenticate: Bearer error="invalid_token"}. Thread-safe.
 */
public final class UserInfoEndpoint {

    private final SimulatorContext ctx;

    public UserInfoEndpoint(SimulatorContext ctx) {
        this.ctx = ctx;
    }

    public SimResponse userInfo(SimRequest request) {
        Optional<Grant> grant = grant(request);
        if (grant.isEmpty()) {
            return unauthorized(request);
        }
        String token;
        try {
            token = ctx.minter.mint(ctx.claims.userInfo(grant.get()),
                    ctx.clients.find(grant.get().request().client().clientId()).orElseThrow().keys()
                            .encryptionKey(),
                    ctx.hooks.takeUserInfoAlteration().orElse(null));
        } catch (ClientKeyException e) {
            return SimResponse.json(500, Map.of("error", "server_error", "detail", e.getMessage()));
        }
        String contentType = ctx.hooks.userInfoContentType().orElse(ctx.userInfoContentType);
        return SimResponse.text(200, contentType, token, Map.of("Cache-Control", "no-store"));
    }

    public SimResponse picture(SimRequest request) {
        Optional<Grant> grant = grant(request);
        if (grant.isEmpty()) {
            return unauthorized(request);
        }
        Optional<byte[]> photo = grant.get().request().scopes().contains("profile")
                ? grant.get().person().photoJpeg()
                : Optional.empty();
        if (photo.isEmpty()) {
            return SimResponse.json(404, Map.of("error", "not_found", "detail", "no picture for this grant"));
        }
        return new SimResponse(200, Map.of("Content-Type", "image/jpeg", "Cache-Control", "no-store"),
                photo.get());
    }

    private Optional<Grant> grant(SimRequest request) {
        String authorization = request.header("authorization").orElse("");
        if (authorization.length() < 8 || !authorization.substring(0, 7).toLowerCase(Locale.ROOT).equals("bearer ")) {
            return Optional.empty();
        }
        return ctx.accessTokens.get(authorization.substring(7).trim());
    }

    private static SimResponse unauthorized(SimRequest request) {
        String challenge = request.header("authorization").isPresent()
                ? "Bearer error=\"invalid_token\""
                : "Bearer error=\"invalid_token\", error_description=\"no access token\"";
        return SimResponse.json(401, Map.of("error", "invalid_token")).withHeader("WWW-Authenticate", challenge);
    }
}
