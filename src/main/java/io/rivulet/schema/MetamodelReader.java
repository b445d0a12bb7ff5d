package io.rivulet.schema;

import io.rivulet.Hidden;
import io.rivulet.ReadOnly;
import jakarta.json.JsonValue;
import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import jakarta.persistence.metamodel.Attribute;
import jakarta.persistence.metamodel.EntityType;
import jakarta.persistence.metamodel.ManagedType;
import jakarta.persistence.metamodel.Metamodel;
import jakarta.persistence.metamodel.SingularAttribute;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Builds {@link CollectionDescriptor}s from the JPA metamodel. Names and types come from the
 * metamodel; what it does not carry (column names, declaration order, hidden) from annotations.
 */
public final class MetamodelReader {

    private static final Logger LOG = Logger.getLogger(MetamodelReader.class.getName());

    private static final Map<Class<?>, FieldType> TYPES = Map.ofEntries(
            Map.entry(String.class, FieldType.STRING), Map.entry(UUID.class, FieldType.STRING),
            Map.entry(Character.class, FieldType.STRING),
            Map.entry(Integer.class, FieldType.INTEGER), Map.entry(Long.class, FieldType.INTEGER),
            Map.entry(Short.class, FieldType.INTEGER), Map.entry(Byte.class, FieldType.INTEGER),
            Map.entry(BigInteger.class, FieldType.INTEGER),
            Map.entry(Double.class, FieldType.DECIMAL), Map.entry(Float.class, FieldType.DECIMAL),
            Map.entry(BigDecimal.class, FieldType.DECIMAL),
            Map.entry(Boolean.class, FieldType.BOOLEAN),
            Map.entry(LocalDateTime.class, FieldType.TIMESTAMP), Map.entry(OffsetDateTime.class, FieldType.TIMESTAMP),
            Map.entry(ZonedDateTime.class, FieldType.TIMESTAMP), Map.entry(Instant.class, FieldType.TIMESTAMP),
            Map.entry(java.util.Date.class, FieldType.TIMESTAMP), Map.entry(java.sql.Timestamp.class, FieldType.TIMESTAMP),
            Map.entry(LocalDate.class, FieldType.DATE));

    private MetamodelReader() {
    }

    public static List<CollectionDescriptor> read(Metamodel metamodel) {
        Map<Class<?>, CollectionDescriptor> byClass = new java.util.HashMap<>();
        Map<String, CollectionDescriptor> byTable = new java.util.HashMap<>();
        for (EntityType<?> entity : metamodel.getEntities()) {
            CollectionDescriptor collection = describe(entity);
            byClass.put(entity.getJavaType(), collection);
            byTable.put(collection.table().toLowerCase(), collection);
        }
        RelationReader relations = new RelationReader(byClass, byTable);
        return metamodel.getEntities().stream()
                .map(entity -> byClass.get(entity.getJavaType()).withRelations(
                        inDeclarationOrder(entity.getJavaType(), entity.getAttributes()).stream()
                                .filter(Attribute::isAssociation)
                                .flatMap(a -> relations.read(entity, a).stream())
                                .toList()))
                .sorted(Comparator.comparing(CollectionDescriptor::name))
                .toList();
    }

    private static CollectionDescriptor describe(EntityType<?> entity) {
        Class<?> type = entity.getJavaType();
        Set<String> uniqueColumns = uniqueColumns(type);
        List<FieldDescriptor> fields = new ArrayList<>();
        CollectionDescriptor.EmbeddedId embeddedId = null;
        for (Attribute<?, ?> attribute : inDeclarationOrder(type, attributesOf(entity))) {
            Field member = field(type, attribute.getName());
            if (attribute instanceof SingularAttribute<?, ?> singular
                    && singular.getPersistentAttributeType() == Attribute.PersistentAttributeType.EMBEDDED
                    && member != null && member.isAnnotationPresent(EmbeddedId.class)) {
                Class<?> idType = singular.getJavaType();
                embeddedId = new CollectionDescriptor.EmbeddedId(attribute.getName(), idType,
                        PropertyAccess.of(type, attribute.getName()));
                ManagedType<?> idManaged = (ManagedType<?>) singular.getType();
                for (Attribute<?, ?> idAttribute : inDeclarationOrder(idType, idManaged.getAttributes())) {
                    basicField(idType, idAttribute, List.of(attribute.getName(), idAttribute.getName()), true,
                            uniqueColumns).ifPresent(fields::add);
                }
            } else if (attribute.isAssociation()) {
                continue;
            } else if (attribute.getPersistentAttributeType() == Attribute.PersistentAttributeType.BASIC) {
                boolean id = attribute instanceof SingularAttribute<?, ?> s && s.isId();
                basicField(type, attribute, List.of(attribute.getName()), id, uniqueColumns).ifPresent(fields::add);
            } else {
                LOG.warning(() -> "Rivulet ignores " + type.getSimpleName() + "." + attribute.getName()
                        + " (" + attribute.getPersistentAttributeType() + ")");
            }
        }
        List<FieldDescriptor> primaryKey = fields.stream().filter(FieldDescriptor::primaryKey).toList();
        return new CollectionDescriptor(entity.getName(), type, tableName(type, entity.getName()), fields,
                primaryKey, List.of(), embeddedId);
    }

