package io.rivulet.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * The shared table of condition cases ({@code conditions/cases.json}) through the SQL back end:
 * one {@code conditionProbes} row per case, then the case's {@code where} — sent as the client
 * sends it, SuperJSON dates included — restricted to that row's key. The in-memory back end runs
 * the same table in {@code InMemoryFilterCasesTest}; where SQL and JavaScript differ, the table
 * says so, and where MariaDB differs from PostgreSQL and H2 too ({@code mariadb}).
 */
@RivuletIT
@OnMariadb
class ConditionCasesSqlIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.rivulet();
    }

    @ArquillianResource
    URL base;

    /** Reads without a transformQuery: the plain-SQL back end. */
    @Test
    void everyCaseGivesTheSqlExpectation() throws Exception {
        runTable(false);
    }

    /** The same cases with a (no-op) transformQuery: the JPA Criteria back end. */
    @Test
    void everyCaseGivesTheSqlExpectationThroughCriteria() throws Exception {
        runTable(true);
    }

    private void runTable(boolean criteria) throws Exception {
        RstoreClient rstore = new RstoreClient(base);
        JsonArray cases;
        try (InputStream in = getClass().getResourceAsStream("/conditions/cases.json");
             var reader = Json.createReader(in)) {
            cases = reader.readArray();
        }
        List<String> failures = new ArrayList<>();
        int run = 0;
        for (int i = 0; i < cases.size(); i++) {
            JsonObject c = cases.getJsonObject(i);
            // on MariaDB its own answer where the case marks one
            JsonValue sql = TestEnvironment.isMariadb() && c.containsKey("mariadb") ? c.get("mariadb") : c.get("sql");
            if (sql instanceof jakarta.json.JsonString s && s.getString().equals("skip")) {
                continue;
            }
            int id = i + 1 + (criteria ? cases.size() : 0);
            JsonObjectBuilder row = Json.createObjectBuilder(c.getJsonObject("row")).add("probeId", id);
            var created = rstore.post("api/rstore/conditionProbes", "{\"json\":" + row.build() + "}");
            assertEquals(200, created.status(), c.getString("name") + ": " + created);

            JsonObjectBuilder values = Json.createObjectBuilder();
            for (JsonValue path : c.getJsonArray("whereDates") == null ? JsonValue.EMPTY_JSON_ARRAY
                    : c.getJsonArray("whereDates")) {
                values.add("where." + ((jakarta.json.JsonString) path).getString(), Json.createArrayBuilder().add("Date"));
            }
            String query = "{\"json\":{\"where\":" + c.get("where") + ",\"keys\":[" + id + "]},\"meta\":{\"values\":"
                    + values.build() + ",\"v\":1}}";
            var reply = criteria ? rstore.getWith("api/rstore/conditionProbes", query, "x-test-criteria", "on")
                    : rstore.get("api/rstore/conditionProbes", query);
            String got = reply.status() == 400 ? "\"error\""
                    : reply.status() == 200 ? String.valueOf(reply.array().size() == 1) : reply.toString();
            if (!got.equals(sql.toString())) {
                failures.add(c.getString("name") + ": expected " + sql + ", got " + got + " for " + c.get("where"));
            }
            run++;
        }
        assertTrue(run > 150, "ran " + run + " cases");
        assertEquals(List.of(), failures, String.join("\n", failures));
    }
}
