package io.github.itsmejakarta.cdi.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.github.itsmejakarta.core.Acr;
import io.github.itsmejakarta.core.PendingAuthorization;
import io.github.itsmejakarta.core.Service;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 7 item 14: a session attribute under the store's name that is not this class loader's map (a redeployment
 * with persisted sessions, or anything else) is replaced, not cast into a 500; its twin keeps the existing logins.
 */
class SessionLoginStateStoreTest {
    final Clock clock = Clock.systemUTC();
    final SessionLoginStateStore store = new SessionLoginStateStore(clock);
    final Map<String, Object> attributes = new HashMap<>();
    final HttpServletRequest request = mock(HttpServletRequest.class);

    SessionLoginStateStoreTest() {
        HttpSession session = mock(HttpSession.class);
        when(session.getAttribute(anyString())).thenAnswer(i -> attributes.get((String) i.getArgument(0)));
        doAnswer(i -> attributes.put(i.getArgument(0), i.getArgument(1))).when(session).setAttribute(anyString(),
                any());
        doAnswer(i -> attributes.remove((String) i.getArgument(0))).when(session).removeAttribute(anyString());
        when(request.getSession(true)).thenReturn(session);
        when(request.getSession(false)).thenReturn(session);
    }

    LoginState login(String state) {
        Instant now = clock.instant();
        return new LoginState(PendingAuthorization.of(state, "nonce", "v".repeat(43),
                URI.create("https://app.example/itsme/callback"), Service.LOGIN, "CODE", Acr.BASIC, now,
                now.plus(Duration.ofMinutes(5)), URI.create("https://itsme.example/authorize"), null), "/", null);
    }

    @Test
    void aForeignAttributeUnderTheNameIsReplacedByTheNewLogin() {
        attributes.put(SessionLoginStateStore.ATTRIBUTE, "left by another version");
        HttpServletResponse response = mock(HttpServletResponse.class);

        store.save(request, response, login("s1"));

        assertThat(store.take(request, response, "s1")).hasValueSatisfying(l -> assertThat(l.pending().state())
                .isEqualTo("s1"));
    }

    @Test
    void anExistingMapKeepsItsLoginsBesideTheNewOne() {
        HttpServletResponse response = mock(HttpServletResponse.class);
        store.save(request, response, login("s1"));
        store.save(request, response, login("s2"));

        assertThat(store.take(request, response, "s1")).isPresent();
        assertThat(store.take(request, response, "s2")).isPresent();
    }
}
