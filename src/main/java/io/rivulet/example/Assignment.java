package io.rivulet.example;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinColumns;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * A team member working on a project of the team: shows a relation over a compound key
 * ({@code membership} → {@code teamsToUsers} by {@code teamId} and {@code userId}).
 */
@Entity(name = "assignments")
@Table(name = "assignments")
public class Assignment extends ExampleEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = ExampleEntity.KEYS)
    private Integer id;

    @Column(name = "project_id", nullable = false)
    private Integer projectId;

    @Column(name = "team_id", nullable = false)
    private Integer teamId;

    @Column(name = "user_id", nullable = false)
    private Integer userId;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "project_id", nullable = false, insertable = false, updatable = false)
    private Project project;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumns({
        @JoinColumn(name = "team_id", referencedColumnName = "team_id", nullable = false, insertable = false,
                updatable = false),
        @JoinColumn(name = "user_id", referencedColumnName = "user_id", nullable = false, insertable = false,
                updatable = false)
    })
    private TeamMembership membership;
}
