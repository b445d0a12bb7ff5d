package io.rivulet.it;

import static io.rivulet.it.RstoreClient.assertError;
import static io.rivulet.it.RstoreClient.sj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.stream.IntStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Replays the real rstore clients' captured requests ({@code spec/captures}, HEAD and the
 * published 0.8.4) byte for byte — method, path, {@code superjson} parameter, headers, body —
 * and checks Rivulet's answers. {@code _batch} belongs to the batch issue.
 */
@OncePerSuite.OnH2
@RivuletIT
@OwnServer
class CaptureReplayIT extends DeployedRivulet {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.rivulet();
    }

    @BeforeEach
    void fixtures() {
        // the captures use small fixed ids; move the shared id generator past them first
        if (rstore.get("api/rstore/todos", null).array().isEmpty()) {
            IntStream.range(0, 60).forEach(i -> ok(rstore.post("api/rstore/todos", sj("{\"title\":\"burn\"}"))));
        }
        ensure("users", "1", "{\"id\":1,\"name\":\"Ann\",\"email\":\"ann@capture.io\"}");
        ensure("users", "2", "{\"id\":2,\"name\":\"Cy\",\"email\":\"cy@capture.io\"}");
        ensure("users", "5", "{\"id\":5,\"name\":\"Eve\",\"email\":\"eve@capture.io\"}");
        ensure("users", "42", "{\"id\":42,\"name\":\"Dan\",\"email\":\"dan@capture.io\"}");
        ensure("teams", "7", "{\"id\":7,\"name\":\"Seven\"}");
        ensure("teamsToUsers", "7::42", "{\"teamId\":7,\"userId\":42}");
        ensure("posts", "10", "{\"id\":10,\"authorId\":2,\"title\":\"Hi\",\"published\":true}");
        ensure("posts", "11", "{\"id\":11,\"authorId\":5,\"title\":\"By Eve\"}");
    }

    private void ensure(String collection, String key, String json) {
        if (rstore.get("api/rstore/" + collection + "/" + key, null).status() == 204) {
            ok(rstore.post("api/rstore/" + collection, sj(json)));
        }
    }

    private static RstoreClient.Reply ok(RstoreClient.Reply reply) {
        assertEquals(200, reply.status(), reply.toString());
        return reply;
    }


    private static List<String> names(JsonArray rows) {
        return rows.stream().map(r -> r.asJsonObject().getString("name")).toList();
    }

    @Test
    void headClientRequests() {
        List<CapturedRequest> requests = CapturedRequest.load("rest-wire-capture.txt");
        assertEquals(12, requests.size());

        // findMany with where/params/include: Ann with her published posts, {id, title} plus the join field
        ok(rstore.post("api/rstore/posts", sj("{\"id\":12,\"authorId\":1,\"title\":\"Ann's\",\"published\":true}")));
        ok(rstore.post("api/rstore/posts", sj("{\"id\":13,\"authorId\":1,\"title\":\"Ann's draft\"}")));
        JsonArray anns = ok(requests.get(0).replay(rstore)).array();
        assertEquals(List.of("Ann"), names(anns));
        assertEquals(Json.createArrayBuilder().add(Json.createObjectBuilder().add("id", 12).add("authorId", 1)
                .add("title", "Ann's")).build(), anns.getJsonObject(0).getJsonArray("posts"));
        // the client's relation follow-up: posts of author 1
        assertEquals(2, ok(requests.get(1).replay(rstore)).array().size());
        ok(rstore.delete("api/rstore/posts/12"));
        ok(rstore.delete("api/rstore/posts/13"));
        // paginated: offset 50 of a handful of users
        assertEquals(0, ok(requests.get(2).replay(rstore)).array().size());
        // findFirst by key, missing: 204 with an empty body
        RstoreClient.Reply missing = requests.get(3).replay(rstore);
        assertEquals(204, missing.status());
        assertEquals("", missing.body());
        // findFirst by where, limit 1: no Zed
        assertEquals(0, ok(requests.get(4).replay(rstore)).array().size());
        // compound key
        JsonObject membership = ok(requests.get(5).replay(rstore)).object();
        assertEquals(7, membership.getInt("teamId"));
        assertEquals(42, membership.getInt("userId"));
        // offline deletion check: keys + columns
        assertEquals(Json.createArrayBuilder().add(Json.createObjectBuilder().add("id", 1))
                .add(Json.createObjectBuilder().add("id", 2)).build(), ok(requests.get(6).replay(rstore)).array());
        // offline incremental pull: gte updatedAt <Date>
        assertTrue(names(ok(requests.get(7).replay(rstore)).array()).containsAll(List.of("Ann", "Cy", "Eve", "Dan")));
        // create: our users require an email, which this capture's schema did not have
        assertError(requests.get(8).replay(rstore), 400, "Missing required field email in collection users");
        // update
        JsonObject updated = ok(requests.get(9).replay(rstore)).object();
        assertEquals(1, updated.getInt("id"));
        assertEquals("Ann2", updated.getString("name"));
        // delete answers with the pre-image
        assertEquals(updated.getString("name"), ok(requests.get(10).replay(rstore)).object().getString("name"));
        assertEquals(204, rstore.get("api/rstore/users/1", null).status());
        assertEquals("POST", requests.get(11).method());
        assertEquals("/api/rstore/_batch", requests.get(11).path());
    }

    @Test
    void publishedClientRequests() {
        List<CapturedRequest> requests = CapturedRequest.load("published-0.8.4-rest-wire-capture.txt");
        assertEquals(5, requests.size());
        assertEquals(List.of("Ann"), names(ok(requests.get(0).replay(rstore)).array()));
        // single GET whose superjson is an undefined root
        assertEquals("Ann", ok(requests.get(1).replay(rstore)).object().getString("name"));
        assertError(requests.get(2).replay(rstore), 400, "Missing required field email in collection users");
        // PATCH with id: undefined — the key is not written as null
        JsonObject updated = ok(requests.get(3).replay(rstore)).object();
        assertEquals(1, updated.getInt("id"));
        assertEquals("Ann2", updated.getString("name"));
        assertEquals("Ann2", ok(requests.get(4).replay(rstore)).object().getString("name"));
    }

    @Test
    void rawUrls() {
        List<String> lines = CapturedRequest.lines("raw-url.txt");
        ok(rstore.post("api/rstore/users", sj("{\"name\":\"A b+c&d#e/\u00e9\",\"email\":\"raw@capture.io\"}")));
        String first = lines.get(0).substring("GET ".length());
        assertEquals(List.of("A b+c&d#e/\u00e9"), names(ok(rstore.getRaw(first)).array()));
        // a string key with a '/' cannot be addressed (the client does not encode keys): a 4xx
        RstoreClient.Reply slash = rstore.getRaw(lines.get(1).substring("GET ".length()));
        assertEquals(404, slash.status(), slash.toString());
        assertTrue(slash.object().getBoolean("error"));
    }
}
