package io.github.itsmejakarta.cdi.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 7 item 13: unknown itsme.* names, with the nearest known key. */
class UnknownKeysTest {
    final UnknownKeys keys = new UnknownKeys(List.of("itsme.client-id", "itsme.redirect-uri", "itsme.scopes",
            "itsme.read-timeout", "itsme.services."));

    @Test
    void aTypoGetsTheNearestKnownKey() {
        assertThat(keys.warnings(List.of("itsme.clientid", "itsme.redirect_uri", "itsme.scope", "itsme.readtimout")))
                .containsExactly("ITSME-1735: Unknown setting 'itsme.clientid': did you mean 'itsme.client-id'?",
                        "ITSME-1735: Unknown setting 'itsme.readtimout': did you mean 'itsme.read-timeout'?",
                        "ITSME-1735: Unknown setting 'itsme.redirect_uri': did you mean 'itsme.redirect-uri'?",
                        "ITSME-1735: Unknown setting 'itsme.scope': did you mean 'itsme.scopes'?");
    }

    @Test
    void aNameFarFromEveryKeyIsStillReported() {
        assertThat(keys.warnings(List.of("itsme.favourite-colour"))).containsExactly(
                "ITSME-1735: Unknown setting 'itsme.favourite-colour': no itsme setting is near it");
    }

    @Test
    void knownKeysNamesUnderAKnownPrefixAndOtherNamespacesAreNotReported() {
        assertThat(keys.warnings(List.of("itsme.client-id", "itsme.scopes", "itsme.services.pay.service-code",
                "mp.config.profile", "ITSME_CLIENTID", "other.itsme.clientid"))).isEmpty();
    }

    @Test
    void aMisspeltKeyOfANamedServiceGetsTheNearestKeyOfThatService() {
        assertThat(UnknownKeys.serviceWarnings(List.of("itsme.services.kyc.servicecode", "itsme.services.pay.scope",
                "itsme.services.pay.favourite-colour"))).containsExactly(
                        "ITSME-1735: Unknown setting 'itsme.services.kyc.servicecode': did you mean"
                                + " 'itsme.services.kyc.service-code'?",
                        "ITSME-1735: Unknown setting 'itsme.services.pay.favourite-colour': no itsme setting is near it",
                        "ITSME-1735: Unknown setting 'itsme.services.pay.scope': did you mean"
                                + " 'itsme.services.pay.scopes'?");
    }

    @Test
    void everyKeyOfANamedServiceIsKnown() {
        List<String> names = io.github.itsmejakarta.cdi.ItsmeConfigKeys.ServiceKeys.all().stream()
                .map(k -> "itsme.services.pay." + k).toList();
        assertThat(names).hasSize(13);
        assertThat(UnknownKeys.serviceWarnings(names)).isEmpty();
        assertThat(UnknownKeys.serviceWarnings(List.of("itsme.client-id", "other.services.x.y"))).isEmpty();
    }

    @Test
    void theDistanceIsLevenshteins() {
        assertThat(UnknownKeys.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(UnknownKeys.distance("", "abc")).isEqualTo(3);
        assertThat(UnknownKeys.distance("same", "same")).isZero();
    }
}
