package io.rivulet.store.sql;

import io.rivulet.schema.CollectionDescriptor;
import io.rivulet.schema.FieldDescriptor;
import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Inheritance;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreRemove;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.SecondaryTable;
import jakarta.persistence.SecondaryTables;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Version;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The one {@code INSERT} of a collection's row, as the JPA provider would write it, for entities
 * whose mapping leaves nothing to the provider: every column a field with a {@link SqlParameter},
 * no callbacks or entity listeners of their own, no version, no inheritance or secondary tables,
 * and a key that is either the client's or drawn from a database sequence one value at a time
 * ({@code @SequenceGenerator(allocationSize = 1)}, so the provider and this statement never hand
 * out the same value). Anything else is written through JPA.
 */
final class SqlInsert {

    private static final Set<Class<? extends Annotation>> CALLBACKS = Set.of(PrePersist.class, PostPersist.class,
            PreUpdate.class, PostUpdate.class, PreRemove.class, PostRemove.class, PostLoad.class);
    private static final Set<Class<? extends Annotation>> NOT_PLAIN = Set.of(Version.class, Embedded.class,
            ElementCollection.class);

    final List<FieldDescriptor> fields;
    final List<SqlParameter> parameters;
    /** The key drawn from a sequence, or null when the client gives every key field. */
    final FieldDescriptor sequenceKey;
    final String sequence;

    private SqlInsert(List<FieldDescriptor> fields, List<SqlParameter> parameters, FieldDescriptor sequenceKey,
            String sequence) {
        this.fields = fields;
        this.parameters = parameters;
        this.sequenceKey = sequenceKey;
        this.sequence = sequence;
    }

    /** The insert of a collection, or empty when only the provider can write its rows. */
    static Optional<SqlInsert> of(CollectionDescriptor collection) {
        if (collection.primaryKey().isEmpty() || !plainEntity(collection.entityClass())) {
            return Optional.empty();
        }
        List<FieldDescriptor> fields = new ArrayList<>();
        List<SqlParameter> parameters = new ArrayList<>();
        FieldDescriptor sequenceKey = null;
        String sequence = null;
        for (FieldDescriptor field : collection.fields()) {
            if (field.generated()) {
                Optional<String> name = field.primaryKey() && collection.primaryKey().size() == 1
                        ? sequenceOf(field, collection.entityClass()) : Optional.empty();
                if (name.isEmpty()) {
                    return Optional.empty();
                }
                sequenceKey = field;
                sequence = name.get();
            }
            Column column = field.access() == null ? null : field.access().annotation(Column.class);
            if (column != null && !column.insertable()) {
                continue;
            }
            Optional<SqlParameter> parameter = SqlParameter.of(field);
            if (parameter.isEmpty()) {
                return Optional.empty();
            }
            fields.add(field);
            parameters.add(parameter.get());
        }
        return Optional.of(new SqlInsert(List.copyOf(fields), List.copyOf(parameters), sequenceKey, sequence));
    }

    /** {@code INSERT INTO t (a, b) VALUES (?, ?)}; the sequence key's value is the given expression. */
    String statement(String table, String sequenceValue) {
        StringBuilder columns = new StringBuilder();
        StringBuilder values = new StringBuilder();
        for (FieldDescriptor field : fields) {
            if (columns.length() > 0) {
                columns.append(", ");
                values.append(", ");
            }
            columns.append(field.column());
            values.append(field == sequenceKey && sequenceValue != null ? sequenceValue : "?");
        }
        return "INSERT INTO " + table + " (" + columns + ") VALUES (" + values + ")";
    }

    /**
     * The sequence of a {@code @GeneratedValue(strategy = SEQUENCE)} key allocated one value at a
     * time; its generator declared on the key or on a class of the entity's hierarchy.
     */
    private static Optional<String> sequenceOf(FieldDescriptor field, Class<?> entityClass) {
        GeneratedValue generated = field.access() == null ? null : field.access().annotation(GeneratedValue.class);
        if (generated == null || generated.strategy() != GenerationType.SEQUENCE) {
            return Optional.empty();
        }
        SequenceGenerator generator = field.access().annotation(SequenceGenerator.class);
        for (Class<?> type = entityClass; generator == null && type != null; type = type.getSuperclass()) {
            generator = type.getAnnotation(SequenceGenerator.class);
        }
        if (generator == null || !generator.name().equals(generated.generator()) || generator.allocationSize() != 1
                || !generator.sequenceName().matches("[A-Za-z_][A-Za-z0-9_]*")
                || !generator.schema().isBlank() && !generator.schema().matches("[A-Za-z_][A-Za-z0-9_]*")) {
            return Optional.empty();
        }
        return Optional.of((generator.schema().isBlank() ? "" : generator.schema() + ".") + generator.sequenceName());
    }

    /** No callbacks, listeners, version, embedded values, inheritance or secondary tables anywhere in the hierarchy. */
    private static boolean plainEntity(Class<?> entityClass) {
        for (Class<?> type = entityClass; type != null && type != Object.class; type = type.getSuperclass()) {
            if (type != entityClass && type.isAnnotationPresent(Entity.class)) {
                return false;
            }
            if (type.isAnnotationPresent(EntityListeners.class) || type.isAnnotationPresent(Inheritance.class)
                    || type.isAnnotationPresent(DiscriminatorValue.class) || type.isAnnotationPresent(SecondaryTable.class)
                    || type.isAnnotationPresent(SecondaryTables.class)) {
                return false;
            }
            for (Method method : type.getDeclaredMethods()) {
                if (annotatedWithAny(method, CALLBACKS) || annotatedWithAny(method, NOT_PLAIN)) {
                    return false;
                }
            }
            for (var member : type.getDeclaredFields()) {
                if (annotatedWithAny(member, NOT_PLAIN)) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Whether a {@code META-INF/orm.xml} maps entities or adds entity listeners (beyond Rivulet's
     * own realtime listener): what it says is not in the annotations this class reads.
     */
    static boolean mappedInXml(ClassLoader loader) {
        if (loader == null) {
            return false;
        }
        try {
            var resources = loader.getResources("META-INF/orm.xml");
            while (resources.hasMoreElements()) {
                String xml;
                try (var in = resources.nextElement().openStream()) {
                    xml = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                }
                String stripped = xml.replace("io.rivulet.realtime.RealtimeEntityListener", "");
                if (stripped.matches("(?s).*<(entity|mapped-superclass|embeddable)[\\s>].*")
                        || stripped.matches("(?s).*<entity-listener\\s+class=\"[^\"]+\".*")) {
                    return true;
                }
            }
            return false;
        } catch (java.io.IOException e) {
            return true;
        }
    }

    private static boolean annotatedWithAny(AnnotatedElement element, Set<Class<? extends Annotation>> annotations) {
        for (Class<? extends Annotation> annotation : annotations) {
            if (element.isAnnotationPresent(annotation)) {
                return true;
            }
        }
        return false;
    }
}
