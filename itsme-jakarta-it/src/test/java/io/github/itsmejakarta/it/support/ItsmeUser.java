package io.github.itsmejakarta.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.itsmejakarta.testkit.ItsmeLogin;
import io.github.itsmejakarta.testkit.ItsmeSimulator;
import io.github.itsmejakarta.testkit.TestPerson;

/**
 * A person with a browser. Whole logins go through the testkit's {@link ItsmeLogin} ({@link #logIn}); the scenarios
 * that look at itsme's page (what the authorization request carried, the text to confirm) or deny there take the
 * steps one at a time: go to the application, land on itsme's (the simulator's) page, approve or deny exactly through
 * the page's form. Not thread-safe.
 */
public final class ItsmeUser {

    private static final Pattern CONSENT = Pattern.compile("name=\"consent\" value=\"([^\"]+)\"");

    private final ItsmeSimulator simulator;
    private final WebClient web = new WebClient();

    public ItsmeUser(ItsmeSimulator simulator) {
        this.simulator = simulator;
    }

    public WebClient web() {
        return web;
    }

    /** Goes to {@code uri}, expecting the application to send the browser to itsme's page. */
    public ItsmePage openExpectingItsme(URI uri) {
        HttpResponse<String> first = web.get(uri);
        assertThat(first.statusCode()).as("answer of %s: %s", uri, first.body()).isEqualTo(302);
        WebClient.Trail trail = web.follow(first);
        assertThat(trail.uri().toString()).as("where %s led: %s", uri, trail.uris())
                .startsWith(simulator.issuer() + "/authorization");
        assertThat(trail.status()).as("itsme's page: %s", trail.body()).isEqualTo(200);
        return new ItsmePage(trail.uri(), trail.body());
    }

    /** Goes to {@code uri} and follows every redirect to the end. */
    public WebClient.Trail browse(URI uri) {
        return web.browse(uri);
    }

    /**
     * The whole login, as the testkit's {@link ItsmeLogin} does it for any application's tests (the application,
     * itsme's page approved as {@code person}, back to the application), in this user's cookie store: afterwards
     * {@link #web()} is logged in. Throws {@code IllegalStateException} naming every hop when the flow does not end
     * in a 2xx answer.
     */
    public ItsmeLogin.Session logIn(URI uri, TestPerson person) {
        return ItsmeLogin.as(person).timeout(WebClient.TIMEOUT).cookies(web.cookieManager()).open(uri);
    }

    public WebClient.Trail approve(ItsmePage page, TestPerson person) {
        return decide(page, person, "approve");
    }

    public WebClient.Trail deny(ItsmePage page) {
        return decide(page, null, "deny");
    }

    private WebClient.Trail decide(ItsmePage page, TestPerson person, String decision) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("consent", page.consentId());
        if (person != null) {
            form.put("person", person.id());
        }
        form.put("decision", decision);
        return web.follow(web.postForm(URI.create(simulator.issuer() + "/authorization/decision"), form));
    }

    public Optional<HttpCookie> cookie(String name) {
        return web.cookies().stream().filter(c -> c.getName().equals(name)).findFirst();
    }

    /** itsme's authorization page as the user sees it. */
    public record ItsmePage(URI uri, String html) {

        public Map<String, String> query() {
            return WebClient.query(uri);
        }

        public String consentId() {
            Matcher m = CONSENT.matcher(html);
            assertThat(m.find()).as("a consent form on itsme's page: %s", html).isTrue();
            return m.group(1);
        }

        /** The text of the element with this id ({@code service-code}, {@code approval-text}...). */
        public String text(String id) {
            Matcher m = Pattern.compile("id=\"" + Pattern.quote(id) + "\">([^<]*)<").matcher(html);
            assertThat(m.find()).as("element #%s on itsme's page: %s", id, html).isTrue();
            return unescape(m.group(1));
        }

        private static String unescape(String s) {
            return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                    .replace("&amp;", "&");
        }
    }

    /** Reads the {@code key=value} lines of the test application's pages. */
    public static Map<String, String> report(String body) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : body.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                values.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return values;
    }
}
