package io.github.itsmejakarta.cdi;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A browser in front of the mechanism, made of servlet test doubles (Mockito): it keeps a cookie jar and the
 * server-side session, builds a request for a URL, runs {@code validateRequest} and records what the mechanism
 * answered. No servlet container: what the container would do with the answer is not simulated.
 */
final class Browser {
    final String contextPath;
    final Map<String, Cookie> cookies = new LinkedHashMap<>();
    FakeSession session;
    final List<String> sessionIdHistory = new ArrayList<>();
    boolean secure;

    Browser(String contextPath) {
        this.contextPath = contextPath;
    }

    /** Headers every following request carries (name case-insensitive), e.g. {@code X-Requested-With}. */
    final Map<String, String> requestHeaders = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    /** One request and what came back. */
    static final class Exchange {
        HttpServletRequest request;
        HttpServletResponse response;
        HttpMessageContext context;
        AuthenticationStatus status;
        int httpStatus = 200;
        final Map<String, String> headers = new HashMap<>();
        final List<Cookie> setCookies = new ArrayList<>();
        final StringWriter text = new StringWriter();
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        String redirect;
        Principal notifiedCaller;
        Set<String> notifiedGroups;
        boolean sessionCreated;

        String body() {
            return text + bytes.toString(StandardCharsets.UTF_8);
        }

        Cookie cookie(String prefix) {
            return setCookies.stream().filter(c -> c.getName().startsWith(prefix)).findFirst().orElse(null);
        }
    }

    Exchange get(ItsmeAuthenticationMechanism mechanism, String url, boolean isProtected) {
        return send(mechanism, "GET", url, isProtected, null);
    }

    Exchange send(ItsmeAuthenticationMechanism mechanism, String method, String url, boolean isProtected,
            AuthenticationParameters parameters) {
        Exchange e = exchange(method, url, isProtected, parameters);
        e.status = mechanism.validateRequest(e.request, e.response, e.context);
        return e;
    }

    Exchange exchange(String method, String url, boolean isProtected, AuthenticationParameters parameters) {
        URI uri = URI.create(url);
        Exchange e = new Exchange();
        HttpServletRequest req = mock(HttpServletRequest.class);
        when(req.getMethod()).thenReturn(method);
        when(req.getScheme()).thenReturn(uri.getScheme());
        when(req.isSecure()).thenReturn("https".equals(uri.getScheme()) || secure);
        when(req.getServerName()).thenReturn(uri.getHost());
        when(req.getServerPort()).thenReturn(uri.getPort());
        when(req.getRequestURI()).thenReturn(uri.getRawPath());
        when(req.getContextPath()).thenReturn(contextPath);
        when(req.getHeader(anyString())).thenAnswer(i -> requestHeaders.get(i.<String>getArgument(0)));
        when(req.getQueryString()).thenReturn(uri.getRawQuery());
        when(req.getParameterMap()).thenReturn(parameters(uri.getRawQuery()));
        when(req.getCookies()).thenAnswer(i -> cookies.isEmpty() ? null : cookies.values().toArray(Cookie[]::new));
        when(req.getRequestedSessionId()).thenAnswer(i -> session == null ? null : session.id);
        when(req.getSession(false)).thenAnswer(i -> session == null ? null : session.mock);
        when(req.getSession(true)).thenAnswer(i -> {
            if (session == null) {
                session = new FakeSession();
                sessionIdHistory.add(session.id);
                e.sessionCreated = true;
            }
            return session.mock;
        });
        when(req.getSession()).thenAnswer(i -> req.getSession(true));
        when(req.changeSessionId()).thenAnswer(i -> {
            session.id = UUID.randomUUID().toString();
            sessionIdHistory.add(session.id);
            return session.id;
        });
        e.request = req;

        HttpServletResponse resp = mock(HttpServletResponse.class);
        try {
            doAnswer(i -> e.httpStatus = i.getArgument(0)).when(resp).setStatus(anyInt());
            doAnswer(i -> e.headers.put(i.getArgument(0), i.getArgument(1))).when(resp).setHeader(anyString(),
                    anyString());
            doAnswer(i -> e.headers.put("Content-Type", i.getArgument(0))).when(resp).setContentType(anyString());
            doAnswer(i -> {
                Cookie c = i.getArgument(0);
                e.setCookies.add(c);
                if (c.getMaxAge() == 0) {
                    cookies.remove(c.getName());
                } else {
                    cookies.put(c.getName(), c);
                }
                return null;
            }).when(resp).addCookie(any(Cookie.class));
            doAnswer(i -> {
                e.httpStatus = 302;
                e.redirect = i.getArgument(0);
                return null;
            }).when(resp).sendRedirect(anyString());
            when(resp.getWriter()).thenReturn(new PrintWriter(e.text));
            when(resp.getOutputStream()).thenReturn(new ServletOutputStream() {
                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setWriteListener(WriteListener listener) {
                }

                @Override
                public void write(int b) {
                    e.bytes.write(b);
                }
            });
        } catch (java.io.IOException impossible) {
            throw new AssertionError(impossible);
        }
        e.response = resp;

        HttpMessageContext ctx = mock(HttpMessageContext.class);
        when(ctx.isProtected()).thenReturn(isProtected);
        when(ctx.isAuthenticationRequest()).thenReturn(parameters != null);
        when(ctx.getAuthParameters()).thenReturn(parameters);
        when(ctx.doNothing()).thenReturn(AuthenticationStatus.NOT_DONE);
        when(ctx.notifyContainerAboutLogin(any(Principal.class), any())).thenAnswer(i -> {
            e.notifiedCaller = i.getArgument(0);
            e.notifiedGroups = i.getArgument(1);
            return AuthenticationStatus.SUCCESS;
        });
        e.context = ctx;
        return e;
    }

    private static Map<String, String[]> parameters(String rawQuery) {
        Map<String, List<String>> lists = new LinkedHashMap<>();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&")) {
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                lists.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            }
        }
        Map<String, String[]> map = new LinkedHashMap<>();
        lists.forEach((k, v) -> map.put(k, v.toArray(String[]::new)));
        return Collections.unmodifiableMap(map);
    }

    /** A server-side session: attributes in a map, an id that changeSessionId replaces. */
    static final class FakeSession {
        String id = UUID.randomUUID().toString();
        final Map<String, Object> attributes = new ConcurrentHashMap<>();
        boolean invalidated;
        final HttpSession mock = mock(HttpSession.class);

        FakeSession() {
            when(mock.getId()).thenAnswer(i -> id);
            when(mock.getAttribute(anyString())).thenAnswer(i -> attributes.get((String) i.getArgument(0)));
            doAnswer(i -> {
                Object value = i.getArgument(1);
                if (value == null) {
                    attributes.remove((String) i.getArgument(0));
                } else {
                    attributes.put(i.getArgument(0), value);
                }
                return null;
            }).when(mock).setAttribute(anyString(), any());
            doAnswer(i -> attributes.remove((String) i.getArgument(0))).when(mock).removeAttribute(anyString());
            doAnswer(i -> {
                invalidated = true;
                attributes.clear();
                return null;
            }).when(mock).invalidate();
        }
    }
}
