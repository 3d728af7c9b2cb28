package io.github.itsmejakarta.core;

import io.github.itsmejakarta.core.keys.RelyingPartyKeys;
import io.github.itsmejakarta.core.support.FakeItsme;
import io.github.itsmejakarta.core.support.FakeItsme.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Token endpoint answers the simulator never gives (checklist items 21 to 23), from a scripted provider on loopback.
 * Each refused shape has an accepting twin that runs the whole exchange with a valid ID token.
 */
class TokenResponseTest {
    private static RelyingPartyKeys keys;
    private FakeItsme fake;
    private ItsmeClient client;
    private PendingAuthorization pending;

    @BeforeAll
    static void keys() {
        keys = RelyingPartyKeys.generate();
    }

    @BeforeEach
    void start() throws Exception {
        fake = new FakeItsme(keys);
        client = ItsmeClient.builder().discoveryUri(fake.discoveryUri()).clientId("rp").keys(keys)
                .redirectUri(URI.create("http://127.0.0.1/cb")).readTimeout(Duration.ofSeconds(1))
                .connectTimeout(Duration.ofSeconds(1)).build();
        pending = client.authorize(AuthorizationRequest.login("L"));
        fake.expect("rp", pending.nonce());
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private ItsmeTokens exchange() throws ItsmeException {
        return client.exchange(AuthorizationResponse.of(Map.of("code", "c", "state", pending.state())), pending);
    }

    private static String tokens(String idToken, String tokenType, String extra) {
        return "{\"access_token\":\"at\",\"id_token\":\"" + idToken + "\",\"token_type\":\"" + tokenType + "\""
                + extra + "}";
    }

    @Test
    @DisplayName("checklist 22: token_type bEaReR and no expires_in are accepted")
    void bearerAnyCaseNoExpiry() throws Exception {
        fake.script(f -> Answer.json(200, tokens(f.idToken(), "bEaReR", "")));
        ItsmeTokens t = exchange();
        assertThat(t.tokenType()).isEqualTo("bEaReR");
        assertThat(t.expiresIn()).isEmpty();
        assertThat(t.accessToken()).isEqualTo("at");
        assertThat(t.identity().issuer()).isEqualTo(fake.issuer());
        assertThat(t.toString()).doesNotContain("\"at\"").doesNotContain("=at");
    }

    @Test
    @DisplayName("checklist 22: expires_in is read when present")
    void expiresIn() throws Exception {
        fake.script(f -> Answer.json(200, tokens(f.idToken(), "Bearer", ",\"expires_in\":3600")));
        assertThat(exchange().expiresIn()).contains(Duration.ofHours(1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"not json", "[1,2]", "{\"id_token\":\"x\",\"token_type\":\"Bearer\"}",
            "{\"access_token\":\"at\",\"token_type\":\"Bearer\"}",
            "{\"access_token\":42,\"id_token\":\"x\",\"token_type\":\"Bearer\"}",
            "{\"access_token\":\"at\",\"id_token\":{},\"token_type\":\"Bearer\"}",
            "{\"access_token\":\"at\",\"id_token\":\"x\",\"token_type\":\"MAC\"}",
            "{\"access_token\":\"at\",\"id_token\":\"x\",\"token_type\":\"Bearer\",\"expires_in\":\"3600\"}", ""})
    @DisplayName("checklist 21: non-JSON, arrays, missing or mistyped members are refused (ITSME-1302)")
    void malformed(String body) {
        fake.script(f -> Answer.json(200, body));
        assertThatThrownBy(this::exchange).isInstanceOf(ItsmeRejectedException.class)
                .hasMessageStartingWith("ITSME-1302");
    }

    @Test
    @DisplayName("checklist 21: an OAuth error keeps itsme's error and detail (ITSME-1301)")
    void oauthError() {
        fake.script(f -> Answer.json(400, "{\"error\":\"invalid_grant\",\"detail\":\"code expired\"}"));
        assertThatThrownBy(this::exchange).isInstanceOfSatisfying(ItsmeErrorResponseException.class, e -> {
            assertThat(e.messageId()).isEqualTo("ITSME-1301");
            assertThat(e.error()).isEqualTo("invalid_grant");
            assertThat(e.description()).contains("code expired");
        });
    }

    @Test
    @DisplayName("checklist 21: error_description is kept when itsme uses the OAuth name")
    void oauthErrorDescription() {
        fake.script(f -> Answer.json(401, "{\"error\":\"invalid_client\",\"error_description\":\"bad assertion\"}"));
        assertThatThrownBy(this::exchange).isInstanceOfSatisfying(ItsmeErrorResponseException.class,
                e -> assertThat(e.description()).contains("bad assertion"));
    }

    @Test
    @DisplayName("checklist 21: 5xx without an OAuth error is a communication failure; 4xx HTML is refused")
    void nonJsonErrors() {
        fake.script(f -> new Answer(502, "text/html", "<html>bad gateway</html>".getBytes(StandardCharsets.UTF_8), 0));
        assertThatThrownBy(this::exchange).isInstanceOf(ItsmeCommunicationException.class)
                .hasMessageStartingWith("ITSME-1122");
    }

    @Test
    @DisplayName("checklist 21: a 4xx answer without an OAuth error is refused")
    void nonJson4xx() {
        fake.script(f -> new Answer(404, "text/html", "<html>no</html>".getBytes(StandardCharsets.UTF_8), 0));
        assertThatThrownBy(this::exchange).isInstanceOf(ItsmeRejectedException.class)
                .hasMessageStartingWith("ITSME-1302");
    }

    @Test
    @DisplayName("checklist 23: a body over the size bound fails cleanly (ITSME-1123)")
    void tooLarge() {
        fake.script(f -> new Answer(200, "application/json", new byte[300 * 1024], 0));
        assertThatThrownBy(this::exchange).isInstanceOf(ItsmeCommunicationException.class)
                .hasMessageStartingWith("ITSME-1123");
    }

    @Test
    @DisplayName("checklist 23: an answer slower than the read timeout fails cleanly (ITSME-1120), the thread returns")
    void slow() {
        fake.script(f -> new Answer(200, "application/json", "{}".getBytes(StandardCharsets.UTF_8), 5_000));
        assertThatThrownBy(this::exchange).isInstanceOf(ItsmeCommunicationException.class)
                .hasMessageStartingWith("ITSME-1120");
    }

    @Test
    @DisplayName("checklist 24: a callback replayed after success is refused (ITSME-1205)")
    void replay() throws Exception {
        fake.script(f -> Answer.json(200, tokens(f.idToken(), "Bearer", "")));
        exchange();
        assertThatThrownBy(this::exchange).isInstanceOf(ItsmeRejectedException.class)
                .hasMessageStartingWith("ITSME-1205");
        assertThat(fake.tokenCalls()).isEqualTo(1);
    }
}
