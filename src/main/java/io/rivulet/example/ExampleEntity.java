package io.rivulet.example;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.SequenceGenerator;
import java.time.LocalDateTime;

/** The timestamps every example collection has; Rivulet sets them (UTC) on insert and update. */
@MappedSuperclass
@SequenceGenerator(name = ExampleEntity.KEYS, sequenceName = "example_id_seq", allocationSize = 1)
public abstract class ExampleEntity {

    /**
     * The generator of every example key: one database sequence, one value at a time, so that
     * keys grow across collections in the order rows are created, and the provider and a plain
     * SQL insert ({@code rivulet.sql.writes}) draw from it alike.
     */
    public static final String KEYS = "example_id";

    @Column(name = "created_at", nullable = false)
    private LocalDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private LocalDateTime updatedAt;

    public LocalDateTime getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(LocalDateTime createdAt) {
        this.createdAt = createdAt;
    }

    public LocalDateTime getUpdatedAt() {
        return updatedAt;
    }

    public void setUpdatedAt(LocalDateTime updatedAt) {
        this.updatedAt = updatedAt;
    }
}
