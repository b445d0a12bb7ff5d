package io.rivulet.example;

import io.rivulet.Through;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import java.util.List;

@Entity(name = "posts")
@Table(name = "posts", indexes = {@Index(name = "posts_author_id_idx", columnList = "author_id, id")})
public class Post extends ExampleEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = ExampleEntity.KEYS)
    private Integer id;

    /** The foreign key as a plain field; the association below reads the same column. */
    @Column(name = "author_id", nullable = false)
    private Integer authorId;

    @Column(nullable = false)
    private String title;

    @Column(nullable = false)
    private boolean published = false;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "author_id", nullable = false, insertable = false, updatable = false)
    private User author;

    @OneToMany(mappedBy = "post")
    private List<Comment> comments;

    /** Many-to-many: label rows, through the postLabels junction. */
    @OneToMany(mappedBy = "post")
    @Through("label")
    private List<PostLabel> labels;
}
