package io.rivulet.hooks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rivulet.query.SearchQuery;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** An operation's client id: the edge's one-header reader while nothing needed the whole request, else the request's. */
class CollectionEventClientIdTest {

    private static RequestInfo request(String clientId) {
        return new RequestInfo(Map.of(RequestInfo.CLIENT_ID_HEADER, List.of(clientId)), Optional.empty(),
                "/api/rstore/todos");
    }

    @Test
    void theEdgesReaderServesUntilTheRequestIsRead() {
        AtomicInteger requestsRead = new AtomicInteger();
        CollectionEvent event = new CollectionEvent(Operation.INDEX_POST, "todos", null, Map.of(), null,
                () -> SearchQuery.EMPTY, () -> {
                    requestsRead.incrementAndGet();
                    return request("from-request");
                }).clientIdFrom(() -> RequestInfo.clientId(Optional.of("from-header")));
        assertEquals(Optional.of("from-header"), event.clientId());
        assertEquals(0, requestsRead.get(), "the whole request is not built for the client id");
        event.request();
        assertEquals(Optional.of("from-request"), event.clientId(), "once read, the request answers");
    }

    @Test
    void withoutAReaderTheRequestAnswersAndBlankIsNone() {
        CollectionEvent event = new CollectionEvent(Operation.INDEX_POST, "todos", null, Map.of(), null,
                () -> SearchQuery.EMPTY, request("  "));
        assertEquals(Optional.empty(), event.clientId());
        assertEquals(Optional.empty(), RequestInfo.clientId(Optional.of("")));
    }
}
