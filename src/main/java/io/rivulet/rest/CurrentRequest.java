package io.rivulet.rest;

import io.rivulet.hooks.RequestInfo;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** What hooks see of the current HTTP request: headers (lower-case names), the caller, the URL. */
@RequestScoped
public class CurrentRequest {

    @Inject
    SecurityContext security;

    @Context
    UriInfo uri;

    @Context
    HttpHeaders headers;

    RequestInfo info() {
        Map<String, List<String>> lowerCase = new HashMap<>();
        headers.getRequestHeaders().forEach((name, values) -> lowerCase.put(name.toLowerCase(Locale.ROOT), values));
        return new RequestInfo(lowerCase, Optional.ofNullable(security.getCallerPrincipal()),
                uri.getRequestUri().toString());
    }

    /** The raw query string of the request, or null. */
    String rawQuery() {
        return uri.getRequestUri().getRawQuery();
    }
}
