package io.rivulet.hooks;

import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The HTTP request behind an operation.
 *
 * @param headers request headers, names in lower case
 * @param caller  the caller from Jakarta Security's {@code SecurityContext}, if authenticated
 * @param url     the request URL
 */
public record RequestInfo(Map<String, List<String>> headers, Optional<Principal> caller, String url) {

    /** The header of {@link #clientId()}. */
    public static final String CLIENT_ID_HEADER = "x-rstore-client-id";

    public RequestInfo {
        headers = Map.copyOf(headers);
    }

    /** The rstore client's id ({@code X-Rstore-Client-Id}), sent with mutations: realtime skips its echo. */
    public Optional<String> clientId() {
        return clientId(header(CLIENT_ID_HEADER));
    }

    /** A client id header's first value as {@link #clientId()} reads it: none when blank. */
    public static Optional<String> clientId(Optional<String> header) {
        return header.filter(id -> !id.isBlank());
    }

    /** The first value of a header (case-insensitive name). */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }
}
