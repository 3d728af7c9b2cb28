package io.github.itsmejakarta.it.eventsapp;

import java.io.IOException;
import java.util.List;

import io.github.itsmejakarta.cdi.ItsmeLoginFailed;
import io.github.itsmejakarta.cdi.ItsmeLoginSucceeded;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Shows the events {@link LoginEventLog} observed as {@code key=value} lines, numbered in order ({@code 1.type=...},
 * {@code 1.caller=...}), each with the event's whole {@code toString()} ({@code 1.record=...}) so that a test can see
 * everything it carries; {@code POST} forgets them. Not protected.
 */
@WebServlet("/events")
public class EventsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient LoginEventLog log;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        StringBuilder body = new StringBuilder();
        List<Object> events = log.events();
        body.append("count=").append(events.size()).append('\n');
        for (int i = 0; i < events.size(); i++) {
            String n = (i + 1) + ".";
            Object event = events.get(i);
            if (event instanceof ItsmeLoginSucceeded s) {
                body.append(n).append("type=succeeded\n");
                body.append(n).append("caller=").append(s.callerName()).append('\n');
                body.append(n).append("sub=").append(s.subject()).append('\n');
                body.append(n).append("service=").append(s.service()).append('\n');
                body.append(n).append("acr=").append(s.acr().orElse("-")).append('\n');
                body.append(n).append("first=").append(s.firstLoginInSession()).append('\n');
                body.append(n).append("previous=").append(s.previousSubject().orElse("-")).append('\n');
            } else if (event instanceof ItsmeLoginFailed f) {
                body.append(n).append("type=failed\n");
                body.append(n).append("message-id=").append(f.messageId()).append('\n');
                body.append(n).append("service=").append(f.service().map(String::valueOf).orElse("-")).append('\n');
                body.append(n).append("status=").append(f.httpStatus()).append('\n');
            }
            body.append(n).append("record=").append(event).append('\n');
        }
        response.setContentType("text/plain;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(body.toString());
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) {
        log.clear();
        response.setStatus(204);
    }
}
