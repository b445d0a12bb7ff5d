package io.rivulet.example;

import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** The junction of posts and labels; its key is an embedded id, flattened into postId and labelId. */
@Entity(name = "postLabels")
@Table(name = "post_labels")
public class PostLabel extends ExampleEntity {

    @EmbeddedId
    private PostLabelId id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "post_id", nullable = false, insertable = false, updatable = false)
    private Post post;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "label_id", nullable = false, insertable = false, updatable = false)
    private Label label;
}
