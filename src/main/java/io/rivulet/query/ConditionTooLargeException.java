package io.rivulet.query;

/**
 * A {@code where} tree beyond its {@link ConditionLimits}: its message is the catalogued text the
 * client gets as it is (never folded into {@code Invalid filter}), so it knows which limit it hit.
 */
public class ConditionTooLargeException extends InvalidConditionException {

    private static final long serialVersionUID = 1L;

    public ConditionTooLargeException(String message) {
        super(message);
    }
}
