package io.rivulet.rest;

import io.rivulet.wire.PlainJson;
import io.rivulet.wire.Jsonp;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * The Nitro-style JSON error body of PROTOCOL §1.3, with the reason phrase set to the
 * statusMessage: {@code {"error":true,"url":…,"statusCode":…,"statusMessage":…,"message":…}}.
 */
final class ErrorResponses {

    private ErrorResponses() {
    }

    static Response of(UriInfo uri, HttpServletRequest request, int status, String statusMessage, String message,
            Object data) {
        if (request != null) {
            request.setAttribute(ReasonPhraseFilter.ATTRIBUTE, reasonPhrase(statusMessage));
        }
        JsonObjectBuilder body = Jsonp.PROVIDER.createObjectBuilder()
                .add("error", true)
                .add("url", uri == null ? "" : uri.getRequestUri().toString())
                .add("statusCode", status)
                .add("statusMessage", statusMessage)
                .add("message", message);
        if (data != null) {
            body.add("data", PlainJson.toJsonValue(data));
        }
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(body.build().toString())
                .build();
    }

    /** A reason phrase is one line of visible ASCII. */
    private static String reasonPhrase(String statusMessage) {
        return statusMessage.replaceAll("[^\\x20-\\x7E]", "?");
    }
}
