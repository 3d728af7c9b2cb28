package io.github.itsmejakarta.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.itsmejakarta.core.support.Browser;
import io.github.itsmejakarta.core.support.RequestObjectServer;
import io.github.itsmejakarta.core.support.SimulatorFlowTest;
import io.github.itsmejakarta.core.support.Simulators;
import io.github.itsmejakarta.testkit.Endpoint;
import io.github.itsmejakarta.testkit.RecordedRequest;
import java.net.URI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@code authorize(request, redirectUri, requestUriBase)}: one client serves logins that come back to different
 * callback URLs, each chosen for one login only (checklist item 35: what a request's host picks never outlives that
 * login), under the same rules as the builder's redirect URI.
 */
class PerLoginRedirectUriTest extends SimulatorFlowTest {
    private static RequestObjectServer objects;

    @BeforeAll
    static void startObjectServer() throws Exception {
        objects = new RequestObjectServer();
    }

    @AfterAll
    static void stopObjectServer() {
        objects.close();
    }

    @Test
    @DisplayName("checklist 35: a login comes back to its own redirect URI; the next login uses the client's again")
    void aLoginsOwnRedirectUriIsSentAndRedeemedWithoutChangingTheClient() throws Exception {
        URI other = URI.create(Simulators.OTHER_REDIRECT_URI);
        PendingAuthorization pending = client.authorize(AuthorizationRequest.login(Simulators.LOGIN), other, null);
        assertThat(pending.redirectUri()).isEqualTo(other);
        assertThat(pending.uri().getRawQuery()).contains("redirect_uri=http%3A%2F%2Flocalhost%3A9%2Fshop");

        ItsmeTokens tokens = client.exchange(Browser.callback(pending), pending);
        assertThat(tokens.identity().sub()).isNotBlank();
        RecordedRequest token = sim.recordedRequests(Endpoint.TOKEN).get(0);
        assertThat(token.formParameter("redirect_uri")).contains(Simulators.OTHER_REDIRECT_URI);

        PendingAuthorization next = client.authorize(AuthorizationRequest.login(Simulators.LOGIN));
        assertThat(next.redirectUri()).isEqualTo(client.redirectUri())
                .isEqualTo(URI.create(Simulators.REDIRECT_URI));
    }

    @Test
    @DisplayName("checklist 35: a request object by reference is served under the login's own base")
    void aRequestObjectByReferenceUsesTheLoginsBase() throws Exception {
        PendingAuthorization pending = client.authorize(AuthorizationRequest.login(Simulators.LOGIN)
                .requestObject(RequestObjectMode.REFERENCE), URI.create(Simulators.REDIRECT_URI), objects.base());
        pending.requestObject().ifPresent(objects::publish);
        assertThat(pending.uri().getRawQuery()).contains("request_uri=" + java.net.URLEncoder
                .encode(objects.base().toString(), java.nio.charset.StandardCharsets.UTF_8));
        assertThat(client.exchange(Browser.callback(pending), pending).identity().sub()).isNotBlank();
    }

    @Test
    @DisplayName("a per-login redirect URI obeys the builder's rules: plain http only to loopback, no fragment")
    void anInsecureOrFragmentRedirectUriIsRefusedBeforeAnythingIsMade() {
        AuthorizationRequest login = AuthorizationRequest.login(Simulators.LOGIN);
        assertThatThrownBy(() -> client.authorize(login, URI.create("http://evil.example/itsme/callback"), null))
                .isInstanceOfSatisfying(ItsmeConfigurationException.class,
                        e -> assertThat(e.messageId()).isEqualTo("ITSME-1003"));
        assertThatThrownBy(() -> client.authorize(login, URI.create("https://app.example/cb#x"), null))
                .isInstanceOfSatisfying(ItsmeConfigurationException.class,
                        e -> assertThat(e.messageId()).isEqualTo("ITSME-1002"));
        assertThatThrownBy(() -> client.authorize(login, URI.create(Simulators.REDIRECT_URI),
                URI.create("http://evil.example/itsme/request"))).isInstanceOf(ItsmeConfigurationException.class);
    }

    @Test
    @DisplayName("a per-login https redirect URI to any host is accepted (itsme decides whether it is registered)")
    void anHttpsRedirectUriIsAccepted() throws Exception {
        PendingAuthorization pending = client.authorize(AuthorizationRequest.login(Simulators.LOGIN),
                URI.create("https://shop.example/itsme/callback"), null);
        assertThat(pending.redirectUri()).isEqualTo(URI.create("https://shop.example/itsme/callback"));
    }
}
