package io.rivulet.realtime.scope;

import static io.rivulet.realtime.ReadScope.Visibility.HIDDEN;
import static io.rivulet.realtime.ReadScope.Visibility.KEY_ONLY_DELETE;
import static io.rivulet.realtime.ReadScope.Visibility.VISIBLE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rivulet.realtime.Change;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class ScopeRulesTest {

    private static final Predicate<Map<String, Object>> TEAM_1 = row -> Integer.valueOf(1).equals(row.get("teamId"));

    private static Change change(String type, int key, Integer team, Integer previousTeam) {
        return new Change("projects", type, String.valueOf(key), Map.of("id", key, "teamId", team),
                previousTeam == null ? null : Map.of("id", key, "teamId", previousTeam), null);
    }

    @Test
    void inMemoryCreatedAndDeletedFollowTheRow() {
        assertEquals(List.of(VISIBLE, HIDDEN, VISIBLE, HIDDEN), ScopeRules.inMemory(List.of(
                change(Change.CREATED, 1, 1, null), change(Change.CREATED, 2, 2, null),
                change(Change.DELETED, 3, 1, null), change(Change.DELETED, 4, 2, null)), TEAM_1));
    }

    @Test
    void inMemoryUpdatedLeavesOnlyWhenThePreviousRowWasInsideOrIsUnknown() {
        assertEquals(List.of(VISIBLE, KEY_ONLY_DELETE, HIDDEN, KEY_ONLY_DELETE, VISIBLE), ScopeRules.inMemory(List.of(
                change(Change.UPDATED, 1, 1, 1),
                change(Change.UPDATED, 2, 2, 1),
                change(Change.UPDATED, 3, 2, 2),
                change(Change.UPDATED, 4, 2, null),
                change(Change.UPDATED, 5, 1, 2)), TEAM_1));
    }

    @Test
    void aFailingTestCountsAsOutside() {
        Predicate<Map<String, Object>> broken = row -> {
            throw new IllegalStateException("bug");
        };
        assertEquals(List.of(HIDDEN, HIDDEN), ScopeRules.inMemory(List.of(change(Change.CREATED, 1, 1, null),
                change(Change.UPDATED, 2, 1, 1)), broken));
    }

    @Test
    void queriedRowsAreVisibleWhenFoundAndOtherwiseHiddenOrKeyOnly() {
        List<Change> changes = List.of(change(Change.CREATED, 1, 1, null), change(Change.CREATED, 2, 2, null),
                change(Change.UPDATED, 3, 1, null), change(Change.UPDATED, 4, 2, 1), change(Change.DELETED, 5, 1, null));
        assertEquals(List.of(changes.get(0), changes.get(1), changes.get(2), changes.get(3)), ScopeRules.toQuery(changes));
        assertEquals(List.of(VISIBLE, HIDDEN, VISIBLE, KEY_ONLY_DELETE, KEY_ONLY_DELETE),
                ScopeRules.queried(changes, Set.of("1", "3")));
    }
}
