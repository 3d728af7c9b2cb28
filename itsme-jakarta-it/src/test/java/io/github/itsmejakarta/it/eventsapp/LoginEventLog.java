package io.github.itsmejakarta.it.eventsapp;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.itsmejakarta.cdi.ItsmeLoginFailed;
import io.github.itsmejakarta.cdi.ItsmeLoginSucceeded;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The application's observer of itsme's login events, as an application auditing logins would write it: every event
 * is kept, in order, for {@link EventsServlet} to show. Thread-safe.
 */
@ApplicationScoped
public class LoginEventLog {

    private final List<Object> events = new CopyOnWriteArrayList<>();

    void succeeded(@Observes ItsmeLoginSucceeded event) {
        events.add(event);
    }

    void failed(@Observes ItsmeLoginFailed event) {
        events.add(event);
    }

    public List<Object> events() {
        return List.copyOf(events);
    }

    public void clear() {
        events.clear();
    }
}
