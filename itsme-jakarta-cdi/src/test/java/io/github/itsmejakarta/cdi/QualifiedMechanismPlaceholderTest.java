package io.github.itsmejakarta.cdi;

import io.github.itsmejakarta.cdi.internal.QualifiedMechanismPlaceholder;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** The unqualified placeholder that stands beside a qualified itsme mechanism never lets anyone in. */
class QualifiedMechanismPlaceholderTest {
    private final QualifiedMechanismPlaceholder placeholder = new QualifiedMechanismPlaceholder();
    private final HttpServletRequest request = mock(HttpServletRequest.class);
    private final HttpServletResponse response = mock(HttpServletResponse.class);

    private HttpMessageContext context(boolean protectedResource) {
        HttpMessageContext context = mock(HttpMessageContext.class);
        when(context.isProtected()).thenReturn(protectedResource);
        when(context.doNothing()).thenReturn(AuthenticationStatus.NOT_DONE);
        when(context.responseUnauthorized()).thenReturn(AuthenticationStatus.SEND_FAILURE);
        return context;
    }

    @Test
    @DisplayName("asked for a protected resource: refused (401) and ITSME-1762 logged once, however often it is asked")
    void protectedIsRefused() {
        try (LogCapture log = new LogCapture()) {
            for (int i = 0; i < 3; i++) {
                HttpMessageContext context = context(true);
                assertThat(placeholder.validateRequest(request, response, context))
                        .isEqualTo(AuthenticationStatus.SEND_FAILURE);
                verify(context).responseUnauthorized();
                verify(context, never()).notifyContainerAboutLogin(org.mockito.ArgumentMatchers.anyString(),
                        org.mockito.ArgumentMatchers.anySet());
            }
            assertThat(log.containing("ITSME-1762")).hasSize(1);
        }
    }

    @Test
    @DisplayName("asked for a public resource: does nothing, so public pages keep working, and logs nothing")
    void publicIsLeftAlone() {
        try (LogCapture log = new LogCapture()) {
            HttpMessageContext context = context(false);
            assertThat(placeholder.validateRequest(request, response, context))
                    .isEqualTo(AuthenticationStatus.NOT_DONE);
            verify(context, never()).responseUnauthorized();
            assertThat(log.containing("ITSME-1762")).isEmpty();
        }
    }
}
