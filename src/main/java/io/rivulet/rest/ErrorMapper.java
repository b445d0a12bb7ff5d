package io.rivulet.rest;

import io.rivulet.Errors;
import io.rivulet.RstoreException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every error leaves in the rstore error format: an {@link RstoreException} (Rivulet's or a
 * hook's) with its status and statusMessage, JAX-RS's own errors (no route, wrong method) with
 * their standard phrase, anything else as {@code 500 Server Error} without internals (logged).
 */
@Provider
public class ErrorMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ErrorMapper.class.getName());

    @Context
    UriInfo uri;

    @Context
    HttpServletRequest request;

    @Override
    public Response toResponse(Throwable error) {
        // interceptors (transactions, CDI) may wrap the error Rivulet meant to send
        var rstore = RstoreException.in(error);
        if (rstore.isPresent()) {
            return ErrorResponses.of(uri, request, rstore.get().status(), rstore.get().statusMessage(),
                    rstore.get().statusMessage(), rstore.get().data());
        }
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof WebApplicationException web) {
                return jaxRs(web);
            }
        }
        LOG.log(Level.SEVERE, "Unexpected error on " + (uri == null ? "?" : uri.getRequestUri()), error);
        RstoreException serverError = Errors.serverError();
        return ErrorResponses.of(uri, request, serverError.status(), serverError.statusMessage(),
                serverError.statusMessage(), null);
    }

    private Response jaxRs(WebApplicationException e) {
        Response.StatusType status = e.getResponse().getStatusInfo();
        String phrase = status.getReasonPhrase() == null ? "Error" : status.getReasonPhrase();
        Response response = ErrorResponses.of(uri, request, status.getStatusCode(), phrase, phrase, null);
        String allow = e.getResponse().getHeaderString("Allow");
        return allow == null ? response : Response.fromResponse(response).header("Allow", allow).build();
    }
}
