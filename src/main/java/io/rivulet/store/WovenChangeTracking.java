package io.rivulet.store;

import java.beans.PropertyChangeEvent;
import java.beans.PropertyChangeListener;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tells a provider's woven change tracking about a value Rivulet wrote into a managed entity.
 *
 * <p>Rivulet writes attributes by reflection. EclipseLink, where the unit leaves
 * {@code eclipselink.weaving.changetracking} on (its default), weaves attribute change tracking
 * into the entity and learns of changes only through the woven setters: a field written by
 * reflection would be committed as unchanged, and the PATCH answered 200 but lost. A woven entity
 * implements {@code org.eclipse.persistence.descriptors.changetracking.ChangeTracker}, whose
 * listener is a plain {@link PropertyChangeListener}: Rivulet sends it the event a woven setter
 * would. Found by name, so nothing here needs EclipseLink (Hibernate on WildFly compares
 * snapshots and needs nothing).
 */
final class WovenChangeTracking {

    private static final String TRACKER = "org.eclipse.persistence.descriptors.changetracking.ChangeTracker";

    /** Per entity class: the tracker's listener getter, or empty for a class nothing tracks. */
    private static final Map<Class<?>, Optional<Method>> LISTENERS = new ConcurrentHashMap<>();

    private WovenChangeTracking() {
    }

    /** After {@code attribute} of the managed {@code entity} changed from {@code before} to {@code after}. */
    static void changed(Object entity, String attribute, Object before, Object after) {
        Optional<Method> getter = LISTENERS.computeIfAbsent(entity.getClass(), WovenChangeTracking::listenerGetter);
        if (getter.isEmpty()) {
            return;
        }
        try {
            if (getter.get().invoke(entity) instanceof PropertyChangeListener listener) {
                listener.propertyChange(new PropertyChangeEvent(entity, attribute, before, after));
            }
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("Cannot report the change of " + attribute + " to the provider", e);
        }
    }

    private static Optional<Method> listenerGetter(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Class<?> implemented : c.getInterfaces()) {
                if (TRACKER.equals(implemented.getName())) {
                    try {
                        return Optional.of(implemented.getMethod("_persistence_getPropertyChangeListener"));
                    } catch (NoSuchMethodException e) {
                        return Optional.empty();
                    }
                }
            }
        }
        return Optional.empty();
    }
}
