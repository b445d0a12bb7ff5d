package io.rivulet.example;

import java.io.Serializable;
import java.util.Objects;

/** The compound key of {@code teamsToUsers}, as an {@code @IdClass}: key {@code "teamId::userId"}. */
public class TeamMembershipId implements Serializable {

    private static final long serialVersionUID = 1L;

    private Integer teamId;
    private Integer userId;

    @Override
    public boolean equals(Object o) {
        return o instanceof TeamMembershipId other && Objects.equals(teamId, other.teamId)
                && Objects.equals(userId, other.userId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(teamId, userId);
    }
}
