package io.rivulet.example;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Used to show the allow-list: not exposed once an allow-list is set. */
@Entity(name = "secrets")
@Table(name = "secrets")
public class Secret extends ExampleEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = ExampleEntity.KEYS)
    private Integer id;

    @Column(name = "owner_id", nullable = false)
    private Integer ownerId;

    /** {@code VALUE} is a reserved word in H2 2.x, hence the column name. */
    @Column(name = "secret_value", nullable = false)
    private String value;
}
