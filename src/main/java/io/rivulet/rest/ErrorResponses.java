package io.rivulet.rest;

import io.rivulet.wire.JsonWriter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;

/**
 * The Nitro-style JSON error body of PROTOCOL §1.3, with the reason phrase set to the
 * statusMessage: {@code {"error":true,"url":…,"statusCode":…,"statusMessage":…,"message":…}},
 * for the JAX-RS resources ({@link #of}) and the servlet edge ({@link #write}) alike.
 */
final class ErrorResponses {

    /** A 503 (the database cannot be reached) says when to try again, for clients and load balancers. */
    static final String RETRY_AFTER = "Retry-After";
    static final String RETRY_AFTER_SECONDS = "2";

    private ErrorResponses() {
    }

    static Response of(UriInfo uri, HttpServletRequest request, int status, String statusMessage, String message,
            Object data) {
        if (request != null) {
            request.setAttribute(ReasonPhraseFilter.ATTRIBUTE, reasonPhrase(statusMessage));
        }
        Response.ResponseBuilder response = Response.status(status);
        if (status == 503) {
            response.header(RETRY_AFTER, RETRY_AFTER_SECONDS);
        }
        return response
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(body(uri == null ? "" : uri.getRequestUri().toString(), status, statusMessage, message, data))
                .build();
    }

    static void write(HttpServletRequest request, HttpServletResponse response, String url, int status,
            String statusMessage, String message, Object data) throws IOException {
        String phrase = reasonPhrase(statusMessage);
        request.setAttribute(ReasonPhraseFilter.ATTRIBUTE, phrase);
        response.setStatus(status);
        ReasonPhrase.apply(response, status, phrase);
        if (status == 503) {
            response.setHeader(RETRY_AFTER, RETRY_AFTER_SECONDS);
        }
        byte[] body = body(url, status, statusMessage, message, data).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        response.setContentType("application/json");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private static String body(String url, int status, String statusMessage, String message, Object data) {
        JsonWriter body = new JsonWriter(256).beginObject()
                .member("error", true)
                .member("url", url)
                .member("statusCode", status)
                .member("statusMessage", statusMessage)
                .member("message", message);
        if (data != null) {
            body.member("data", data);
        }
        return body.endObject().toString();
    }

    /** The longest reason phrase: the catalogue's texts fit, a hook's long message is cut. */
    static final int MAX_REASON_PHRASE = 256;

    /**
     * A reason phrase is one short line of visible ASCII: the catalogue cuts the client's text it
     * repeats ({@link io.rivulet.Errors}), and this cuts the rest, as Node's HTTP parser (the
     * client's fetch during SSR) refuses a long status line. The body keeps the whole statusMessage.
     */
    static String reasonPhrase(String statusMessage) {
        String visible = statusMessage.replaceAll("[^\\x20-\\x7E]", "?");
        return visible.length() <= MAX_REASON_PHRASE ? visible
                : visible.substring(0, MAX_REASON_PHRASE - 3) + "...";
    }
}
