package io.rivulet.schema.typescript;

import static io.rivulet.schema.typescript.Descriptions.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ZeroSchemaWriterTest {

    @Test
    void exampleDomain() {
        assertEquals(Descriptions.resource("/schema/example-zero.ts"), ZeroSchemaWriter.write(Descriptions.example()),
                "src/test/resources/schema/example-zero.ts is the reviewed output for the example domain");
    }

    @Test
    void theSameDescriptionGivesTheSameBytes() {
        assertEquals(ZeroSchemaWriter.write(Descriptions.example()), ZeroSchemaWriter.write(Descriptions.example()));
    }

    @Test
    void columnTypesFollowZerosPostgresMapping() {
        String zero = ZeroSchemaWriter.write(Descriptions.edgeCases());
        assertTrue(zero.contains("""
                const membersTable = table('members')
                  .from('org_members')
                  .columns({
                    orgId: string().from('org_id'),
                    userId: number().from('user_id'),
                    score: number().optional(),
                    admin: boolean(),
                    profile: json().optional(),
                    level: enumeration<'LOW' | 'it\\'s'>(),
                    joinedAt: number().from('joined_at'),
                    birthday: number().optional(),
                  })
                  .primaryKey('orgId', 'userId');
                """), zero);
        assertTrue(zero.contains("export const schemaVersion = '0123456789abcdef';\n"), zero);
    }

    @Test
    void compoundKeyRelationships() {
        String zero = ZeroSchemaWriter.write(Descriptions.edgeCases());
        assertTrue(zero.contains("""
                const messagesRelationships = relationships(messagesTable, ({one, many}) => ({
                  sender: one({
                    sourceField: ['senderOrgId', 'senderUserId'],
                    destField: ['orgId', 'userId'],
                    destSchema: membersTable,
                  }),
                """), zero);
        assertTrue(zero.contains("""
                const membersRelationships = relationships(membersTable, ({many}) => ({
                  sent: many({
                    sourceField: ['orgId', 'userId'],
                    destField: ['senderOrgId', 'senderUserId'],
                    destSchema: messagesTable,
                  }),
                }));
                """), zero);
    }

    @Test
    void importsOnlyWhatTheFileUses() {
        String zero = ZeroSchemaWriter.write(parse("""
                {"version": "v", "collections": {"todos": {"name": "todos", "from": "todos", "primaryKey": ["id"],
                  "columns": {"id": {"type": "number", "optional": false, "from": "id"}}, "relationships": {}}}}
                """));
        assertTrue(zero.contains("import {\n  createBuilder,\n  createSchema,\n  number,\n  table,\n  type Row,\n}"
                + " from '@rocicorp/zero';\n"), zero);
        assertTrue(zero.contains("  relationships: [],\n"), zero);
        assertFalse(zero.contains("relationships("), zero);
    }

    @Test
    void namesThatAreNotIdentifiers() {
        String zero = ZeroSchemaWriter.write(Descriptions.edgeCases());
        assertTrue(zero.contains("const deleteTable = table('delete')\n"), zero);
        assertTrue(zero.contains("const orderLinesTable = table('order-lines')\n  .from('order_lines')\n"), zero);
        assertTrue(zero.contains("    'line no': number().from('line_no'),\n"), zero);
        assertTrue(zero.contains("    class: string(),\n"), zero);
        assertTrue(zero.contains("  .primaryKey('line no');\n"), zero);
        assertTrue(zero.contains("  'the-delete': one({\n"), zero);
        assertTrue(zero.contains("export type OrderLinesRow = Row<Schema['tables']['order-lines']>;\n"), zero);
    }
}
