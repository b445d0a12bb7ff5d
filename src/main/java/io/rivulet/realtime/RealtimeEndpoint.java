package io.rivulet.realtime;

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
import java.util.List;

/** The rstore realtime WebSocket ({@code /api/rstore-realtime/ws}): a thin shell over {@link RealtimeHub}. */
@ServerEndpoint(value = "/api/rstore-realtime/ws", configurator = RealtimeEndpoint.ClientIdHeader.class)
public class RealtimeEndpoint {

    private static final String CLIENT_ID = "rivulet.clientId";

    /**
     * Non-browser clients may send their client id on the upgrade ({@code x-rstore-client-id}); it is
     * handed to the session through the handshake's user properties.
     */
    public static class ClientIdHeader extends ServerEndpointConfig.Configurator {
        @Override
        public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
            List<String> ids = request.getHeaders().entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase("x-rstore-client-id"))
                    .flatMap(e -> e.getValue().stream()).toList();
            if (!ids.isEmpty() && !ids.get(0).isBlank()) {
                config.getUserProperties().put(CLIENT_ID, ids.get(0));
            } else {
                config.getUserProperties().remove(CLIENT_ID);
            }
        }
    }

    @OnOpen
    public void open(Session session, EndpointConfig config) {
        hub().open(session, (String) config.getUserProperties().remove(CLIENT_ID));
    }

    /** Text frames in parts, so that Rivulet's frame limit holds the same on every container. */
    @OnMessage
    public void message(Session session, String part, boolean last) {
        hub().receive(session, part, last);
    }

    @OnClose
    public void close(Session session, CloseReason reason) {
        hub().close(session);
    }

    @OnError
    public void error(Session session, Throwable error) {
        hub().fail(session);
    }

    private static RealtimeHub hub() {
        return CDI.current().select(RealtimeHub.class).get();
    }
}
