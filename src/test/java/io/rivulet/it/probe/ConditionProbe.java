package io.rivulet.it.probe;

import jakarta.persistence.Column;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/**
 * A test-only collection holding one row per case of the shared condition table, so that the
 * SQL back end runs every case against a real database.
 */
@Entity(name = "conditionProbes")
@Table(name = "condition_probes")
public class ConditionProbe {

    /** One row per case; the cases themselves use {@code id} as an ordinary column. */
    @Id
    @Column(name = "probe_id")
    private Integer probeId;

    private Integer id;

    private String title;

    private Long n;

    private Double x;

    private LocalDateTime d;

    private Boolean done;

    private String s;
}
