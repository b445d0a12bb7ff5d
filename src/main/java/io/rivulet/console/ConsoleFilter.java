package io.rivulet.console;

import io.rivulet.config.RivuletSettings;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The web console's door: its static files ({@code META-INF/resources/rivulet/console/} of a jar in
 * {@code WEB-INF/lib}, which the container serves) are served only while {@code rivulet.console} is
 * true; otherwise, and where the build skipped the console (no Node), the answer is 404.
 * {@code /rivulet/console} redirects to {@code /rivulet/console/}, whose page is {@code index.html}:
 * the console finds the API relative to its own URL.
 */
@WebFilter(urlPatterns = {ConsoleFilter.PATH, ConsoleFilter.PATH + "/*"})
public class ConsoleFilter extends HttpFilter {

    /** Where the console is, inside the application's context root. */
    public static final String PATH = "/rivulet/console";

    private static final String INDEX = PATH + "/index.html";
    private static final long serialVersionUID = 1L;

    @Inject
    transient RivuletSettings settings;

    /** Whether the build put the console into the application (looked up once: it cannot change). */
    private transient boolean built;

    @Override
    public void init() throws ServletException {
        try {
            built = getServletContext().getResource(INDEX) != null;
        } catch (java.net.MalformedURLException e) {
            throw new ServletException(e);
        }
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        if (!settings.console()) {
            notFound(response, "The Rivulet console is switched off (rivulet.console=false).");
        } else if (!built) {
            notFound(response, "The Rivulet console is not in this application: it was built without Node/npm.");
        } else if (path.equals(PATH)) {
            response.sendRedirect(request.getContextPath() + PATH + "/");
        } else {
            // the console's own pages may only talk to this origin, and are not framed by others
            response.setHeader("Content-Security-Policy", "default-src 'self'; connect-src 'self'; img-src 'self' data:;"
                    + " frame-ancestors 'none'");
            response.setHeader("X-Content-Type-Options", "nosniff");
            if (path.equals(PATH + "/")) {
                response.setHeader("Cache-Control", "no-cache");
                request.getRequestDispatcher(INDEX).forward(request, response);
            } else {
                // Vite names every asset by its content: a changed file is a new name
                response.setHeader("Cache-Control", path.startsWith(PATH + "/assets/")
                        ? "public, max-age=31536000, immutable" : "no-cache");
                chain.doFilter(request, response);
            }
        }
    }

    private static void notFound(HttpServletResponse response, String message) throws IOException {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        response.setContentType("text/plain;charset=UTF-8");
        response.getOutputStream().write((message + "\n").getBytes(StandardCharsets.UTF_8));
    }
}
