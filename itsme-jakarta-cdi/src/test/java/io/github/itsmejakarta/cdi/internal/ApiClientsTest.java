package io.github.itsmejakarta.cdi.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiClientsTest {

    private static final ApiClients DETECTING = new ApiClients(true, List.of("/api"));
    private static final ApiClients PATHS_ONLY = new ApiClients(false, List.of("/api"));

    private static HttpServletRequest request(String path, Map<String, String> headers) {
        HttpServletRequest request = mock(HttpServletRequest.class);
        when(request.getContextPath()).thenReturn("/app");
        when(request.getRequestURI()).thenReturn("/app" + path);
        headers.forEach((name, value) -> when(request.getHeader(name)).thenReturn(value));
        return request;
    }

    @Test
    void aBrowsersNavigationIsRedirected() {
        assertThat(DETECTING.cannotFollowRedirect(request("/protected/page", Map.of("Sec-Fetch-Mode", "navigate",
                "Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")))).isFalse();
        // an old browser or a plain client that says nothing about itself: redirected as before
        assertThat(DETECTING.cannotFollowRedirect(request("/protected/page", Map.of()))).isFalse();
    }

    @Test
    void anXmlHttpRequestOrAFetchCallCannotFollowTheRedirect() {
        assertThat(DETECTING.cannotFollowRedirect(request("/protected/data", Map.of("X-Requested-With",
                "XMLHttpRequest")))).isTrue();
        assertThat(DETECTING.cannotFollowRedirect(request("/protected/data", Map.of("Sec-Fetch-Mode", "cors"))))
                .isTrue();
        assertThat(DETECTING.cannotFollowRedirect(request("/protected/data", Map.of("Sec-Fetch-Mode",
                "same-origin")))).isTrue();
    }

    @Test
    void acceptNamingJsonAndNotHtmlIsAnApiClient() {
        assertThat(ApiClients.acceptsJsonNotHtml("application/json")).isTrue();
        assertThat(ApiClients.acceptsJsonNotHtml("application/problem+json, application/json;q=0.9")).isTrue();
        assertThat(ApiClients.acceptsJsonNotHtml("text/html, application/json")).isFalse();
        assertThat(ApiClients.acceptsJsonNotHtml("*/*")).isFalse();
        assertThat(ApiClients.acceptsJsonNotHtml(null)).isFalse();
    }

    @Test
    void aConfiguredPrefixIsAlwaysAnApiPathAndOnlyOnItsSegmentBoundary() {
        assertThat(PATHS_ONLY.cannotFollowRedirect(request("/api", Map.of()))).isTrue();
        assertThat(PATHS_ONLY.cannotFollowRedirect(request("/api/orders/7", Map.of()))).isTrue();
        assertThat(PATHS_ONLY.cannotFollowRedirect(request("/apiary", Map.of()))).isFalse();
        assertThat(PATHS_ONLY.cannotFollowRedirect(request("/page", Map.of()))).isFalse();
    }

    @Test
    void withDetectionOffOnlyThePrefixesCount() {
        assertThat(PATHS_ONLY.cannotFollowRedirect(request("/protected/data", Map.of("X-Requested-With",
                "XMLHttpRequest", "Accept", "application/json")))).isFalse();
    }
}
