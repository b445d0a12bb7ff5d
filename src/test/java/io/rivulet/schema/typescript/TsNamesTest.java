package io.rivulet.schema.typescript;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TsNamesTest {

    @Test
    void collectionNamesBecomeIdentifiers() {
        TsNames names = new TsNames();
        assertEquals("teamsToUsersTable", names.camel("teamsToUsers", "Table"));
        assertEquals("TeamsToUsersRow", names.pascal("teamsToUsers", "Row"));
        assertEquals("postLabelsTable", names.camel("post_labels", "Table"));
        assertEquals("orderLinesTable", names.camel("Order-Lines", "Table"));
        assertEquals("_2faTable", names.camel("2fa", "Table"));
        assertEquals("_Row", names.pascal("---", "Row"));
    }

    @Test
    void namesAreUniqueAndStable() {
        TsNames names = new TsNames("schema");
        assertEquals("myPostsTable", names.camel("my-posts", "Table"));
        assertEquals("myPostsTable2", names.camel("my_posts", "Table"), "another collection, another name");
        assertEquals("myPostsTable", names.camel("my-posts", "Table"), "the same collection, the same name");
        assertEquals("schema2", names.camel("schema", ""), "fixed names are taken");
        assertEquals("delete2", names.camel("delete", ""), "reserved words are not identifiers");
    }
}
