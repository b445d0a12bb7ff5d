package io.rivulet.example;

import io.rivulet.config.RivuletSettings;
import io.rivulet.console.ConsoleFilter;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The example application's home page ({@code ""}: the context root itself) is the web console,
 * while it is switched on; without it the root stays a 404, as before. An application that adds
 * the engine jar keeps its own root.
 */
@WebServlet(urlPatterns = "")
public class ExampleHome extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient RivuletSettings settings;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (settings.console()) {
            response.sendRedirect(request.getContextPath() + ConsoleFilter.PATH + "/");
        } else {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }
}
