package io.rivulet.example;

import io.rivulet.ConflictPolicy;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A note with a version (issue #15): the provider counts every update in {@code version}; the
 * item routes send it as the {@code ETag}, and a replayed write based on an older version is
 * refused ({@code 409} with the current row) instead of overwriting a newer one.
 */
@Entity(name = "notes")
@Table(name = "notes")
@ConflictPolicy(ConflictPolicy.Policy.REJECT_STALE)
public class Note extends ExampleEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = ExampleEntity.KEYS)
    private Integer id;

    @Column(nullable = false)
    private String title;

    private String body;

    @Version
    private Integer version;
}
