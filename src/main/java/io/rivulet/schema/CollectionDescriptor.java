package io.rivulet.schema;

import java.lang.reflect.InvocationTargetException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One collection: a JPA entity as rstore sees it. Immutable; built once at deployment by
 * {@link MetamodelReader}. Rows are read and written through it, never by serializing entities.
 */
public final class CollectionDescriptor {

    /** Server-maintained timestamps, by rstore convention. */
    public static final String CREATED_AT = "createdAt";
    public static final String UPDATED_AT = "updatedAt";

    private final String name;
    private final Class<?> entityClass;
    private final String table;
    private final List<FieldDescriptor> fields;
    private final Map<String, FieldDescriptor> fieldsByName;
    private final List<FieldDescriptor> primaryKey;
    private final Map<String, RelationDescriptor> relations;
    private final EmbeddedId embeddedId;

    /** The attribute holding an {@code @EmbeddedId}, whose fields are flattened into the row. */
    public record EmbeddedId(String attribute, Class<?> type, PropertyAccess access) {
    }

    public CollectionDescriptor(String name, Class<?> entityClass, String table, List<FieldDescriptor> fields,
            List<FieldDescriptor> primaryKey, List<RelationDescriptor> relations, EmbeddedId embeddedId) {
        this.name = name;
        this.entityClass = entityClass;
        this.table = table;
        this.fields = List.copyOf(fields);
        this.primaryKey = List.copyOf(primaryKey);
        Map<String, FieldDescriptor> byName = new LinkedHashMap<>();
        fields.forEach(f -> byName.put(f.name(), f));
        this.fieldsByName = Map.copyOf(byName);
        Map<String, RelationDescriptor> relationsByName = new LinkedHashMap<>();
        relations.forEach(r -> relationsByName.put(r.name(), r));
        this.relations = java.util.Collections.unmodifiableMap(relationsByName);
        this.embeddedId = embeddedId;
        this.version = versionField(entityClass).map(byName::get);
    }

    private final Optional<FieldDescriptor> version;

    /** The field of the entity's {@code @Version} attribute, when it has one (the server sets it). */
    public Optional<FieldDescriptor> version() {
        return version;
    }

    /**
     * The field whose value tells one version of a row from the next: {@code @Version}, else
     * {@code updatedAt}; the item routes' {@code ETag} is made from it.
     */
    public Optional<FieldDescriptor> versionOrTimestamp() {
        return version.isPresent() ? version : timestamp(UPDATED_AT);
    }

    private static Optional<String> versionField(Class<?> type) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (java.lang.reflect.Field field : c.getDeclaredFields()) {
                if (field.isAnnotationPresent(jakarta.persistence.Version.class)) {
                    return Optional.of(field.getName());
                }
            }
            for (java.lang.reflect.Method method : c.getDeclaredMethods()) {
                if (method.isAnnotationPresent(jakarta.persistence.Version.class) && method.getName().startsWith("get")
                        && method.getName().length() > 3) {
                    String property = method.getName().substring(3);
                    return Optional.of(Character.toLowerCase(property.charAt(0)) + property.substring(1));
                }
            }
        }
        return Optional.empty();
    }

    /** The same collection with its relations (they are read once every collection is known). */
    CollectionDescriptor withRelations(List<RelationDescriptor> relationList) {
        return new CollectionDescriptor(name, entityClass, table, fields, primaryKey, relationList, embeddedId);
    }

    /** A field by name, hidden ones included. */
    public Optional<FieldDescriptor> field(String fieldName) {
        return Optional.ofNullable(fieldsByName.get(fieldName));
    }

    public String name() {
        return name;
    }

    public Class<?> entityClass() {
        return entityClass;
    }

    public String table() {
        return table;
    }

    /** Every field, hidden ones included, in declaration order. */
    public List<FieldDescriptor> fields() {
        return fields;
    }

    /** The fields a client may see, in declaration order. */
    public List<FieldDescriptor> visibleFields() {
        return fields.stream().filter(f -> !f.hidden()).toList();
    }

    /** A field the client may see, filter, order and write; hidden fields are not found. */
    public Optional<FieldDescriptor> visibleField(String fieldName) {
        FieldDescriptor field = fieldsByName.get(fieldName);
        return field == null || field.hidden() ? Optional.empty() : Optional.of(field);
    }

    /** The primary-key fields in their defined order (declaration order of the id attributes). */
    public List<FieldDescriptor> primaryKey() {
        return primaryKey;
    }

    public Map<String, RelationDescriptor> relations() {
        return relations;
    }

    public Optional<FieldDescriptor> timestamp(String fieldName) {
        return Optional.ofNullable(fieldsByName.get(fieldName)).filter(f -> f.type() == FieldType.TIMESTAMP);
    }

    public Object newInstance() {
        try {
            return entityClass.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot instantiate " + entityClass.getName(), e);
        }
    }

    /** Reads a field's raw attribute value from an entity instance. */
    public Object read(Object entity, FieldDescriptor field) {
        Object owner = owner(entity, field, false);
        return owner == null ? null : field.access().get(owner);
    }

    /** Writes a field's attribute value (already of its Java type) on an entity instance. */
    public void write(Object entity, FieldDescriptor field, Object value) {
        field.access().set(owner(entity, field, true), value);
    }

    private Object owner(Object entity, FieldDescriptor field, boolean create) {
        if (field.path().size() == 1 || embeddedId == null) {
            return entity;
        }
        Object id = embeddedId.access().get(entity);
        if (id == null && create) {
            try {
                id = embeddedId.type().getDeclaredConstructor().newInstance();
            } catch (InstantiationException | IllegalAccessException | InvocationTargetException
                    | NoSuchMethodException e) {
                throw new IllegalStateException("Cannot instantiate " + embeddedId.type().getName(), e);
            }
            embeddedId.access().set(entity, id);
        }
        return id;
    }
}
