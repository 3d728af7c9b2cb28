package io.github.itsmejakarta.it.cluster.app;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.util.Collections;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * For the size measurements: the Java-serialized size of each attribute of this browser's session, which is what a
 * replicating container copies to the other nodes when the attribute changes. Creates no session.
 */
@WebServlet("/public/session-size")
public class SessionSizeServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain");
        StringBuilder out = new StringBuilder("node=" + Node.NAME + "\n");
        HttpSession session = request.getSession(false);
        if (session != null) {
            for (String name : Collections.list(session.getAttributeNames())) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                try (ObjectOutputStream oos = new ObjectOutputStream(bytes)) {
                    oos.writeObject(session.getAttribute(name));
                }
                out.append(name).append('=').append(bytes.size()).append('\n');
            }
        }
        response.getWriter().write(out.toString());
    }
}