    /** Some providers leave {@code @IdClass} attributes out of {@code getAttributes()}. */
    private static Set<Attribute<?, ?>> attributesOf(EntityType<?> entity) {
        Map<String, Attribute<?, ?>> byName = new java.util.LinkedHashMap<>();
        entity.getAttributes().forEach(a -> byName.put(a.getName(), a));
        if (!entity.hasSingleIdAttribute()) {
            entity.getIdClassAttributes().forEach(a -> byName.putIfAbsent(a.getName(), a));
        }
        return new java.util.LinkedHashSet<>(byName.values());
    }

    private static Optional<FieldDescriptor> basicField(Class<?> owner, Attribute<?, ?> attribute, List<String> path,
            boolean primaryKey, Set<String> uniqueColumns) {
        Class<?> javaType = boxed(attribute.getJavaType());
        Field member = field(owner, attribute.getName());
        FieldType type = fieldType(javaType);
        if (type == null) {
            LOG.warning(() -> "Rivulet ignores " + owner.getSimpleName() + "." + attribute.getName()
                    + ": unsupported type " + javaType.getName());
            return Optional.empty();
        }
        Column column = member == null ? null : member.getAnnotation(Column.class);
        String columnName = column != null && !column.name().isEmpty() ? column.name() : attribute.getName();
        boolean optional = !primaryKey && !attribute.getJavaType().isPrimitive()
                && (column == null || column.nullable())
                && (!(attribute instanceof SingularAttribute<?, ?> s) || s.isOptional());
        boolean unique = (column != null && column.unique()) || uniqueColumns.contains(columnName.toLowerCase());
        List<String> enumValues = javaType.isEnum()
                ? Arrays.stream(javaType.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList()
                : List.of();
        return Optional.of(new FieldDescriptor(attribute.getName(), path, javaType, type, columnName, enumValues,
                primaryKey || isAnnotated(member, Id.class), isAnnotated(member, GeneratedValue.class), optional,
                unique && !primaryKey, isAnnotated(member, Hidden.class), isAnnotated(member, ReadOnly.class),
                PropertyAccess.of(owner, attribute.getName())));
    }

    private static FieldType fieldType(Class<?> javaType) {
        if (javaType.isEnum()) {
            return FieldType.ENUMERATION;
        }
        if (JsonValue.class.isAssignableFrom(javaType)) {
            return FieldType.JSON;
        }
        return TYPES.get(javaType);
    }

    /** Single-column unique constraints declared on {@code @Table}, by lower-case column name. */
    private static Set<String> uniqueColumns(Class<?> type) {
        Table table = type.getAnnotation(Table.class);
        if (table == null) {
            return Set.of();
        }
        return Arrays.stream(table.uniqueConstraints())
                .map(UniqueConstraint::columnNames)
                .filter(columns -> columns.length == 1)
                .map(columns -> columns[0].toLowerCase())
                .collect(Collectors.toUnmodifiableSet());
    }

    private static String tableName(Class<?> type, String entityName) {
        Table table = type.getAnnotation(Table.class);
        return table != null && !table.name().isEmpty() ? table.name() : entityName;
    }

    /**
     * The metamodel's attribute sets are unordered; rows follow the class: id attributes first,
     * then the entity's own fields in declaration order, then those of its superclasses (so the
     * {@code createdAt}/{@code updatedAt} of a mapped superclass come last).
     */
    private static <A extends Attribute<?, ?>> List<A> inDeclarationOrder(Class<?> type, Set<A> attributes) {
        List<String> order = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            Arrays.stream(c.getDeclaredFields()).map(Field::getName).forEach(order::add);
        }
        return attributes.stream()
                .sorted(Comparator.<A>comparingInt(a -> isId(type, a) ? 0 : 1).thenComparingInt(a -> {
                    int index = order.indexOf(a.getName());
                    return index < 0 ? Integer.MAX_VALUE : index;
                }))
                .toList();
    }

    private static boolean isId(Class<?> type, Attribute<?, ?> attribute) {
        return attribute instanceof SingularAttribute<?, ?> s && s.isId()
                || isAnnotated(field(type, attribute.getName()), Id.class)
                || isAnnotated(field(type, attribute.getName()), EmbeddedId.class);
    }

    private static Field field(Class<?> type, String name) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            try {
                return c.getDeclaredField(name);
            } catch (NoSuchFieldException e) {
                // keep looking upwards
            }
        }
        return null;
    }

    private static boolean isAnnotated(AnnotatedElement element, Class<? extends java.lang.annotation.Annotation> a) {
        return element != null && element.isAnnotationPresent(a);
    }

    private static Class<?> boxed(Class<?> type) {
        if (!type.isPrimitive()) {
            return type;
        }
        return switch (type.getName()) {
            case "int" -> Integer.class;
            case "long" -> Long.class;
            case "short" -> Short.class;
            case "byte" -> Byte.class;
            case "double" -> Double.class;
            case "float" -> Float.class;
            case "boolean" -> Boolean.class;
            case "char" -> Character.class;
            default -> type;
        };
    }
}
