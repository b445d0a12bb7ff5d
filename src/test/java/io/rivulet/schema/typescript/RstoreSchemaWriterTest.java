package io.rivulet.schema.typescript;

import static io.rivulet.schema.typescript.Descriptions.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RstoreSchemaWriterTest {

    @Test
    void exampleDomain() {
        assertEquals(Descriptions.resource("/schema/example-rstore.ts"), RstoreSchemaWriter.write(Descriptions.example()),
                "src/test/resources/schema/example-rstore.ts is the reviewed output for the example domain");
    }

    @Test
    void rowTypesAreTheWireTypes() {
        String rstore = RstoreSchemaWriter.write(Descriptions.edgeCases());
        assertTrue(rstore.contains("""
                export interface MembersRow {
                  orgId: string;
                  userId: number;
                  score: number | null;
                  admin: boolean;
                  profile: JsonValue | null;
                  level: 'LOW' | 'it\\'s';
                  /** ISO-8601 date-time */
                  joinedAt: string;
                  /** ISO-8601 date (YYYY-MM-DD) */
                  birthday: string | null;
                }
                """), rstore);
        assertTrue(rstore.contains("export type JsonValue = "), rstore);
    }

    @Test
    void keysAreTheApiKeys() {
        String rstore = RstoreSchemaWriter.write(Descriptions.edgeCases());
        assertTrue(rstore.contains("""
                export const membersCollection = withItemType<MembersRow>().defineCollection({
                  name: 'members',
                  getKey: (item) => compoundKey(item.orgId, item.userId),
                });
                """), rstore);
        assertTrue(rstore.contains("  getKey: (item) => item.id,\n"), rstore);
        assertTrue(rstore.contains("  getKey: (item) => item['line no'],\n"), rstore);
        assertTrue(rstore.contains("return fields.some((field) => field == null) ? undefined : fields.join('::');"));
    }

    @Test
    void compoundKeyRelations() {
        String rstore = RstoreSchemaWriter.write(Descriptions.edgeCases());
        assertTrue(rstore.contains("""
                export const messagesRelations = defineRelations(messagesCollection, ({ collection }) => ({
                  sender: {
                    to: collection(membersCollection, {
                      on: {
                        'members.orgId': 'messages.senderOrgId',
                        'members.userId': 'messages.senderUserId',
                      },
                    }),
                  },
                """), rstore);
        assertTrue(rstore.contains("""
                  sent: {
                    to: collection(messagesCollection, {
                      on: {
                        'messages.senderOrgId': 'members.orgId',
                        'messages.senderUserId': 'members.userId',
                      },
                    }),
                    many: true,
                  },
                """), rstore);
    }

    @Test
    void manyToManyIsNamedButLeftOut() {
        String rstore = RstoreSchemaWriter.write(Descriptions.example());
        assertTrue(rstore.contains("// rstore has no many-to-many relation; left out here (use the junction collection):\n"
                + "//   labels.posts (through postLabels)\n//   posts.labels (through postLabels)\n"), rstore);
        assertFalse(rstore.contains("  labels: {"), rstore);
        assertTrue(RstoreSchemaWriter.write(Descriptions.edgeCases()).contains("//   messages.tags (through messageTags)\n"));
        assertTrue(rstore.contains("  comments: {\n    to: collection(commentsCollection, {\n      on: {\n"
                + "        'comments.postId': 'posts.id',\n      },\n    }),\n    many: true,\n  },\n"), rstore);
    }

    @Test
    void helpersOnlyWhenUsed() {
        String rstore = RstoreSchemaWriter.write(parse("""
                {"version": "v", "collections": {"to-dos": {"name": "to-dos", "from": "todos", "primaryKey": ["todo id"],
                  "columns": {"todo id": {"type": "number", "optional": false, "from": "id"}}, "relationships": {}}}}
                """));
        assertFalse(rstore.contains("export type JsonValue"), rstore);
        assertFalse(rstore.contains("function compoundKey"), rstore);
        assertFalse(rstore.contains("many-to-many"), rstore);
        assertTrue(rstore.contains("export interface ToDosRow {\n  'todo id': number;\n}\n"), rstore);
        assertTrue(rstore.contains("  getKey: (item) => item['todo id'],\n"), rstore);
        assertTrue(rstore.contains("export const schema = [\n  toDosCollection,\n] satisfies StoreSchema;\n"), rstore);
    }
}
