package io.rivulet.realtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rivulet.hooks.RequestInfo;
import io.rivulet.realtime.ReadScope.Visibility;
import io.rivulet.schema.CollectionDescriptor;
import io.rivulet.schema.CollectionRegistry;
import io.rivulet.schema.TestCollections;
import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ScopedDeliveryTest {

    private static final RequestInfo ANN = new RequestInfo(Map.of("x-user", List.of("ann")), Optional.empty(), "/ws");
    private static final RequestInfo BOB = new RequestInfo(Map.of("x-user", List.of("bob")), Optional.empty(), "/ws");

    private final List<String> judged = new ArrayList<>();
    private boolean scoped = true;

    /** Ann sees rows titled "ann"; bob sees none of them; deletes of unknown rows go out key-only. */
    private final ReadScope scope = new ReadScope() {
        @Override
        public boolean applies(String collection) {
            return scoped;
        }

        @Override
        public List<List<Visibility>> judge(String collection, List<RequestInfo> callers, List<Change> changes) {
            judged.add(callers.stream().map(c -> c.header("x-user").orElseThrow()).toList() + " "
                    + changes.stream().map(Change::key).toList());
            return callers.stream().map(caller -> changes.stream().map(c -> c.type().equals(Change.DELETED)
                    ? Visibility.KEY_ONLY_DELETE
                    : caller == ANN && "ann".equals(c.record().get("title")) ? Visibility.VISIBLE : Visibility.HIDDEN)
                    .toList()).toList();
        }
    };

    private final CollectionRegistry registry = new CollectionRegistry() {
        @Override
        public Optional<CollectionDescriptor> find(String name) {
            return TestCollections.find(name);
        }
    };

    private static Peer peer(RequestInfo caller, List<String> frames) {
        RemoteEndpoint.Async remote = (RemoteEndpoint.Async) Proxy.newProxyInstance(ScopedDeliveryTest.class.getClassLoader(),
                new Class<?>[] {RemoteEndpoint.Async.class}, (proxy, method, args) -> {
                    if (method.getName().equals("sendText")) {
                        frames.add((String) args[0]);
                        ((SendHandler) args[1]).onResult(new SendResult());
                    }
                    return null;
                });
        Session session = (Session) Proxy.newProxyInstance(ScopedDeliveryTest.class.getClassLoader(),
                new Class<?>[] {Session.class}, (proxy, method, args) -> method.getName().equals("getAsyncRemote")
                        ? remote : null);
        return new Peer(session, null, caller, 100, Runnable::run, () -> { });
    }

    private static Change change(String type, int id, String title) {
        return new Change("todos", type, String.valueOf(id), Map.of("id", id, "title", title), null, "tab");
    }

    @Test
    void oneCheckForAllCallersAndChangesOfABatchThenFramesInPublishOrder() {
        List<String> ann1 = new ArrayList<>();
        List<String> ann2 = new ArrayList<>();
        List<String> bob = new ArrayList<>();
        List<Peer> peers = List.of(peer(ANN, ann1), peer(ANN, ann2), peer(BOB, bob));
        Change first = change(Change.CREATED, 1, "ann");
        Change second = change(Change.CREATED, 2, "bob");
        Change third = change(Change.DELETED, 1, "ann");
        new ScopedDelivery(scope, registry).deliver(List.of(new ScopedDelivery.Match(first, peers),
                new ScopedDelivery.Match(second, peers), new ScopedDelivery.Match(third, peers)));
        assertEquals(List.of("[ann, bob] [1, 2, 1]"), judged,
                "one check for the batch: each caller once, however many of its peers matched");
        String keyOnly = "{\"update\":{\"collection\":\"todos\",\"type\":\"deleted\",\"key\":\"1\",\"record\":{\"id\":1}}}";
        assertEquals(List.of(Frames.update(first), keyOnly), ann1);
        assertEquals(ann1, ann2);
        assertEquals(List.of(keyOnly), bob);
    }

    @Test
    void anUnscopedCollectionIsNotChecked() {
        scoped = false;
        List<String> frames = new ArrayList<>();
        Change change = change(Change.CREATED, 1, "bob");
        new ScopedDelivery(scope, registry).deliver(List.of(new ScopedDelivery.Match(change, List.of(peer(BOB, frames)))));
        assertEquals(List.of(), judged);
        assertEquals(List.of(Frames.update(change)), frames);
    }
}
