package io.github.itsmejakarta.testkit.internal;

import io.github.itsmejakarta.testkit.TestPerson;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * {@code GET /v2/authorization} and {@code POST /v2/authorization/decision}: validates the request, then either
 * answers at once for the auto-approved person or shows the page where a person is picked and the request approved
 * or denied. Answers go back by 302 with {@code code} and {@code state}, or {@code error},
 * {@code error_description} and {@code state} (OIDC Core 3.1.2.5, 3.1.2.6). Thread-safe.
 */
public final class AuthorizationEndpoint {

    private static final System.Logger LOG = System.getLogger(AuthorizationEndpoint.class.getName());

    private final SimulatorContext ctx;

    public AuthorizationEndpoint(SimulatorContext ctx) {
        this.ctx = ctx;
    }

    public SimResponse handle(SimRequest request) {
        AuthorizationValidator.RedirectTarget target = new AuthorizationValidator.RedirectTarget();
        ValidatedAuthorization validated;
        try {
            validated = ctx.validator.validate(request.query(), target);
        } catch (AuthorizationError.Unredirectable e) {
            LOG.log(System.Logger.Level.DEBUG, "authorization request shown as an error page: {0}", e.error());
            return SimResponse.html(400, ConsentPage.error(e.error(), e.description()));
        } catch (AuthorizationError e) {
            LOG.log(System.Logger.Level.DEBUG, "authorization request refused: {0}", e.error());
            return errorRedirect(target.redirectUri(), target.state(), e.error(), e.description());
        }
        var failure = ctx.hooks.takeAuthorizationFailure();
        if (failure.isPresent()) {
            return errorRedirect(validated, failure.get().error(), failure.get().description());
        }
        if (ctx.hooks.takeDenyNext()) {
            return errorRedirect(validated, "access_denied", "The user denied the request");
        }
        TestPerson auto = ctx.autoApprove.get();
        if (auto != null) {
            return approve(validated, auto);
        }
        String consentId = UUID.randomUUID().toString();
        ctx.pendingConsents.put(consentId, validated);
        return SimResponse.html(200, ConsentPage.render(consentId, validated, ctx.persons.values(), null));
    }

    /** The page's form: {@code consent}, {@code decision} (approve or deny), {@code person}. */
    public SimResponse decide(SimRequest request) {
        String consentId = request.formParam("consent").orElse(null);
        var pending = ctx.pendingConsents.take(consentId);
        if (pending.isEmpty()) {
            return SimResponse.html(400, ConsentPage.error("invalid_request",
                    "This authorization request is unknown, already answered or expired."));
        }
        ValidatedAuthorization validated = pending.get();
        String decision = request.formParam("decision").orElse("");
        if ("deny".equals(decision)) {
            return errorRedirect(validated, "access_denied", "The user denied the request");
        }
        if (!"approve".equals(decision)) {
            ctx.pendingConsents.put(consentId, validated);
            return SimResponse.html(400, ConsentPage.render(consentId, validated, ctx.persons.values(),
                    "Choose Approve or Deny."));
        }
        var person = ctx.person(request.formParam("person").orElse(null));
        if (person.isEmpty()) {
            ctx.pendingConsents.put(consentId, validated);
            return SimResponse.html(400, ConsentPage.render(consentId, validated, ctx.persons.values(),
                    "Choose the person who approves."));
        }
        return approve(validated, person.get());
    }

    private SimResponse approve(ValidatedAuthorization validated, TestPerson chosen) {
        String clientId = validated.client().clientId();
        // the hook stands for itsme authenticating someone else: the pin is what it tests, so it is not enforced
        var substitute = ctx.hooks.takeNextApprover();
        TestPerson person = substitute.orElse(chosen);
        if (substitute.isEmpty() && validated.pinnedSub() != null
                && !validated.pinnedSub().equals(person.subFor(clientId))) {
            return errorRedirect(validated, "access_denied", "The request is pinned to another user (sub)");
        }
        String code = UUID.randomUUID().toString();
        ctx.codes.put(code, new Grant(validated, person, ctx.clock.instant()));
        Map<String, String> params = new LinkedHashMap<>();
        params.put("code", code);
        if (validated.state() != null) {
            params.put("state", validated.state());
        }
        return SimResponse.redirect(validated.redirectUri(), params);
    }

    private static SimResponse errorRedirect(ValidatedAuthorization validated, String error, String description) {
        return errorRedirect(validated.redirectUri(), validated.state(), error, description);
    }

    private static SimResponse errorRedirect(String redirectUri, String state, String error, String description) {
        if (redirectUri == null) {
            return SimResponse.html(400, ConsentPage.error(error, description));
        }
        Map<String, String> params = new LinkedHashMap<>();
        params.put("error", error);
        if (description != null) {
            params.put("error_description", description);
        }
        if (state != null) {
            params.put("state", state);
        }
        return SimResponse.redirect(redirectUri, params);
    }
}
