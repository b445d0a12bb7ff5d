package io.rivulet.rest;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;

/**
 * Puts an error's statusMessage into the HTTP reason phrase, as Nitro does (the client's
 * {@code FetchError.statusMessage} is read from it). Servlet 6 has no API for a custom reason
 * phrase, so {@link ReasonPhrase} uses the container's own where it offers one; where it does
 * not, the standard phrase stays and the JSON body still carries the statusMessage.
 */
@WebFilter(urlPatterns = "/api/*")
public class ReasonPhraseFilter implements Filter {

    /** The request attribute an error response sets to the reason phrase it wants. */
    static final String ATTRIBUTE = ReasonPhraseFilter.class.getName();

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request instanceof HttpServletRequest http && response instanceof HttpServletResponse httpResponse) {
            chain.doFilter(request, new Wrapper(http, httpResponse));
        } else {
            chain.doFilter(request, response);
        }
    }

    private static final class Wrapper extends HttpServletResponseWrapper {
        private final HttpServletRequest request;

        Wrapper(HttpServletRequest request, HttpServletResponse response) {
            super(response);
            this.request = request;
        }

        @Override
        public void setStatus(int status) {
            super.setStatus(status);
            if (request.getAttribute(ATTRIBUTE) instanceof String reason) {
                ReasonPhrase.apply(getResponse(), status, reason);
            }
        }
    }
}
