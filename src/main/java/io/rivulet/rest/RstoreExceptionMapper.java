package io.rivulet.rest;

import io.rivulet.RstoreException;
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

    RstoreExceptionMapper withUri(UriInfo uri) {
        this.uri = uri;
        return this;
    }

    @Override
    public Response toResponse(RstoreException e) {
        return ErrorResponses.of(uri, e.status(), e.statusMessage(), e.statusMessage(), e.data());
    }
}
