package io.rivulet.query.jpa;

import jakarta.persistence.TypedQuery;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.ParameterExpression;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects the values of a Criteria query as JPA parameters, so that no client value ever
 * becomes query text; {@link #bind} sets them on the finished query.
 */
public final class QueryParameters {

    private record Binding(ParameterExpression<?> parameter, Object value) {
    }

    private final CriteriaBuilder builder;
    private final List<Binding> bindings = new ArrayList<>();

    public QueryParameters(CriteriaBuilder builder) {
        this.builder = builder;
    }

    public <T> ParameterExpression<T> add(Class<T> type, Object value) {
        ParameterExpression<T> parameter = builder.parameter(type);
        bindings.add(new Binding(parameter, value));
        return parameter;
    }

    @SuppressWarnings("unchecked")
    public <Q extends TypedQuery<?>> Q bind(Q query) {
        for (Binding binding : bindings) {
            try {
                query.setParameter((ParameterExpression<Object>) binding.parameter(), binding.value());
            } catch (IllegalArgumentException e) {
                // the provider folded a constant branch away (EclipseLink drops the other
                // conjuncts of a false conjunction), and this parameter with it
            }
        }
        return query;
    }
}
