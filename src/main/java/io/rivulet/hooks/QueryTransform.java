package io.rivulet.hooks;

import jakarta.persistence.criteria.CommonAbstractCriteria;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.From;
import jakarta.persistence.criteria.Predicate;

/**
 * A restriction a before hook adds to an operation ({@link CollectionEvent#transformQuery}): a
 * JPA Criteria predicate over the collection's root, ANDed into every query of the operation —
 * the list, the single read, and the pre-image read of patch and delete. Use
 * {@code query.subquery(...)} for conditions on other collections.
 */
@FunctionalInterface
public interface QueryTransform {

    Predicate where(CriteriaBuilder cb, From<?, ?> root, CommonAbstractCriteria query);
}
