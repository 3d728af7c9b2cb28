package io.github.itsmejakarta.testkit.internal;

import static io.github.itsmejakarta.testkit.ItsmeClaimNames.*;
import static io.github.itsmejakarta.testkit.internal.Html.escape;

import io.github.itsmejakarta.testkit.ItsmeClaimNames;
import io.github.itsmejakarta.testkit.ServiceType;
import io.github.itsmejakarta.testkit.TestPerson;

import java.util.Collection;
import java.util.Map;
import java.util.TreeSet;

/**
 * The simulator's pages: the authorization page (what the itsme app would show: who asks, for what, pick a person,
 * Approve or Deny) and the error page. Element ids are stable for browser tests: {@code person-<id>},
 * {@code approve}, {@code deny}, {@code approval-text}, {@code approval-amount}, {@code approval-currency},
 * {@code approval-iban}, {@code message}, {@code error}, {@code error-description}. Everything echoed is escaped.
 * Stateless, thread-safe.
 */
public final class ConsentPage {

    private static final String STYLE = "<style>body{font-family:sans-serif;max-width:40em;margin:2em auto;"
            + "color:#222}h1{color:#ff4612}fieldset{margin:1em 0}label{display:block;margin:.3em 0}"
            + "button{font-size:1em;padding:.5em 1.5em;margin-right:1em}#approve{background:#ff4612;color:#fff;"
            + "border:0}.approval{border:1px solid #ccc;padding:1em;white-space:pre-wrap}"
            + ".message{color:#b00}</style>";

    /** Where the page posts the decision. */
    public static final String DECISION_PATH = "/v2/authorization/decision";

    private ConsentPage() {
    }

    /** The authorization page. */
    public static String render(String consentId, ValidatedAuthorization request, Collection<TestPerson> persons,
            String message) {
        StringBuilder html = new StringBuilder(4096);
        html.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>itsme simulator</title>")
                .append(STYLE).append("</head><body>")
                .append("<h1>itsme&reg; simulator</h1>");
        if (message != null) {
            html.append("<p class=\"message\" id=\"message\">").append(escape(message)).append("</p>");
        }
        html.append("<p><strong id=\"client-id\">").append(escape(request.client().clientId()))
                .append("</strong> asks you to ").append(escape(describe(request.serviceType())))
                .append(" (service <code id=\"service-code\">").append(escape(request.serviceCode()))
                .append("</code>).</p>");
        html.append("<dl><dt>Scopes</dt><dd id=\"scopes\">").append(escape(String.join(" ",
                new TreeSet<>(request.scopes())))).append("</dd><dt>Level</dt><dd id=\"acr\">")
                .append(escape(request.acr().equals(ItsmeClaimNames.ACR_ADVANCED)
                        ? "advanced (PIN code)"
                        : "basic (fingerprint or PIN code)"))
                .append("</dd>");
        TreeSet<String> asked = new TreeSet<>(request.claims().idToken().keySet());
        asked.addAll(request.claims().userinfo().keySet());
        asked.removeIf(name -> name.startsWith(PREFIX + "claim_approval_"));
        if (!asked.isEmpty()) {
            html.append("<dt>Claims asked</dt><dd id=\"claims\">").append(escape(String.join(", ", asked)))
                    .append("</dd>");
        }
        html.append("</dl>");
        if (request.serviceType() == ServiceType.CONFIRM) {
            appendApproval(html, request.approval());
        }
        html.append("<form id=\"decision-form\" method=\"post\" action=\"")
                .append(DECISION_PATH).append("\">")
                .append("<input type=\"hidden\" name=\"consent\" value=\"").append(escape(consentId))
                .append("\"><fieldset><legend>Who approves?</legend>");
        boolean first = true;
        for (TestPerson person : persons) {
            html.append("<label><input type=\"radio\" name=\"person\" id=\"person-").append(escape(person.id()))
                    .append("\" value=\"").append(escape(person.id())).append('"').append(first ? " checked" : "")
                    .append("> ").append(escape(person.displayName())).append(details(person)).append("</label>");
            first = false;
        }
        html.append("</fieldset><button type=\"submit\" id=\"approve\" name=\"decision\" value=\"approve\">")
                .append("Approve</button><button type=\"submit\" id=\"deny\" name=\"decision\" value=\"deny\">")
                .append("Deny</button></form></body></html>");
        return html.toString();
    }

    /** A page for an error that is not redirected (bad client id or redirect URI). */
    public static String error(String error, String description) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>itsme simulator: error</title>"
                + STYLE + "</head><body><h1>itsme&reg; simulator</h1><p>The request cannot be handled.</p>"
                + "<p>Error: <code id=\"error\">" + escape(error) + "</code></p><p id=\"error-description\">"
                + escape(description == null ? "" : description) + "</p></body></html>";
    }

    private static void appendApproval(StringBuilder html, Map<String, String> approval) {
        html.append("<div class=\"approval\" id=\"approval\">");
        String template = approval.get(APPROVAL_TEMPLATE_NAME);
        html.append("<p>Template: <code id=\"approval-template\">").append(escape(template)).append("</code></p>");
        if (approval.containsKey(APPROVAL_TEXT_KEY)) {
            html.append("<p id=\"approval-text\">").append(escape(approval.get(APPROVAL_TEXT_KEY))).append("</p>");
        }
        if (approval.containsKey(APPROVAL_AMOUNT_KEY)) {
            html.append("<p>Amount: <span id=\"approval-amount\">").append(escape(approval.get(APPROVAL_AMOUNT_KEY)))
                    .append("</span> <span id=\"approval-currency\">")
                    .append(escape(approval.getOrDefault(APPROVAL_CURRENCY_KEY, ""))).append("</span></p>");
        }
        if (approval.containsKey(APPROVAL_IBAN_KEY)) {
            html.append("<p>To: <span id=\"approval-iban\">").append(escape(approval.get(APPROVAL_IBAN_KEY)))
                    .append("</span></p>");
        }
        html.append("</div>");
    }

    /** What the app would show about the person: birth date and identity document. */
    private static String details(TestPerson person) {
        StringBuilder details = new StringBuilder();
        person.claim("birthdate").ifPresent(b -> details.append("born ").append(b));
        person.claim(BE_NATIONAL_NUMBER).ifPresent(n -> details.append(", national number ").append(n));
        person.claim(ID_DOCUMENT_TYPE).ifPresent(t -> details.append(", ").append(t).append(' ')
                .append(person.claim(ID_DOCUMENT_SN).orElse("")));
        return details.length() == 0 ? "" : " <small>(" + escape(details) + ")</small>";
    }

    private static String describe(ServiceType type) {
        return switch (type) {
            case LOGIN -> "log in";
            case SHARE_DATA -> "log in and share your identity data";
            case DATA_SHARING -> "log in and share your data, also from other sources";
            case CONFIRM -> "confirm";
        };
    }
}
