package io.rivulet.rest;

import io.rivulet.RstoreException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Errors Rivulet or a hook raised on purpose. */
@Provider
public class RstoreExceptionMapper implements ExceptionMapper<RstoreException> {

    @Context
    UriInfo uri;

    @Context
    HttpServletRequest request;

    RstoreExceptionMapper withUri(UriInfo uri, HttpServletRequest request) {
        this.uri = uri;
        this.request = request;
        return this;
    }

    @Override
    public Response toResponse(RstoreException e) {
        return ErrorResponses.of(uri, request, e.status(), e.statusMessage(), e.statusMessage(), e.data());
    }
}
