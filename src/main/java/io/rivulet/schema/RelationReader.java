package io.rivulet.schema;

import io.rivulet.Through;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinColumns;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OneToOne;
import jakarta.persistence.metamodel.Attribute;
import jakarta.persistence.metamodel.EntityType;
import jakarta.persistence.metamodel.PluralAttribute;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Reads the associations of the metamodel as relations over fields: which fields of the source
 * equal which fields of the target (through the join columns, from either side of the
 * association), and through which junction collection for many-to-many.
 */
final class RelationReader {

    private static final Logger LOG = Logger.getLogger(RelationReader.class.getName());

    private final Map<Class<?>, CollectionDescriptor> byClass;
    private final Map<String, CollectionDescriptor> byTable;

    RelationReader(Map<Class<?>, CollectionDescriptor> byClass, Map<String, CollectionDescriptor> byTable) {
        this.byClass = byClass;
        this.byTable = byTable;
    }

    Optional<RelationDescriptor> read(EntityType<?> entity, Attribute<?, ?> attribute) {
        CollectionDescriptor source = byClass.get(entity.getJavaType());
        Class<?> targetType = attribute instanceof PluralAttribute<?, ?, ?> plural
                ? plural.getElementType().getJavaType() : attribute.getJavaType();
        CollectionDescriptor target = byClass.get(targetType);
        Field member = member(entity.getJavaType(), attribute.getName());
        try {
            List<RelationDescriptor.Hop> hops = hops(source, target, member);
            Through through = member.getAnnotation(Through.class);
            List<String> joinPath = new ArrayList<>(List.of(attribute.getName()));
            if (through != null) {
                Field next = member(target.entityClass(), through.value());
                CollectionDescriptor end = byClass.get(next.getType());
                hops = List.of(hops.get(0), owningHop(target, end, next));
                joinPath.add(through.value());
            }
            return Optional.of(new RelationDescriptor(attribute.getName(),
                    attribute.isCollection(), hops, joinPath));
        } catch (IllegalStateException e) {
            LOG.warning(() -> "Rivulet cannot follow " + source.name() + "." + attribute.getName() + ": "
                    + e.getMessage());
            return Optional.empty();
        }
    }

    private List<RelationDescriptor.Hop> hops(CollectionDescriptor source, CollectionDescriptor target, Field member) {
        String mappedBy = mappedBy(member);
        if (!mappedBy.isEmpty()) {
            Field owner = member(target.entityClass(), mappedBy);
            List<RelationDescriptor.Hop> ownerHops = hops(target, source, owner);
            List<RelationDescriptor.Hop> reversed = new ArrayList<>();
            for (int i = ownerHops.size() - 1; i >= 0; i--) {
                String from = i == 0 ? target.name() : ownerHops.get(i - 1).dest();
                reversed.add(ownerHops.get(i).reversed(from));
            }
            return reversed;
        }
        JoinTable joinTable = member.getAnnotation(JoinTable.class);
        if (member.isAnnotationPresent(ManyToMany.class)) {
            CollectionDescriptor junction = joinTable == null ? null : byTable.get(joinTable.name().toLowerCase());
            if (junction == null) {
                throw new IllegalStateException("a many-to-many needs its join table mapped as an entity");
            }
            return List.of(columnsHop(source, junction, joinTable.joinColumns()),
                    reverseColumnsHop(junction, target, joinTable.inverseJoinColumns()));
        }
        return List.of(owningHop(source, target, member));
    }

    /** A to-one association that owns its join columns. */
    private RelationDescriptor.Hop owningHop(CollectionDescriptor source, CollectionDescriptor target, Field member) {
        JoinColumn[] columns = joinColumns(member);
        if (columns.length == 0) {
            FieldDescriptor implicit = source.fields().stream()
                    .filter(f -> f.name().equals(member.getName() + "Id")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no @JoinColumn and no field " + member.getName() + "Id"));
            return new RelationDescriptor.Hop(List.of(implicit.name()), List.of(single(target).name()), target.name());
        }
        List<String> sourceFields = new ArrayList<>();
        List<String> destFields = new ArrayList<>();
        for (int i = 0; i < columns.length; i++) {
            sourceFields.add(byColumn(source, columns[i].name()).name());
            destFields.add(columns[i].referencedColumnName().isEmpty() ? target.primaryKey().get(i).name()
                    : byColumn(target, columns[i].referencedColumnName()).name());
        }
        return new RelationDescriptor.Hop(sourceFields, destFields, target.name());
    }

    /** From a source's primary key to the junction columns that reference it. */
    private RelationDescriptor.Hop columnsHop(CollectionDescriptor source, CollectionDescriptor junction,
            JoinColumn[] columns) {
        List<String> sourceFields = new ArrayList<>();
        List<String> destFields = new ArrayList<>();
        for (int i = 0; i < columns.length; i++) {
            sourceFields.add(columns[i].referencedColumnName().isEmpty() ? source.primaryKey().get(i).name()
                    : byColumn(source, columns[i].referencedColumnName()).name());
            destFields.add(byColumn(junction, columns[i].name()).name());
        }
        return new RelationDescriptor.Hop(sourceFields, destFields, junction.name());
    }

    private RelationDescriptor.Hop reverseColumnsHop(CollectionDescriptor junction, CollectionDescriptor target,
            JoinColumn[] columns) {
        return columnsHop(target, junction, columns).reversed(junction.name()).withDest(target.name());
    }

    private static String mappedBy(Field member) {
        OneToMany oneToMany = member.getAnnotation(OneToMany.class);
        OneToOne oneToOne = member.getAnnotation(OneToOne.class);
        ManyToMany manyToMany = member.getAnnotation(ManyToMany.class);
        return oneToMany != null ? oneToMany.mappedBy() : oneToOne != null ? oneToOne.mappedBy()
                : manyToMany != null ? manyToMany.mappedBy() : "";
    }

    private static JoinColumn[] joinColumns(Field member) {
        JoinColumns several = member.getAnnotation(JoinColumns.class);
        if (several != null) {
            return several.value();
        }
        JoinColumn one = member.getAnnotation(JoinColumn.class);
        return one == null ? new JoinColumn[0] : new JoinColumn[] {one};
    }

    private static FieldDescriptor byColumn(CollectionDescriptor collection, String column) {
        return collection.fields().stream().filter(f -> f.column().equalsIgnoreCase(column)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no field of " + collection.name() + " maps column "
                        + column + " (map foreign keys as plain fields too)"));
    }

    private static FieldDescriptor single(CollectionDescriptor collection) {
        if (collection.primaryKey().size() != 1) {
            throw new IllegalStateException(collection.name() + " has a compound key: name its join columns");
        }
        return collection.primaryKey().get(0);
    }

    private static Field member(Class<?> type, String name) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            Optional<Field> field = Arrays.stream(c.getDeclaredFields()).filter(f -> f.getName().equals(name)).findFirst();
            if (field.isPresent()) {
                return field.get();
            }
        }
        throw new IllegalStateException("no field " + name + " in " + type.getSimpleName());
    }
}
