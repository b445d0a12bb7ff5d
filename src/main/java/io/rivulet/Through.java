package io.rivulet;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Turns a one-to-many association to a junction entity into a many-to-many relation: the
 * relation's rows are those of the junction's association named {@link #value()}.
 * <pre>
 * &#64;OneToMany(mappedBy = "post") &#64;Through("label")
 * private List&lt;PostLabel&gt; labels;   // posts.labels: label rows, through postLabels
 * </pre>
 * (A JPA {@code @ManyToMany} with a {@code @JoinTable} works too; this form keeps the junction a
 * collection of its own, with its own columns.)
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD})
public @interface Through {

    /** The name of the junction entity's association that leads to the target. */
    String value();
}
