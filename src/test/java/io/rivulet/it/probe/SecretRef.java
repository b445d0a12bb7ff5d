package io.rivulet.it.probe;

import io.rivulet.example.Secret;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** Test only: a relation that reaches {@code secrets}, to show the allow-list inside includes. */
@Entity(name = "secretRefs")
@Table(name = "secret_refs")
public class SecretRef {

    @Id
    private Integer id;

    @Column(name = "secret_id")
    private Integer secretId;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "secret_id", insertable = false, updatable = false)
    private Secret secret;
}
