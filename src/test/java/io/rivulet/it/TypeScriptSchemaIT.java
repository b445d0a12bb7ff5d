package io.rivulet.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rivulet.schema.DescribedSchema;
import io.rivulet.schema.typescript.Descriptions;
import io.rivulet.schema.typescript.TypeScriptTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * The generated TypeScript (SCHEMA.md §2): {@code GET /api/rstore/_schema.ts?target=zero|rstore}
 * from the deployed WAR, its exact text where it matters, and a type check of both files with
 * the real {@code tsc} against the real {@code @rocicorp/zero} and {@code @rstore/vue} packages
 * (pinned in {@code src/test/ts/package.json}), next to usage files that exercise every relation.
 */
@OncePerSuite.OnH2
@RivuletIT
class TypeScriptSchemaIT extends DeployedRivulet {

    private static final Pattern TSC_ERROR = Pattern.compile("(?m)^(\\S+?)\\((\\d+),\\d+\\): error TS\\d+");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.rivulet();
    }

    @Test
    void aTargetIsRequired() {
        for (String query : new String[] {"", "?target=", "?target=ZERO", "?target=drizzle"}) {
            var reply = rstore.getRaw("api/rstore/_schema.ts" + query);
            assertEquals(400, reply.status(), query + ": " + reply);
            assertEquals("Invalid target", reply.statusMessage());
            assertEquals("expected zero or rstore", reply.object().getJsonObject("data").getString("reason"));
        }
    }

    @Test
    void zeroSchema() {
        String zero = typeScript("zero");
        assertTrue(zero.contains("export const schemaVersion = '" + version() + "';"), zero);
        assertTrue(zero.contains("const postLabelsTable = table('postLabels')\n  .from('post_labels')\n"), zero);
        assertTrue(zero.contains("const usersTable = table('users')\n  .columns({\n"), "no from() for the same name");
        assertTrue(zero.contains("    mood: enumeration<'happy' | 'sad' | 'taco'>().optional(),\n"), zero);
        assertTrue(zero.contains("    nickName: string().from('nick_name').optional(),\n"), zero);
        assertTrue(zero.contains("    createdAt: number().from('created_at'),\n"), "timestamps are numbers in Zero");
        assertTrue(zero.contains("  .primaryKey('teamId', 'userId');\n"), zero);
        assertTrue(zero.contains("""
                  labels: many(
                    {
                      sourceField: ['id'],
                      destField: ['postId'],
                      destSchema: postLabelsTable,
                    },
                    {
                      sourceField: ['labelId'],
                      destField: ['id'],
                      destSchema: labelsTable,
                    },
                  ),
                """), zero);
        assertTrue(zero.contains("""
                  parent: one({
                    sourceField: ['parentId'],
                    destField: ['id'],
                    destSchema: commentsTable,
                  }),
                """), "circular");
        assertTrue(zero.contains("export const schema = createSchema({\n  tables: [\n"), zero);
        assertTrue(zero.contains("export type Schema = typeof schema;\n"), zero);
        assertFalse(zero.contains("password"), "hidden fields never appear");
    }

    @Test
    void rstoreSchema() {
        String rstoreFile = typeScript("rstore");
        assertTrue(rstoreFile.contains("export const schemaVersion = '" + version() + "';"), rstoreFile);
        assertTrue(rstoreFile.contains("  mood: 'happy' | 'sad' | 'taco' | null;\n"), rstoreFile);
        assertTrue(rstoreFile.contains("  /** ISO-8601 date-time */\n  createdAt: string;\n"), rstoreFile);
        assertTrue(rstoreFile.contains("  getKey: (item) => compoundKey(item.teamId, item.userId),\n"), rstoreFile);
        assertTrue(rstoreFile.contains("""
                  posts: {
                    to: collection(postsCollection, {
                      on: {
                        'posts.authorId': 'users.id',
                      },
                    }),
                    many: true,
                  },
                """), rstoreFile);
        assertTrue(rstoreFile.contains("//   posts.labels (through postLabels)\n"), "named as left out");
        assertTrue(rstoreFile.contains("] satisfies StoreSchema;\n"), rstoreFile);
        assertFalse(rstoreFile.contains("password"), "hidden fields never appear");
    }

    @Test
    void theSameSchemaGivesTheSameBytes() {
        var first = rstore.getRaw("api/rstore/_schema.ts?target=zero");
        assertEquals("text/plain;charset=utf-8", first.contentType().replace(" ", "").toLowerCase());
        assertEquals(first.body(), typeScript("zero"));
        assertEquals(typeScript("rstore"), typeScript("rstore"));
    }

    /**
     * The deployed WAR's files with the usage files; then the generators' edge cases the example
     * domain lacks (compound-key relationships, odd names), from a fixed description.
     */
    @Test
    void bothFilesTypeCheckAgainstTheRealPackages() throws Exception {
        DescribedSchema edgeCases = Descriptions.edgeCases();
        TypeScriptCheck.prepare(Map.of("schema.ts", typeScript("zero"), "rstore.ts", typeScript("rstore"),
                "edge/schema.ts", TypeScriptTarget.ZERO.write(edgeCases),
                "edge/rstore.ts", TypeScriptTarget.RSTORE.write(edgeCases)));
        var tsc = TypeScriptCheck.tsc("tsconfig.json");
        assertEquals(0, tsc.exitCode(), "tsc:\n" + tsc.output());
        var edge = TypeScriptCheck.tsc("tsconfig.edge.json");
        assertEquals(0, edge.exitCode(), "tsc:\n" + edge.output());
    }

    /** The check has teeth: every line marked "// error" in src/test/ts/wrong fails, and nothing else. */
    @Test
    void wrongUsesFailTheTypeCheck() throws Exception {
        Path check = TypeScriptCheck.prepare(Map.of("schema.ts", typeScript("zero"), "rstore.ts", typeScript("rstore")));
        var tsc = TypeScriptCheck.tsc("tsconfig.wrong.json");
        assertNotEquals(0, tsc.exitCode(), tsc.output());
        Set<String> reported = new TreeSet<>();
        Matcher error = TSC_ERROR.matcher(tsc.output());
        while (error.find()) {
            reported.add(error.group(1) + ":" + error.group(2));
        }
        assertEquals(markedLines(check.resolve("wrong")), reported, "tsc:\n" + tsc.output());
    }

    private static Set<String> markedLines(Path directory) throws Exception {
        Set<String> marked = new TreeSet<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.sorted().toList()) {
                var lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    if (lines.get(i).endsWith("// error")) {
                        marked.add("wrong/" + file.getFileName() + ":" + (i + 1));
                    }
                }
            }
        }
        assertTrue(marked.size() >= 4, "the wrong files mark their errors: " + marked);
        return marked;
    }

    private String typeScript(String target) {
        var reply = rstore.getRaw("api/rstore/_schema.ts?target=" + target);
        assertEquals(200, reply.status(), reply.toString());
        return reply.body();
    }

    private String version() {
        return rstore.get("api/rstore/_schema", null).object().getString("version");
    }
}
