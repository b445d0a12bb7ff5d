package io.rivulet.schema;

import java.util.List;

/**
 * A relation of a collection, Zero-style: one hop (source fields to destination fields of the
 * target collection) or two hops through a junction collection (many-to-many).
 *
 * @param name     the relation name (the association attribute)
 * @param many     the relation yields many rows (else one row or none)
 * @param hops     one or two hops; the last one's destination is the target collection
 * @param joinPath association attribute names to join from the source to the target with JPA
 */
public record RelationDescriptor(String name, boolean many, List<Hop> hops, List<String> joinPath) {

    /** One step of a relation: {@code sourceFields[i]} of the source equals {@code destFields[i]} of {@code dest}. */
    public record Hop(List<String> sourceFields, List<String> destFields, String dest) {
        public Hop {
            sourceFields = List.copyOf(sourceFields);
            destFields = List.copyOf(destFields);
        }

        /** The same fields walked the other way, ending at {@code newDest}. */
        Hop reversed(String newDest) {
            return new Hop(destFields, sourceFields, newDest);
        }

        Hop withDest(String newDest) {
            return new Hop(sourceFields, destFields, newDest);
        }
    }

    public RelationDescriptor {
        hops = List.copyOf(hops);
        joinPath = List.copyOf(joinPath);
    }

    /** The target collection's name. */
    public String target() {
        return hops.get(hops.size() - 1).dest();
    }

    /** The fields of the source that join to the first hop. */
    public List<String> sourceFields() {
        return hops.get(0).sourceFields();
    }

    /** The fields of the target that join back to the last hop's source (empty through a junction). */
    public List<String> targetFields() {
        return hops.size() == 1 ? hops.get(0).destFields() : List.of();
    }
}
