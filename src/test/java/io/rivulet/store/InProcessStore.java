package io.rivulet.store;

import io.rivulet.query.QueryLimits;
import io.rivulet.config.RivuletSettings;
import io.rivulet.hooks.QueryTransform;
import io.rivulet.plan.Include;
import io.rivulet.plan.IncludeParser;
import io.rivulet.schema.CollectionDescriptor;
import io.rivulet.schema.CollectionRegistry;
import io.rivulet.schema.FieldDescriptor;
import io.rivulet.schema.Registries;
import io.rivulet.schema.ValueCodec;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.Persistence;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The in-process test tier: the example entities on EclipseLink in Java SE over a fresh H2
 * database in memory — no container, no CDI, no JTA. The registry is built from the unit's
 * metamodel as the server builds it; {@link #dataSource} is the same database for the plain-SQL
 * reads; {@link #store} is a {@link CollectionStore} on an entity manager of this unit.
 *
 * <p>The unit ({@code inprocess/persistence.xml}) leaves out {@code META-INF/rivulet-orm.xml}, whose
 * default entity listener (realtime) needs CDI: writes here record no realtime changes.
 */
public final class InProcessStore implements AutoCloseable {

    public static final String UNIT = "rivulet-inprocess";

    /** A {@code transformQuery} that restricts nothing: forces the JPA Criteria read path. */
    public static final QueryTransform NO_OP = (cb, root, query) -> cb.and();

    private static final AtomicInteger DATABASES = new AtomicInteger();

    private final EntityManagerFactory entityManagerFactory;
    private final CollectionRegistry registry;
    private final DataSource dataSource;

    public InProcessStore() {
        this(h2());
    }

    private InProcessStore(Database database) {
        Map<String, Object> properties = new java.util.HashMap<>(database.properties());
        properties.put("eclipselink.persistencexml", "inprocess/persistence.xml");
        entityManagerFactory = Persistence.createEntityManagerFactory(UNIT, properties);
        registry = Registries.of(entityManagerFactory);
        dataSource = database.dataSource();
    }

    /** Where a store keeps its rows: the unit's connection properties and the same database as a datasource. */
    private record Database(Map<String, Object> properties, DataSource dataSource) {
    }

    private static Database h2() {
        String url = "jdbc:h2:mem:rivulet-inprocess-" + DATABASES.incrementAndGet() + "-" + System.nanoTime()
                + ";DB_CLOSE_DELAY=-1";
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL(url);
        h2.setUser("sa");
        h2.setPassword("");
        return new Database(Map.of("jakarta.persistence.jdbc.url", url), h2);
    }

    /**
     * The same tier on the local PostgreSQL (127.0.0.1:5432, trust auth): a fresh database of the
     * given name, dropped and created first.
     */
    public static InProcessStore onPostgresql(String name) {
        try (java.sql.Connection admin = java.sql.DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
                java.sql.Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name);
            statement.execute("CREATE DATABASE " + name);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot create the PostgreSQL database " + name, e);
        }
        org.postgresql.ds.PGSimpleDataSource pg = new org.postgresql.ds.PGSimpleDataSource();
        pg.setServerNames(new String[] {"127.0.0.1"});
        pg.setPortNumbers(new int[] {5432});
        pg.setDatabaseName(name);
        pg.setUser("postgres");
        return new InProcessStore(new Database(Map.of("jakarta.persistence.jdbc.url",
                "jdbc:postgresql://127.0.0.1:5432/" + name, "jakarta.persistence.jdbc.driver", "org.postgresql.Driver",
                "jakarta.persistence.jdbc.user", "postgres"), pg));
    }

    public EntityManagerFactory entityManagerFactory() {
        return entityManagerFactory;
    }

    public CollectionRegistry registry() {
        return registry;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public CollectionDescriptor collection(String name) {
        return registry.find(name).orElseThrow(() -> new IllegalArgumentException("no collection " + name));
    }

    /** The include tree of a request, parsed as the server parses it (depth 5, no allow-list). */
    public List<Include> includes(String collection, Map<String, Object> include) {
        return new IncludeParser(registry, QueryLimits.DEFAULT, target -> { }).parse(collection(collection), include);
    }

    /**
     * A store on the given entity manager, its injected fields set by hand. The settings are a
     * bare instance: {@code sqlReads} is false, so the store's reads go through JPA Criteria (the
     * plain-SQL reads are run directly with {@link io.rivulet.store.sql.SqlRowReader}).
     */
    public static CollectionStore store(EntityManager entityManager) {
        CollectionStore store = new CollectionStore();
        store.entityManager = entityManager;
        store.settings = new RivuletSettings();
        return store;
    }

    /**
     * A store whose creates that no hook observes are written as plain SQL ({@code sql.writes}
     * on), on this database, as {@link CollectionOperations} uses it: outside any transaction.
     */
    public CollectionStore sqlWritingStore(EntityManager entityManager) {
        CollectionStore store = store(entityManager);
        try {
            java.lang.reflect.Field writes = RivuletSettings.class.getDeclaredField("sqlWrites");
            writes.setAccessible(true);
            writes.setBoolean(store.settings, true);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        store.dataSource = dataSource;
        return store;
    }

    /** Runs the work in one resource-local transaction, committed when it returns. */
    public <T> T inTransaction(Function<EntityManager, T> work) {
        EntityManager entityManager = entityManagerFactory.createEntityManager();
        EntityTransaction transaction = entityManager.getTransaction();
        try {
            transaction.begin();
            T result = work.apply(entityManager);
            transaction.commit();
            return result;
        } finally {
            if (transaction.isActive()) {
                transaction.rollback();
            }
            entityManager.close();
        }
    }

    /** Runs a read on a fresh entity manager, outside a transaction. */
    public <T> T reading(Function<EntityManager, T> work) {
        EntityManager entityManager = entityManagerFactory.createEntityManager();
        try {
            return work.apply(entityManager);
        } finally {
            entityManager.close();
        }
    }

    /**
     * Writes one row through JPA with every value given (wire values, as a client sends them —
     * timestamps and keys included, so that the rows and their JSON are fixed).
     */
    public static void insert(EntityManager entityManager, CollectionDescriptor collection,
            Map<String, Object> values) {
        Object entity = collection.newInstance();
        values.forEach((name, wire) -> {
            FieldDescriptor field = collection.field(name)
                    .orElseThrow(() -> new IllegalArgumentException("no field " + name + " in " + collection.name()));
            collection.write(entity, field, wire == null ? null : ValueCodec.fromWire(field, wire, false));
        });
        entityManager.persist(entity);
        // in the given order: the foreign keys are plain fields, which EclipseLink does not order inserts by
        entityManager.flush();
    }

    /**
     * The example data set: 3 users, 5 posts, 7 comments, 3 todos, 2 labels on 2 posts, 2 teams of 3
     * memberships, 2 projects, 3 assignments, a secret; keys and timestamps fixed
     * (keys from 101 on, clear of the ids EclipseLink's sequence hands out to created rows).
     */
    public InProcessStore seed() {
        inTransaction(em -> {
            CollectionDescriptor users = collection("users");
            insert(em, users, Map.of("id", 101, "name", "Ann", "email", "ann@example.com", "mood", "happy",
                    "settings", Map.of("theme", "dark"), "passwordHash", "hidden-ann",
                    "createdAt", at(1), "updatedAt", at(1)));
            insert(em, users, Map.of("id", 102, "name", "Bob", "email", "bob@example.com", "nickName", "bobby",
                    "createdAt", at(2), "updatedAt", at(2)));
            insert(em, users, Map.of("id", 103, "name", "Cy", "email", "cy@example.com", "mood", "taco",
                    "createdAt", at(3), "updatedAt", at(3)));
            CollectionDescriptor posts = collection("posts");
            post(em, posts, 201, 101, "Hello Rivulet", true, 4);
            post(em, posts, 202, 101, "Second thoughts", false, 5);
            post(em, posts, 203, 101, "Third time", true, 6);
            post(em, posts, 204, 102, "Bob writes", true, 7);
            post(em, posts, 205, 103, "Cy drafts", false, 8);
            CollectionDescriptor comments = collection("comments");
            comment(em, comments, 301, 201, 102, null, "Nice!", true, 9);
            comment(em, comments, 302, 201, 101, 301, "Thanks", false, 10);
            comment(em, comments, 303, 201, 103, null, "Me too", true, 11);
            comment(em, comments, 304, 202, 102, null, "Hmm", false, 12);
            comment(em, comments, 305, 203, 103, null, "Third!", true, 13);
            comment(em, comments, 306, 204, 101, null, "Welcome, Bob", true, 14);
            comment(em, comments, 307, 204, 103, 306, "Seconded", true, 15);
            CollectionDescriptor todos = collection("todos");
            todo(em, todos, 401, "Try Rivulet", true, 16);
            todo(em, todos, 402, "Point rstore at /api/rstore", false, 17);
            todo(em, todos, 403, "Subscribe to realtime", false, 18);
            row(em, "labels", Map.of("id", 501, "name", "news"), 19);
            row(em, "labels", Map.of("id", 502, "name", "howto"), 20);
            row(em, "postLabels", Map.of("postId", 201, "labelId", 501), 21);
            row(em, "postLabels", Map.of("postId", 201, "labelId", 502), 22);
            row(em, "postLabels", Map.of("postId", 204, "labelId", 501), 23);
            row(em, "teams", Map.of("id", 601, "name", "Core"), 24);
            row(em, "teams", Map.of("id", 602, "name", "Docs"), 25);
            row(em, "teamsToUsers", Map.of("teamId", 601, "userId", 101, "role", "owner"), 26);
            row(em, "teamsToUsers", Map.of("teamId", 601, "userId", 102, "role", "member"), 27);
            row(em, "teamsToUsers", Map.of("teamId", 602, "userId", 102, "role", "owner"), 28);
            row(em, "projects", Map.of("id", 701, "teamId", 601, "name", "Rivulet"), 29);
            row(em, "projects", Map.of("id", 702, "teamId", 602, "name", "Guide"), 30);
            row(em, "assignments", Map.of("id", 801, "projectId", 701, "teamId", 601, "userId", 101), 31);
            row(em, "assignments", Map.of("id", 802, "projectId", 701, "teamId", 601, "userId", 102), 32);
            row(em, "assignments", Map.of("id", 803, "projectId", 702, "teamId", 602, "userId", 102), 33);
            row(em, "secrets", Map.of("id", 901, "ownerId", 101, "value", "s3cr3t"), 34);
            return null;
        });
        return this;
    }

    private static void post(EntityManager em, CollectionDescriptor posts, int id, int authorId, String title,
            boolean published, int minute) {
        insert(em, posts, Map.of("id", id, "authorId", authorId, "title", title, "published", published,
                "createdAt", at(minute), "updatedAt", at(minute)));
    }

    private static void comment(EntityManager em, CollectionDescriptor comments, int id, int postId, int authorId,
            Integer parentId, String body, boolean approved, int minute) {
        java.util.Map<String, Object> values = new java.util.LinkedHashMap<>(Map.of("id", id, "postId", postId,
                "authorId", authorId, "body", body, "approved", approved, "createdAt", at(minute),
                "updatedAt", at(minute)));
        values.put("parentId", parentId);
        insert(em, comments, values);
    }

    private static void todo(EntityManager em, CollectionDescriptor todos, int id, String title, boolean completed,
            int minute) {
        insert(em, todos, Map.of("id", id, "title", title, "completed", completed, "createdAt", at(minute),
                "updatedAt", at(minute)));
    }

    private void row(EntityManager em, String collection, Map<String, Object> values, int minute) {
        Map<String, Object> all = new java.util.LinkedHashMap<>(values);
        all.put("createdAt", at(minute));
        all.put("updatedAt", at(minute));
        insert(em, collection(collection), all);
    }

    /** 2024-01-01T00:mm:00Z as a wire value. */
    static String at(int minute) {
        return String.format("2024-01-01T00:%02d:00.000Z", minute);
    }

    @Override
    public void close() {
        entityManagerFactory.close();
    }
}
