package io.rivulet.rest;

import io.rivulet.RstoreException;
import jakarta.transaction.TransactionalException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Anything else is a 500 "Server Error" with no internals in the body; the log has the details. */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

    @Context
    UriInfo uri;

    @Context
    HttpServletRequest request;

    @Override
    public Response toResponse(Throwable e) {
        // an interceptor may wrap the error Rivulet meant to send
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RstoreException rstore) {
                return new RstoreExceptionMapper().withUri(uri, request).toResponse(rstore);
            }
            if (t instanceof WebApplicationException web && !(e instanceof TransactionalException)) {
                return new WebApplicationExceptionMapper().withUri(uri, request).toResponse(web);
            }
        }
        LOG.log(Level.SEVERE, "Unexpected error on " + (uri == null ? "?" : uri.getRequestUri()), e);
        return ErrorResponses.of(uri, request, 500, "Server Error", "Server Error", null);
    }
}
