package io.rivulet.query;

/** One back end of the condition tree: SQL through JPA Criteria, or in-memory evaluation. */
public interface ConditionVisitor<R> {

    R visitAnd(Condition.And and);

    R visitOr(Condition.Or or);

    R visitNot(Condition.Not not);

    R visitField(Condition.FieldTest test);
}
