package io.rivulet.schema;

import io.rivulet.schema.DescribedSchema.Column;
import io.rivulet.schema.DescribedSchema.Relationship;
import io.rivulet.schema.DescribedSchema.Table;
import io.rivulet.schema.SchemaDifference.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Whether a client built with one schema description can work with a server that has another
 * (SCHEMA.md §3): a structural comparison, as Zero's {@code zero-cache} does it, never a version
 * match. The result is the list of differences; empty means compatible.
 *
 * <p>The client is compatible when everything it <em>uses</em> exists on the server unchanged:
 * <ul>
 * <li>every collection it describes, with the same primary key — the same fields <em>in the same
 *     order</em> (stricter than Zero, which accepts any non-null unique key with the same column
 *     set: rstore's wire key is the values joined with {@code ::} in order);</li>
 * <li>every field, with the same type. Types are Zero's ({@code boolean | number | string | json |
 *     enumeration}); a string that becomes an enumeration, or back, is a type change. An
 *     enumeration's client values must all be accepted by the server; extra server values are
 *     compatible (clients must tolerate values they do not know, as with Zero). A client field with
 *     a {@code format} ({@code date-time}, {@code date}, {@code integer}) needs the same format: a
 *     date that became a timestamp, or an integer that became a decimal, changes what the client
 *     parses. A client that gives no format accepts any;</li>
 * <li>a field the client holds as required must not become optional on the server: the server
 *     could return null where the client's types say it never is. The reverse is compatible for
 *     reading (see insert below);</li>
 * <li>a field the client writes must not have become read-only;</li>
 * <li>every relationship, with the same kind ({@code one}/{@code many}) and hops (source fields,
 *     destination fields and destination collection of each hop).</li>
 * </ul>
 * And the server must require nothing on insert that the client cannot send: a column the client
 * does not know, or holds as optional, generated or defaulted, must not be required on the server
 * (not optional, not generated, no {@code default} or {@code serverDefault}, not read-only —
 * read-only columns are filled by the server, since no client may write them). The check cannot
 * know whether a client ever inserts into a collection, so it assumes it may: during the "expand"
 * step a new column is optional or has a default, and becomes required only in "contract".
 *
 * <p>Compatible ("expand"): extra collections, fields, relationships and enumeration values on the
 * server; optional, generated or defaulted new columns; a field that became required on the server
 * but has a default. Not compared: database names ({@code from}: renaming a table or column behind
 * the same JPA name changes nothing for clients), default values themselves, and everything the
 * client does not describe. The comparison is not symmetric, and a collection leaving the
 * allow-list or a field becoming {@code @Hidden} is a removal. As with Zero, deploy the server
 * (expand) before the clients that need it, or refused clients reload into the old app (Zero
 * backs off between reloads; an rstore client has to do that itself).
 *
 * <p>Unlike {@code zero-cache}, which replicates a live database, Rivulet's schema only changes
 * with a deployment: connections are dropped then, and clients are judged again when they
 * reconnect and announce their schema, so there is no "schema changed while connected" push.
 */
public final class SchemaCompatibility {

    private SchemaCompatibility() {
    }

    /**
     * @param client {@code {version?, collections}} as plain values (JSON parsed)
     * @throws MalformedSchemaException when either is not a description
     */
    public static List<SchemaDifference> compare(Object client, Object server) {
        return compare(DescribedSchema.read(client), DescribedSchema.read(server));
    }

    /** The differences, in client collection order, then field and relationship order. */
    public static List<SchemaDifference> compare(DescribedSchema client, DescribedSchema server) {
        List<SchemaDifference> differences = new ArrayList<>();
        client.collections().forEach((name, table) -> {
            Table served = server.collections().get(name);
            if (served == null) {
                differences.add(new SchemaDifference(Kind.COLLECTION_MISSING, name, null, null, "Collection \"" + name
                        + "\" does not exist on the server (removed, renamed or not exposed)."));
            } else {
                compareTable(name, table, served, differences);
            }
        });
        return List.copyOf(differences);
    }

