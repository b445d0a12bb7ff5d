package io.rivulet.example;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity(name = "todos")
@Table(name = "todos")
public class Todo extends ExampleEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = ExampleEntity.KEYS)
    private Integer id;

    @Column(nullable = false)
    private String title;

    @Column(nullable = false)
    private boolean completed = false;

    /** Used by {@link ExampleTodosResource}, an application endpoint writing with plain JPA. */
    public void complete() {
        completed = true;
        setUpdatedAt(java.time.LocalDateTime.now(java.time.ZoneOffset.UTC));
    }
}
