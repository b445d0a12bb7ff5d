package io.rivulet.example;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.io.Serializable;
import java.util.Objects;

/** The compound key of {@code postLabels}, as an {@code @EmbeddedId}. */
@Embeddable
public class PostLabelId implements Serializable {

    private static final long serialVersionUID = 1L;

    @Column(name = "post_id")
    private Integer postId;

    @Column(name = "label_id")
    private Integer labelId;

    @Override
    public boolean equals(Object o) {
        return o instanceof PostLabelId other && Objects.equals(postId, other.postId)
                && Objects.equals(labelId, other.labelId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(postId, labelId);
    }
}
