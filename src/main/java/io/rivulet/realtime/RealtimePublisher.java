package io.rivulet.realtime;

import io.rivulet.schema.CollectionDescriptor;
import io.rivulet.schema.CollectionRegistry;
import io.rivulet.schema.KeyCodec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;

/**
 * Publishes changes made outside JPA (native SQL, bulk updates) to realtime subscribers, like
 * rstore's {@code publishRstoreDrizzleRealtimeUpdate}: after the current transaction commits, or
 * at once outside one. JPA writes of entities are published without it. With
 * {@code rivulet.changes.source=postgresql} the change is only journaled: the database's stream
 * carries the native write itself and publishes it.
 */
@ApplicationScoped
public class RealtimePublisher {

    @Inject
    CollectionRegistry registry;

    @Inject
    TransactionChanges changes;

    /**
     * @param type           {@code created}, {@code updated} or {@code deleted}
     * @param record         the row (field names, wire values); for deleted the row before deletion
     * @param previousRecord the row before an update, or null (then every subscriber of the key gets it)
     */
    public void publish(String collection, String type, Map<String, Object> record, Map<String, Object> previousRecord) {
        CollectionDescriptor descriptor = registry.find(collection)
                .orElseThrow(() -> new IllegalArgumentException("Unknown collection " + collection));
        changes.add(new Change(collection, type, KeyCodec.format(descriptor, record), record, previousRecord, null));
    }
}
