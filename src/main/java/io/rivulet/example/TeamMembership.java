package io.rivulet.example;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import java.util.List;

@Entity(name = "teamsToUsers")
@Table(name = "teams_to_users",
    indexes = {@Index(name = "teams_to_users_user_id_idx", columnList = "user_id, team_id")})
@IdClass(TeamMembershipId.class)
public class TeamMembership extends ExampleEntity {

    @Id
    @Column(name = "team_id")
    private Integer teamId;

    @Id
    @Column(name = "user_id")
    private Integer userId;

    @Column(nullable = false)
    private String role = "member";

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "team_id", nullable = false, insertable = false, updatable = false)
    private Team team;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "user_id", nullable = false, insertable = false, updatable = false)
    private User user;

    /** A relation over this collection's compound key. */
    @OneToMany(mappedBy = "membership")
    private List<Assignment> assignments;
}
