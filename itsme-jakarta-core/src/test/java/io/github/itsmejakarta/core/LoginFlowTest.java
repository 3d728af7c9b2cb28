package io.github.itsmejakarta.core;

import io.github.itsmejakarta.core.claims.ClaimNames;
import io.github.itsmejakarta.core.support.Browser;
import io.github.itsmejakarta.core.support.RequestObjectServer;
import io.github.itsmejakarta.core.support.SimulatorFlowTest;
import io.github.itsmejakarta.core.support.Simulators;
import io.github.itsmejakarta.testkit.Endpoint;
import io.github.itsmejakarta.testkit.RecordedRequest;
import io.github.itsmejakarta.testkit.TestPersons;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.math.BigDecimal;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.github.itsmejakarta.core.support.Simulators.CLIENT_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The three services and both request object modes, end to end against the simulator over loopback. */
class LoginFlowTest extends SimulatorFlowTest {
    private static RequestObjectServer objects;

    @BeforeAll
    static void startObjectServer() throws Exception {
        objects = new RequestObjectServer();
    }

    @AfterAll
    static void stopObjectServer() {
        objects.close();
    }

    @Override
    protected ItsmeClientBuilder configure(ItsmeClientBuilder builder) {
        return builder.requestUriBase(objects.base());
    }

    private ItsmeTokens login(AuthorizationRequest request) throws Exception {
        PendingAuthorization pending = client.authorize(request);
        pending.requestObject().ifPresent(objects::publish);
        return client.exchange(Browser.callback(pending), pending);
    }

    @Test
    @DisplayName("checklist 1: login: the ID token is decrypted, verified and validated; sub is pairwise")
    void login() throws Exception {
        ItsmeTokens tokens = login(AuthorizationRequest.login(Simulators.LOGIN));
        ItsmeIdentity who = tokens.identity();
        assertThat(who.sub()).isEqualTo(TestPersons.BELGIAN_EID_HOLDER.subFor(CLIENT_ID));
        assertThat(who.issuer()).isEqualTo(sim.issuer());
        assertThat(who.audience()).contains(CLIENT_ID);
        assertThat(who.acr()).contains(Acr.BASIC);
        assertThat(tokens.tokenType()).isEqualToIgnoringCase("bearer");
        assertThat(tokens.toString()).doesNotContain(tokens.accessToken());
    }