    private static void compareTable(String name, Table client, Table server, List<SchemaDifference> differences) {
        if (!client.primaryKey().equals(server.primaryKey())) {
            differences.add(new SchemaDifference(Kind.PRIMARY_KEY_CHANGED, name, null, null, "The primary key of \""
                    + name + "\" is " + server.primaryKey() + " on the server, " + client.primaryKey() + " in the client."));
        }
        client.columns().forEach((field, column) -> {
            Column served = server.columns().get(field);
            if (served == null) {
                differences.add(field(Kind.FIELD_MISSING, name, field, "does not exist on the server (removed, "
                        + "renamed or hidden)."));
            } else {
                compareColumn(name, field, column, served, differences);
            }
        });
        server.columns().forEach((field, served) -> {
            if (!client.columns().containsKey(field) && served.requiredOnInsert()) {
                differences.add(field(Kind.NEW_REQUIRED_COLUMN, name, field, "is required on insert by the server "
                        + "(not optional, not generated, no default) and unknown to the client: make it optional or "
                        + "give it a default until clients have moved."));
            }
        });
        client.relationships().forEach((relation, relationship) -> {
            Relationship served = server.relationships().get(relation);
            String at = "Relationship \"" + name + "." + relation + "\" ";
            if (served == null) {
                differences.add(new SchemaDifference(Kind.RELATIONSHIP_MISSING, name, null, relation, at
                        + "does not exist on the server."));
            } else if (!served.equals(relationship)) {
                differences.add(new SchemaDifference(Kind.RELATIONSHIP_CHANGED, name, null, relation, at + "is "
                        + describe(served) + " on the server, " + describe(relationship) + " in the client."));
            }
        });
    }

    private static void compareColumn(String name, String field, Column client, Column server,
            List<SchemaDifference> differences) {
        if (!client.type().equals(server.type())) {
            differences.add(field(Kind.TYPE_CHANGED, name, field, "is " + server.type() + " on the server, "
                    + client.type() + " in the client."));
            return;
        }
        TreeSet<String> refused = new TreeSet<>(client.values());
        refused.removeAll(server.values());
        if (!refused.isEmpty()) {
            differences.add(field(Kind.ENUMERATION_VALUES_MISSING, name, field, "no longer has the values " + refused
                    + " on the server."));
        }
        if (client.format() != null && !client.format().equals(server.format())) {
            differences.add(field(Kind.FORMAT_CHANGED, name, field, "has the format "
                    + (server.format() == null ? "(none)" : server.format()) + " on the server, " + client.format()
                    + " in the client."));
        }
        if (!client.optional() && server.optional()) {
            differences.add(field(Kind.MAY_BE_NULL, name, field, "may be null on the server; the client holds it as "
                    + "required."));
        }
        if (!client.readOnly() && server.readOnly()) {
            differences.add(field(Kind.READ_ONLY, name, field, "is read-only on the server; the client may write it."));
        }
        if (!client.requiredOnInsert() && server.requiredOnInsert()) {
            differences.add(field(Kind.REQUIRED_ON_INSERT, name, field, "is required on insert by the server (no "
                    + "default); the client may leave it out."));
        }
    }

    private static SchemaDifference field(Kind kind, String collection, String field, String rest) {
        return new SchemaDifference(kind, collection, field, null, "Field \"" + collection + "." + field + "\" " + rest);
    }

    /** e.g. {@code many via postLabels(id -> postId), labels(labelId -> id)}. */
    private static String describe(Relationship relationship) {
        return relationship.kind() + " via " + relationship.hops().stream()
                .map(hop -> hop.destSchema() + "(" + String.join(",", hop.sourceField()) + " -> "
                        + String.join(",", hop.destField()) + ")")
                .collect(Collectors.joining(", "));
    }
}
