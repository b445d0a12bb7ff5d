package io.rivulet.it.probe;

import io.rivulet.Hidden;
import io.rivulet.ReadOnly;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Test only: a collection with a read-only and a hidden field. */
@Entity(name = "guardedProbes")
@Table(name = "guarded_probes")
public class GuardedProbe {

    @Id
    @GeneratedValue
    private Integer id;

    private String name;

    @ReadOnly
    @Column(nullable = false)
    private String status = "new";

    @Hidden
    private String secret = "kept on the server";
}
