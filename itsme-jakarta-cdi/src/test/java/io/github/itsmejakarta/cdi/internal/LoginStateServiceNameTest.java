package io.github.itsmejakarta.cdi.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.itsmejakarta.core.Acr;
import io.github.itsmejakarta.core.PendingAuthorization;
import io.github.itsmejakarta.core.Service;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The pending login remembers the named service it was started for across session replication (Java serialization,
 * as a replicating container copies the session): the callback on another node completes it with that service's
 * client. The top-level service stays {@code null}.
 */
class LoginStateServiceNameTest {
    static PendingAuthorization pending() {
        Instant now = Instant.now();
        return PendingAuthorization.of("state-1", "nonce", "v".repeat(43),
                URI.create("https://app.example/itsme/callback"), Service.SHARE_DATA, "KYC", Acr.BASIC, now,
                now.plus(Duration.ofMinutes(5)), URI.create("https://itsme.example/authorize?x=1"), null);
    }

    static LoginState copied(LoginState state) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(state);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (LoginState) in.readObject();
        }
    }

    @Test
    void aNamedServicesLoginKeepsItsNameAcrossReplication() throws Exception {
        LoginState copy = copied(LoginState.started(pending(), "/kyc", null, null, "kyc"));
        assertThat(copy.serviceName()).isEqualTo("kyc");
        assertThat(copy.pending().serviceCode()).isEqualTo("KYC");
        assertThat(copy.toString()).contains("of kyc");
    }

    @Test
    void aTopLevelLoginHasNoName() throws Exception {
        LoginState copy = copied(new LoginState(pending(), "/", null, null));
        assertThat(copy.serviceName()).isNull();
        assertThat(copy.toString()).doesNotContain(" of ");
    }
}
