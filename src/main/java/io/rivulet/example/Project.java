package io.rivulet.example;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

@Entity(name = "projects")
@Table(name = "projects", indexes = {@Index(name = "projects_team_id_idx", columnList = "team_id, id")})
public class Project extends ExampleEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = ExampleEntity.KEYS)
    private Integer id;

    @Column(name = "team_id", nullable = false)
    private Integer teamId;

    @Column(nullable = false)
    private String name;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "team_id", nullable = false, insertable = false, updatable = false)
    private Team team;
}
