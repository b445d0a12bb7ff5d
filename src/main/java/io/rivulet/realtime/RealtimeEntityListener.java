package io.rivulet.realtime;

import io.rivulet.schema.CollectionDescriptor;
import io.rivulet.schema.CollectionRegistry;
import io.rivulet.schema.KeyCodec;
import io.rivulet.schema.Row;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreRemove;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * A default entity listener ({@code META-INF/rivulet-orm.xml}, which the unit lists as a
 * {@code <mapping-file>}): every JPA write of a collection's entity — through
 * Rivulet or by the application itself — becomes a {@link Change} of the current transaction,
 * with the row as loaded earlier in the transaction as the pre-image of an update.
 */
public class RealtimeEntityListener {

    /** The mapping file that installs this listener; a unit lists it as a {@code <mapping-file>}. */
    public static final String MAPPING_FILE = "META-INF/rivulet-orm.xml";

    /** Whether a {@code persistence.xml} the application's classes see lists {@link #MAPPING_FILE}. */
    static boolean listedIn(ClassLoader loader) {
        try {
            var units = loader.getResources("META-INF/persistence.xml");
            while (units.hasMoreElements()) {
                try (var in = units.nextElement().openStream()) {
                    if (new String(in.readAllBytes(), StandardCharsets.UTF_8).contains(MAPPING_FILE)) {
                        return true;
                    }
                }
            }
            return false;
        } catch (IOException e) {
            return true; // unreadable: no warning rather than a wrong one
        }
    }

    @PostLoad
    void loaded(Object entity) {
        collection(entity).ifPresent(c -> changes().snapshot(entity, () -> Row.of(c, entity)));
    }

    @PrePersist
    void persisting(Object entity) {
        collection(entity).ifPresent(c -> changes().join());
    }

    @PostPersist
    void persisted(Object entity) {
        record(entity, Change.CREATED);
    }

    @PostUpdate
    void updated(Object entity) {
        record(entity, Change.UPDATED);
    }

    @PreRemove
    void removing(Object entity) {
        collection(entity).ifPresent(c -> changes().snapshot(entity, () -> Row.of(c, entity)));
    }

    @PostRemove
    void removed(Object entity) {
        collection(entity).ifPresent(c -> {
            Map<String, Object> row = Optional.ofNullable(changes().snapshotOf(entity)).orElseGet(() -> Row.of(c, entity));
            changes().add(new Change(c.name(), Change.DELETED, KeyCodec.format(c, row), row, null, null));
        });
    }

    private void record(Object entity, String type) {
        collection(entity).ifPresent(c -> {
            Map<String, Object> row = Row.of(c, entity);
            Map<String, Object> previous = Change.UPDATED.equals(type) ? changes().snapshotOf(entity) : null;
            changes().add(new Change(c.name(), type, KeyCodec.format(c, row), row, previous, null));
            changes().snapshot(entity, () -> row);
        });
    }

    private static Optional<CollectionDescriptor> collection(Object entity) {
        return beans().registry().forEntity(entity.getClass());
    }

    private static TransactionChanges changes() {
        return beans().changes();
    }

    /**
     * The two beans of the callbacks, looked up once rather than per callback: {@code CDI.current()}
     * walks the stack on Payara (the calling class) and showed up at several % of CPU under load.
     * Both are application-scoped, so the references are client proxies that stay valid for the
     * lifetime of the application (one per deployment: this class lives in the WAR). Looked up on
     * first use rather than injected, because CDI injection into entity listeners is unreliable
     * on Payara for writes made during startup (as the example's seed does); and rather than
     * registered by an observer at startup, because such writes may come before that observer.
     */
    private record Beans(CollectionRegistry registry, TransactionChanges changes) {
    }

    private static volatile Beans beans;

    private static Beans beans() {
        Beans resolved = beans;
        if (resolved == null) {
            CDI<Object> cdi = CDI.current();
            resolved = new Beans(cdi.select(CollectionRegistry.class).get(), cdi.select(TransactionChanges.class).get());
            beans = resolved;
        }
        return resolved;
    }
}
