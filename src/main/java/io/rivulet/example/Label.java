package io.rivulet.example;

import io.rivulet.Through;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import java.util.List;

@Entity(name = "labels")
@Table(name = "labels")
public class Label extends ExampleEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = ExampleEntity.KEYS)
    private Integer id;

    @Column(nullable = false, unique = true)
    private String name;

    /** Many-to-many: post rows, through the postLabels junction. */
    @OneToMany(mappedBy = "label")
    @Through("post")
    private List<PostLabel> posts;
}
