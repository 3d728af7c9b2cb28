package io.github.itsmejakarta.it.cluster.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.SSLContext;

import io.github.itsmejakarta.testkit.ItsmeSimulator;
import io.github.itsmejakarta.testkit.TestPerson;

/**
 * A person with a browser: goes to the application, lands on itsme's (the simulator's) page, chooses a test person
 * and approves or denies, exactly through the page's form. Adapted from itsme-jakarta-it's. Not thread-safe.
 */
public final class ItsmeUser {

    private static final Pattern CONSENT = Pattern.compile("name=\"consent\" value=\"([^\"]+)\"");

    private final ItsmeSimulator simulator;
    private final WebClient web;

    public ItsmeUser(ItsmeSimulator simulator, SSLContext tls) {
        this.simulator = simulator;
        this.web = new WebClient(tls);
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

    /** The whole login: the application, itsme's page, approval as {@code person}, back to the application. */
    public WebClient.Trail logIn(URI uri, TestPerson person) {
        return approve(openExpectingItsme(uri), person);
    }

    public WebClient.Trail approve(ItsmePage page, TestPerson person) {
        return decide(page, person, "approve");
    }

    public WebClient.Trail deny(ItsmePage page) {
        return decide(page, null, "deny");
    }

    /** Approves on itsme's page and returns itsme's answer (the redirect to the callback) without following it. */
    public HttpResponse<String> submitApproval(ItsmePage page, TestPerson person) {
        return web.postForm(URI.create(simulator.issuer() + "/authorization/decision"), form(page, person, "approve"));
    }

    private WebClient.Trail decide(ItsmePage page, TestPerson person, String decision) {
        return web.follow(web.postForm(URI.create(simulator.issuer() + "/authorization/decision"),
                form(page, person, decision)));
    }

    private static Map<String, String> form(ItsmePage page, TestPerson person, String decision) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("consent", page.consentId());
        if (person != null) {
            form.put("person", person.id());
        }
        form.put("decision", decision);
        return form;
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
