package io.github.itsmejakarta.testkit;

import static io.github.itsmejakarta.testkit.TestRelyingParty.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The JWE algorithm and content encryption the simulator encrypts ID tokens and userinfo with. */
class EncryptionSettingsTest {

    static final TestRelyingParty RP = new TestRelyingParty("enc-client");

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"RSA-OAEP, A128CBC-HS256", "RSA-OAEP-256, A256CBC-HS512", "RSA-OAEP, A256GCM",
            "RSA-OAEP-256, A128GCM"})
    void tokensUseTheConfiguredAlgorithms(String alg, String enc) {
        try (ItsmeSimulator sim = ItsmeSimulator.builder().client(RP.client()).jweAlgorithm(alg)
                .contentEncryption(enc).build().start()) {
            sim.autoApprove(TestPersons.BELGIAN_EID_HOLDER);
            Tokens tokens = RP.login(sim, LOGIN, "profile");
            Opened id = RP.open(sim, tokens.idToken());
            assertThat(id.jwe().getAlgorithmHeaderValue()).isEqualTo(alg);
            assertThat(id.jwe().getEncryptionMethodHeaderParameter()).isEqualTo(enc);
            Opened info = RP.open(sim, RP.get(sim.userInfoEndpoint(), tokens.accessToken()).body());
            assertThat(info.jwe().getAlgorithmHeaderValue()).isEqualTo(alg);
            assertThat(info.jwe().getEncryptionMethodHeaderParameter()).isEqualTo(enc);
            assertThat(list(json(RP.get(sim.discoveryUri()).body()).get("id_token_encryption_enc_values_supported")))
                    .contains(enc);
        }
    }

    @Test
    void otherAlgorithmsAreRefusedAtConfiguration() {
        assertThatThrownBy(() -> ItsmeSimulator.builder().jweAlgorithm("RSA1_5")).isInstanceOf(
                IllegalArgumentException.class);
        assertThatThrownBy(() -> ItsmeSimulator.builder().contentEncryption("A128KW")).isInstanceOf(
                IllegalArgumentException.class);
        assertThat(ItsmeSimulator.DEFAULT_CONTENT_ENCRYPTIONS).isEqualTo(List.of("A128CBC-HS256", "A256CBC-HS512",
                "A128GCM", "A256GCM"));
    }
}
