package io.rivulet.schema.drift;

import io.rivulet.schema.CollectionRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * At deployment, compares the live database with the entities ({@link DatabaseDrift}) and refuses
 * to start with a readable report when they differ, unless {@code rivulet.schema.drift=warn}
 * (log the report and start) or {@code off}. Creating and migrating tables stays the job of the
 * application's migration tool (or of JPA's schema generation on the embedded default).
 */
@ApplicationScoped
public class DriftCheck {

    private static final Logger LOG = Logger.getLogger(DriftCheck.class.getName());

    @Inject
    CollectionRegistry registry;

    @Inject
    jakarta.enterprise.inject.Instance<OwnTables> ownTables;

    @Inject
    @ConfigProperty(name = "rivulet.schema.drift", defaultValue = "fail")
    String mode;

    /** The persistence unit's datasource (persistence.xml); change both together. */
    @Inject
    @ConfigProperty(name = "rivulet.schema.datasource", defaultValue = "java:comp/DefaultDataSource")
    String dataSource;

    /** Compares the database with the entities; throws (refusing the deployment) on fatal drift in {@code fail} mode. */
    public void check() {
        if ("off".equals(mode)) {
            return;
        }
        if (!"fail".equals(mode) && !"warn".equals(mode)) {
            throw new IllegalStateException("rivulet.schema.drift=" + mode + ": use fail, warn or off");
        }
        List<DatabaseDrift.Difference> differences = differences();
        if (differences.isEmpty()) {
            LOG.info("Rivulet: the database matches the entities");
            return;
        }
        String report = DatabaseDrift.report(differences);
        if (differences.stream().noneMatch(DatabaseDrift.Difference::fatal)) {
            LOG.info(report);
        } else if ("warn".equals(mode)) {
            LOG.warning(report + "\nStarting anyway (rivulet.schema.drift=warn).");
        } else {
            String refusal = report + "\nFix the database with your migration tool, or set rivulet.schema.drift=warn"
                    + " to start anyway.";
            LOG.severe(refusal);
            throw new IllegalStateException(refusal);
        }
    }

    private List<DatabaseDrift.Difference> differences() {
        try (Connection connection = InitialContext.<DataSource>doLookup(dataSource).getConnection()) {
            DatabaseTables tables = new DatabaseTables(connection);
            java.util.function.Function<String, java.util.Optional<DatabaseTable>> find = name -> {
                try {
                    return tables.find(name);
                } catch (SQLException e) {
                    throw new IllegalStateException("Rivulet could not read table " + name + ": " + e.getMessage(), e);
                }
            };
            List<DatabaseDrift.Difference> differences = new java.util.ArrayList<>(DatabaseDrift.compare(registry.all(), find));
            for (OwnTables own : ownTables) {
                differences.addAll(DatabaseDrift.compareOwn(own.expectedTables(), find));
            }
            return differences;
        } catch (NamingException | SQLException e) {
            throw new IllegalStateException("Rivulet could not read the database's tables from " + dataSource
                    + " (set rivulet.schema.drift=off to skip the check): " + e.getMessage(), e);
        }
    }
}
