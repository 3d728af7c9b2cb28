package io.github.itsmejakarta.core.internal.jose;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.itsmejakarta.core.testing.TokenFixture;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Security;
import java.security.Signature;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import org.jose4j.jca.ProviderContext;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class JcaProvidersTest {

    @Test
    @DisplayName("the providers named are the ones the JDK itself selects")
    void namesTheJdksChoice() throws Exception {
        PrivateKey rpKey = TokenFixture.RP_KEYS.decryptionKeys().get(0).privateKey();
        ProviderContext decryption = JcaProviders.forDecryption(List.of(rpKey));
        Cipher oaep = Cipher.getInstance("RSA/ECB/OAEPWithSHA-1AndMGF1Padding");
        oaep.init(Cipher.DECRYPT_MODE, rpKey);
        assertThat(decryption.getSuppliedKeyProviderContext().getCipherProvider()).isEqualTo(oaep.getProvider()
                .getName());
        assertThat(decryption.getGeneralProviderContext().getCipherProvider()).isEqualTo(Cipher.getInstance(
                "AES/CBC/PKCS5Padding").getProvider().getName());
        assertThat(decryption.getGeneralProviderContext().getMacProvider()).isEqualTo(Mac.getInstance("HmacSHA256")
                .getProvider().getName());
        assertThat(JcaProviders.forVerification().getSuppliedKeyProviderContext().getSignatureProvider()).isEqualTo(
                Signature.getInstance("SHA256withRSA").getProvider().getName());
    }

    @Test
    @DisplayName("without keys, or when the JDK would choose different providers, nothing is named for the keys")
    void leavesMixedChoicesToJose4j() {
        assertThat(JcaProviders.forDecryption(List.of()).getSuppliedKeyProviderContext().getCipherProvider()).isNull();
        Provider[] installed = Security.getProviders();
        assertThat(JcaProviders.same(installed[0], installed[1])).isNull();
        assertThat(JcaProviders.same(installed[0], installed[0])).isSameAs(installed[0]);
    }
}
