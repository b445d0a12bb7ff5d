package io.rivulet.example;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import java.util.List;

@Entity(name = "teams")
@Table(name = "teams")
public class Team extends ExampleEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = ExampleEntity.KEYS)
    private Integer id;

    @Column(nullable = false)
    private String name;

    @OneToMany(mappedBy = "team")
    private List<TeamMembership> memberships;

    @OneToMany(mappedBy = "team")
    private List<Project> projects;
}
