package io.rivulet.rest;

import io.rivulet.hooks.RequestInfo;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What hooks see of the current HTTP request: headers (lower-case names), the caller, the URL.
 * The request is CDI's built-in {@link HttpServletRequest} bean: JAX-RS {@code @Context}
 * injection into a plain CDI bean is a Jersey extra (RESTEasy on WildFly leaves it null).
 */
@RequestScoped
public class CurrentRequest {

    @Inject
    SecurityContext security;

    @Inject
    HttpServletRequest request;

    RequestInfo info() {
        return info(request, security, rawQuery());
    }

    /** What hooks see of a servlet request; the JAX-RS routes and the servlet edge share it. */
    static RequestInfo info(HttpServletRequest request, SecurityContext security, String rawQuery) {
        Map<String, List<String>> lowerCase = new HashMap<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            lowerCase.computeIfAbsent(name.toLowerCase(Locale.ROOT), n -> new ArrayList<>())
                    .addAll(Collections.list(request.getHeaders(name)));
        }
        return new RequestInfo(lowerCase, caller(request, security),
                request.getRequestURL() + (rawQuery == null ? "" : "?" + rawQuery));
    }

    /**
     * Jakarta Security's caller, only for an authenticated request: WildFly's SecurityContext
     * answers an unauthenticated one with a principal named "anonymous" where Payara answers null.
     */
    private static Optional<Principal> caller(HttpServletRequest request, SecurityContext security) {
        return request.getUserPrincipal() == null ? Optional.empty() : Optional.ofNullable(security.getCallerPrincipal());
    }

    /** The raw (still encoded) query string of the request, or null. */
    String rawQuery() {
        return request.getQueryString();
    }
}
