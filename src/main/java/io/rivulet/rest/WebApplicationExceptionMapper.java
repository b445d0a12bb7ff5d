package io.rivulet.rest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** JAX-RS's own errors (no such route, method not allowed, …) in the rstore error format. */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Context
    UriInfo uri;

    @Context
    HttpServletRequest request;

    WebApplicationExceptionMapper withUri(UriInfo uri, HttpServletRequest request) {
        this.uri = uri;
        this.request = request;
        return this;
    }

    @Override
    public Response toResponse(WebApplicationException e) {
        Response.StatusType status = e.getResponse().getStatusInfo();
        String phrase = status.getReasonPhrase() == null ? "Error" : status.getReasonPhrase();
        Response response = ErrorResponses.of(uri, request, status.getStatusCode(), phrase, phrase, null);
        if (e.getResponse().getHeaders().containsKey("Allow")) {
            return Response.fromResponse(response).header("Allow", e.getResponse().getHeaderString("Allow")).build();
        }
        return response;
    }
}
