package io.rivulet.realtime;

import io.rivulet.hooks.RequestInfo;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.websocket.CloseReason;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpoint;
import jakarta.websocket.server.ServerEndpointConfig;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The rstore realtime WebSocket ({@code /api/rstore-realtime/ws}): a thin shell over {@link RealtimeHub}. */
@ServerEndpoint(value = "/api/rstore-realtime/ws", configurator = RealtimeEndpoint.Handshake.class)
public class RealtimeEndpoint {

    private static final String CLIENT_ID = "rivulet.clientId";
    private static final String CALLER = "rivulet.caller";
    /** The handshake's own property map, which the session's copy refers to until the connection opens. */
    private static final String HANDSHAKE = "rivulet.handshake";

    /**
     * Takes from the upgrade request what the session needs later: the client id of non-browser
     * clients ({@code x-rstore-client-id}) and the caller as the read hooks see it (the container's
     * principal, the headers, the URL). Both go into the user properties of this one connection:
     * since WebSocket 2.1 (Jakarta EE 10) the configurator gets a per-connection copy of them,
     * which becomes the session's own ({@link Session#getUserProperties()}); the endpoint reads
     * them from there, never from the endpoint's shared configuration, so that concurrent
     * handshakes cannot see each other's values.
     */
    public static class Handshake extends ServerEndpointConfig.Configurator {

        /**
         * Headers that differ per connection, not per caller: left out of what hooks see, so that
         * peers of one caller share one scope (and one scope check per change).
         */
        private static final Set<String> PER_CONNECTION = Set.of("sec-websocket-key", "sec-websocket-version",
                "sec-websocket-extensions", RequestInfo.CLIENT_ID_HEADER);

        @Override
        public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
            Map<String, List<String>> headers = new LinkedHashMap<>();
            String clientId = null;
            for (Map.Entry<String, List<String>> header : request.getHeaders().entrySet()) {
                String name = header.getKey().toLowerCase(Locale.ROOT);
                if (name.equals(RequestInfo.CLIENT_ID_HEADER)) {
                    clientId = RequestInfo.clientId(header.getValue().stream().findFirst()).orElse(clientId);
                }
                if (!PER_CONNECTION.contains(name)) {
                    headers.computeIfAbsent(name, n -> new ArrayList<>()).addAll(header.getValue());
                }
            }
            headers.replaceAll((name, values) -> List.copyOf(values));
            String url = String.valueOf(request.getRequestURI());
            if (request.getQueryString() != null && !url.contains("?")) {
                url += "?" + request.getQueryString();
            }
            Map<String, Object> properties = config.getUserProperties();
            properties.put(HANDSHAKE, properties); // the session gets a copy: this lets it clear the original
            properties.put(CALLER, new RequestInfo(headers, Optional.ofNullable(request.getUserPrincipal()), url));
            if (clientId != null) {
                properties.put(CLIENT_ID, clientId);
            } else {
                properties.remove(CLIENT_ID);
            }
        }
    }

    @OnOpen
    public void open(Session session, EndpointConfig config) {
        Map<String, Object> properties = session.getUserProperties();
        String clientId = (String) properties.get(CLIENT_ID);
        // taken out: the hub keeps one copy per distinct caller, not one per connection
        Object caller = properties.remove(CALLER);
        properties.remove(CLIENT_ID);
        // and out of the handshake's own properties, which the container keeps for the life of
        // the connection (Tyrus in its upgrade's request context, Undertow in the connection's
        // endpoint configuration): else every connection holds its own caller, headers and all
        if (properties.remove(HANDSHAKE) instanceof Map<?, ?> handshake) {
            handshake.remove(CALLER);
            handshake.remove(CLIENT_ID);
            handshake.remove(HANDSHAKE);
        }
        hub().open(session, clientId, caller instanceof RequestInfo info ? info
                : new RequestInfo(Map.of(), Optional.ofNullable(session.getUserPrincipal()),
                        String.valueOf(session.getRequestURI())));
    }

    /** Text frames in parts, so that Rivulet's frame limit holds the same on every container. */
    @OnMessage
    public void message(Session session, String part, boolean last) {
        hub().receive(session, part, last);
    }

    /**
     * Binary frames are not part of the protocol (text only): ignored like any other frame Rivulet
     * does not understand, and the connection stays open. Taken in parts, so that the container
     * never buffers a large one.
     */
    @OnMessage
    public void binary(Session session, ByteBuffer part, boolean last) {
        // ignored
    }

    @OnClose
    public void close(Session session, CloseReason reason) {
        hub().close(session);
    }

    @OnError
    public void error(Session session, Throwable error) {
        hub().fail(session);
    }

    /** The hub, looked up once per connection (the container makes one endpoint per connection), not per frame. */
    private RealtimeHub hub;

    private RealtimeHub hub() {
        RealtimeHub known = hub;
        if (known == null) {
            known = CDI.current().select(RealtimeHub.class).get();
            hub = known;
        }
        return known;
    }
}