    @Test
    @DisplayName("the authorization request carries every parameter; the token request PKCE and private_key_jwt")
    void requestParameters() throws Exception {
        PendingAuthorization pending = client.authorize(AuthorizationRequest.login(Simulators.LOGIN)
                .scopes(Scope.PROFILE, Scope.EMAIL).acr(Acr.ADVANCED).uiLocales("nl").prompt(Prompt.LOGIN)
                .claims(ClaimsRequest.idToken("birthdate")));
        assertThat(pending.state()).hasSize(43).isNotEqualTo(pending.nonce());
        assertThat(pending.codeVerifier()).hasSize(43);
        assertThat(pending.expiresAt()).isAfter(pending.createdAt());
        ItsmeTokens tokens = client.exchange(Browser.callback(pending), pending);
        assertThat(tokens.identity().acr()).contains(Acr.ADVANCED);

        RecordedRequest auth = sim.recordedRequests(Endpoint.AUTHORIZATION).get(0);
        assertThat(auth.queryParameter("response_type")).contains("code");
        assertThat(auth.queryParameter("client_id")).contains(CLIENT_ID);
        assertThat(auth.queryParameter("redirect_uri")).contains(Simulators.REDIRECT_URI);
        assertThat(auth.queryParameter("scope")).contains("openid service:LOGIN_CODE profile email");
        assertThat(auth.queryParameter("state")).contains(pending.state());
        assertThat(auth.queryParameter("nonce")).contains(pending.nonce());
        assertThat(auth.queryParameter("code_challenge_method")).contains("S256");
        assertThat(auth.queryParameter("code_challenge")).isPresent().get().isNotEqualTo(pending.codeVerifier());
        assertThat(auth.queryParameter("acr_values")).contains(Acr.ADVANCED.uri());
        assertThat(auth.queryParameter("ui_locales")).contains("nl");
        assertThat(auth.queryParameter("prompt")).contains("login");
        assertThat(auth.queryParameter("claims")).contains("{\"id_token\":{\"birthdate\":null}}");

        RecordedRequest token = sim.recordedRequests(Endpoint.TOKEN).get(0);
        assertThat(token.formParameter("grant_type")).contains("authorization_code");
        assertThat(token.formParameter("code_verifier")).contains(pending.codeVerifier());
        assertThat(token.formParameter("redirect_uri")).contains(Simulators.REDIRECT_URI);
        assertThat(token.formParameter("client_assertion_type"))
                .contains("urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
        assertThat(token.formParameter("client_assertion")).isPresent();
    }

    @Test
    @DisplayName("share data: claims asked in the ID token arrive in it, no userinfo call needed")
    void shareData() throws Exception {
        ItsmeTokens tokens = login(AuthorizationRequest.shareData(Simulators.SHARE).scopes(Scope.PROFILE, Scope.EID)
                .claims(ClaimsRequest.builder().idToken(ClaimNames.BE_NATIONAL_NUMBER).idToken("birthdate").build()));
        assertThat(tokens.identity().claims().belgianNationalNumber()).isPresent();
        assertThat(tokens.identity().claims().contains("birthdate")).isTrue();
        assertThat(sim.recordedRequests(Endpoint.USERINFO)).isEmpty();
    }

    @Test
    @DisplayName("share data by request object: claims asked without a value travel as JSON null inside the JWT")
    void shareDataByRequestObject() throws Exception {
        ItsmeTokens tokens = login(AuthorizationRequest.shareData(Simulators.SHARE).scopes(Scope.EID)
                .claims(ClaimsRequest.builder().idToken(ClaimNames.BE_NATIONAL_NUMBER).idTokenEssential("birthdate")
                        .build())
                .requestObject(RequestObjectMode.VALUE));
        assertThat(tokens.identity().claims().belgianNationalNumber()).isPresent();
        assertThat(tokens.identity().claims().contains("birthdate")).isTrue();
    }

    @Test
    @DisplayName("issue 8: Data Sharing releases the student attestation grant and the address assurance level")
    void dataSharing() throws Exception {
        sim.autoApprove(TestPersons.DUTCH_DOCUMENT_HOLDER);
        ItsmeTokens tokens = login(AuthorizationRequest.dataSharing(Simulators.DATA_SHARING)
                .claims(ClaimsRequest.builder().idToken(ClaimNames.STUDENT_ATTESTATION_AG).idToken("family_name")
                        .build()));
        assertThat(tokens.identity().claims().studentAttestationGrant())
                .isEqualTo(TestPersons.DUTCH_DOCUMENT_HOLDER.claim(ClaimNames.STUDENT_ATTESTATION_AG));
        assertThat(tokens.identity().claims().familyName()).contains("van den Berg");

        sim.autoApprove(TestPersons.BELGIAN_EID_HOLDER);
        ItsmeTokens address = login(AuthorizationRequest.dataSharing(Simulators.DATA_SHARING).scopes(Scope.ADDRESS));
        assertThat(client.userInfo(address).claims().addressAssuranceLevel()).contains("HIGH");
    }

    @Test
    @DisplayName("issue 8: Identification and Data Sharing without a user claim fail at authorize with ITSME-1020")
    void userClaimRequired() {
        for (AuthorizationRequest request : List.of(AuthorizationRequest.dataSharing(Simulators.DATA_SHARING),
                AuthorizationRequest.identification(Simulators.SHARE)
                        .claims(ClaimsRequest.builder().idTokenEssential("acr").build()))) {
            assertThatThrownBy(() -> client.authorize(request)).isInstanceOfSatisfying(
                    ItsmeConfigurationException.class, e -> assertThat(e.messageId()).isEqualTo("ITSME-1020"));
        }
        assertThat(sim.recordedRequests(Endpoint.AUTHORIZATION)).isEmpty();
    }

    @Test
    @DisplayName("confirm with extra ID token claims: approval values and value-less claims in one request object")
    void confirmWithExtraClaims() throws Exception {
        ItsmeTokens tokens = login(AuthorizationRequest.confirm(Simulators.CONFIRM, Approval.freeText("Pay rent"))
                .claims(ClaimsRequest.idToken("birthdate")));
        assertThat(tokens.identity().claims().getString(Approval.TEXT_CLAIM)).contains("Pay rent");
        assertThat(tokens.identity().claims().contains("birthdate")).isTrue();
    }

    @Test
    @DisplayName("confirm free_text: the request object carries the approval, itsme echoes it in the ID token")
    void confirmFreeText() throws Exception {
        ItsmeTokens tokens = login(
                AuthorizationRequest.confirm(Simulators.CONFIRM, Approval.freeText("Sign <b>contract 42</b>")));
        var info = tokens.identity();
        assertThat(info.claims().getString(Approval.TEMPLATE_CLAIM)).contains("free_text");
        assertThat(info.claims().getString(Approval.TEXT_CLAIM)).contains("Sign <b>contract 42</b>");
        RecordedRequest auth = sim.recordedRequests(Endpoint.AUTHORIZATION).get(0);
        assertThat(auth.queryParameter("request")).isPresent();
        assertThat(auth.queryParameter("state")).isEmpty(); // only inside the signed, encrypted object
    }

    @Test
    @DisplayName("confirm adv_payment by reference: amount, currency and IBAN echoed")
    void confirmPaymentByReference() throws Exception {
        ItsmeTokens tokens = login(AuthorizationRequest
                .confirm(Simulators.CONFIRM, Approval.payment(new BigDecimal("125"), "EUR", "BE68 5390 0754 7034"))
                .requestObject(RequestObjectMode.REFERENCE));
        var info = tokens.identity();
        assertThat(info.claims().getString(Approval.TEMPLATE_CLAIM)).contains("adv_payment");
        assertThat(info.claims().getString(Approval.AMOUNT_CLAIM)).contains("125");
        assertThat(info.claims().getString(Approval.CURRENCY_CLAIM)).contains("EUR");
        assertThat(info.claims().getString(Approval.IBAN_CLAIM)).contains("BE68539007547034");
        assertThat(objects.served()).isPositive();
    }

    @Test
    @DisplayName("request object by value for login")
    void requestObjectByValue() throws Exception {
        ItsmeTokens tokens = login(AuthorizationRequest.login(Simulators.LOGIN).acr(Acr.ADVANCED)
                .requestObject(RequestObjectMode.VALUE));
        assertThat(tokens.identity().acr()).contains(Acr.ADVANCED);
    }

    @Test
    @DisplayName("request object by reference: the URL carries request_uri = base/id, itsme fetches it")
    void requestObjectByReference() throws Exception {
        int before = objects.served();
        PendingAuthorization pending = client
                .authorize(AuthorizationRequest.login(Simulators.LOGIN).requestObject(RequestObjectMode.REFERENCE));
        RequestObject ro = pending.requestObject().orElseThrow();
        assertThat(pending.uri().getRawQuery()).contains("request_uri=")
                .doesNotContain("request=").doesNotContain("nonce=");
        assertThat(ro.expiresAt()).isEqualTo(pending.expiresAt());
        objects.publish(ro);
        ItsmeTokens tokens = client.exchange(Browser.callback(pending), pending);
        assertThat(tokens.identity().sub()).isNotBlank();
        assertThat(objects.served()).isEqualTo(before + 1);
        assertThat(sim.recordedRequests(Endpoint.AUTHORIZATION).get(0).queryParameter("request_uri"))
                .contains(objects.base() + "/" + ro.id());
    }

    @Test
    @DisplayName("checklist 28 (no refetch): discovery and JWKS are fetched once across several logins")
    void fetchedOnce() throws Exception {
        for (int i = 0; i < 3; i++) {
            login(AuthorizationRequest.login(Simulators.LOGIN));
        }
        login(AuthorizationRequest.login(Simulators.LOGIN).requestObject(RequestObjectMode.VALUE));
        List<RecordedRequest> all = sim.recordedRequests();
        assertThat(sim.recordedRequests(Endpoint.DISCOVERY)).hasSize(1);
        assertThat(sim.recordedRequests(Endpoint.JWKS)).hasSize(1);
        assertThat(sim.recordedRequests(Endpoint.TOKEN)).hasSize(4);
        assertThat(all).isNotEmpty();
    }

    @Test
    @DisplayName("a pending authorization survives Java serialization (session replication)")
    void serializable() throws Exception {
        PendingAuthorization pending = client.authorize(AuthorizationRequest.login(Simulators.LOGIN));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(pending);
        }
        PendingAuthorization copy;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = (PendingAuthorization) in.readObject();
        }
        assertThat(copy.state()).isEqualTo(pending.state());
        assertThat(copy.toString()).doesNotContain(pending.state()).doesNotContain(pending.codeVerifier());
        ItsmeTokens tokens = client.exchange(Browser.callback(pending), copy);
        assertThat(tokens.identity().sub()).isNotBlank();
    }

    @Test
    @DisplayName("discovery metadata is exposed as read")
    void metadata() throws Exception {
        ItsmeProviderMetadata m = client.metadata();
        assertThat(m.issuer()).isEqualTo(sim.issuer());
        assertThat(m.tokenEndpoint()).isEqualTo(sim.tokenEndpoint().toString());
        assertThat(m.idTokenEncryptionAlgValuesSupported()).contains("RSA-OAEP-256");
    }

    @Test
    @DisplayName("checklist 33: no code, state, verifier, assertion or token in any log line, even at the finest level")
    void nothingSecretLogged() throws Exception {
        Logger root = Logger.getLogger("");
        Logger ours = Logger.getLogger("io.github.itsmejakarta");
        Level previous = ours.getLevel();
        List<String> lines = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                lines.add(record.getMessage() + " " + java.util.Arrays.toString(record.getParameters()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        capture.setLevel(Level.ALL);
        ours.setLevel(Level.ALL);
        root.addHandler(capture);
        try {
            sim.hooks().denyNext();
            PendingAuthorization denied = client.authorize(AuthorizationRequest.login(Simulators.LOGIN));
            AuthorizationResponse refusal = Browser.callback(denied);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> client.exchange(refusal, denied));
            PendingAuthorization p = client.authorize(AuthorizationRequest.login(Simulators.LOGIN));
            AuthorizationResponse response = Browser.callback(p);
            ItsmeTokens tokens = client.exchange(response, p);
            String assertion = sim.recordedRequests(Endpoint.TOKEN).get(0).formParameter("client_assertion")
                    .orElseThrow();
            assertThat(lines).isNotEmpty();
            for (String secret : List.of(response.code().orElseThrow(), p.state(), p.nonce(), p.codeVerifier(),
                    tokens.accessToken(), assertion)) {
                assertThat(lines).noneMatch(line -> line.contains(secret));
            }
        } finally {
            root.removeHandler(capture);
            ours.setLevel(previous);
        }
    }
}
