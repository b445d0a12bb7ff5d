package io.rivulet.schema;

/**
 * An association of a collection, as the JPA metamodel declares it.
 *
 * @param name             the relation name (the association attribute)
 * @param many             a collection-valued association
 * @param targetCollection the collection name of the other side
 */
public record RelationDescriptor(String name, boolean many, String targetCollection) {
}
