package io.github.itsmejakarta.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.github.itsmejakarta.cdi.internal.ItsmeSessionData;
import io.github.itsmejakarta.core.Acr;
import io.github.itsmejakarta.core.ItsmeTokens;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;

/** ItsmeContext injected by CDI, reading the current request's session (the container's request bean stood in). */
@EnableWeld
class ItsmeContextCdiTest {
    static final Map<String, Object> SESSION = new HashMap<>();

    /** What the container provides in a web application: the current request. */
    public static class CurrentRequest {
        @Produces
        @RequestScoped
        HttpServletRequest request() {
            HttpSession session = mock(HttpSession.class);
            when(session.getAttribute(org.mockito.ArgumentMatchers.anyString()))
                    .thenAnswer(i -> SESSION.get((String) i.getArgument(0)));
            HttpServletRequest request = mock(HttpServletRequest.class);
            when(request.getSession(false)).thenReturn(session);
            return request;
        }
    }

    @WeldSetup
    WeldInitiator weld = WeldInitiator.from(WeldBoot.weld(Definitions.Minimal.class, CurrentRequest.class))
            .activate(RequestScoped.class).build();

    @Inject
    ItsmeContext itsme;

    @Test
    void readsTheCallersClaimsAcrAndConfirmationFromTheSession() {
        ItsmeCallerPrincipal caller = new ItsmeCallerPrincipal("jan", ItsmeIdentityStoreTest.IDENTITY);
        SESSION.put(ItsmeSessionData.ATTRIBUTE, new ItsmeSessionData(caller, Set.of("user"),
                ItsmeIdentityStoreTest.IDENTITY,
                new ItsmeTokens("access", "Bearer", Duration.ofHours(1), ItsmeIdentityStoreTest.IDENTITY),
                URI.create("https://app.example/itsme/callback"), null));
        try {
            assertThat(itsme.isAuthenticated()).isTrue();
            assertThat(itsme.caller()).contains(caller);
            assertThat(itsme.claims().flatMap(c -> c.email())).contains("jan@example.be");
            assertThat(itsme.acr()).contains(Acr.ADVANCED);
            assertThat(itsme.lastConfirmation()).isEmpty();
        } finally {
            SESSION.clear();
        }
    }

    @Test
    void withoutAnItsmeLoginEverythingIsEmpty() throws Exception {
        assertThat(itsme.isAuthenticated()).isFalse();
        assertThat(itsme.caller()).isEmpty();
        assertThat(itsme.claims()).isEmpty();
        assertThat(itsme.userInfo()).isEmpty();
    }
}
