package io.rivulet.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where realtime changes come from (README, "Change source"): {@code jpa}, Rivulet's own JPA
 * writes (the default), or {@code postgresql}, the database's logical replication stream, which
 * also carries the writes of other programs.
 */
@ApplicationScoped
public class ChangeSourceSettings {

    /** The two sources. */
    public enum Source {
        JPA, POSTGRESQL
    }

    @Inject
    @ConfigProperty(name = "rivulet.changes.source", defaultValue = "jpa")
    String source;

    @Inject
    @ConfigProperty(name = "rivulet.changes.postgresql.slot", defaultValue = "rivulet")
    String slot;

    @Inject
    @ConfigProperty(name = "rivulet.changes.postgresql.publication", defaultValue = "rivulet")
    String publication;

    @Inject
    @ConfigProperty(name = "rivulet.changes.postgresql.url")
    Optional<String> url;

    @Inject
    @ConfigProperty(name = "rivulet.changes.postgresql.user")
    Optional<String> user;

    @Inject
    @ConfigProperty(name = "rivulet.changes.postgresql.password")
    Optional<String> password;

    @Inject
    @ConfigProperty(name = "rivulet.changes.postgresql.retry-ms", defaultValue = "2000")
    long retryMs;

    public Source source() {
        return switch (source.trim().toLowerCase(Locale.ROOT)) {
            case "jpa", "" -> Source.JPA;
            case "postgresql" -> Source.POSTGRESQL;
            default -> throw new IllegalStateException("rivulet.changes.source=" + source
                    + " is not a change source: use jpa (the default) or postgresql");
        };
    }

    /** Whether the database's stream publishes every change (and the JPA path publishes none). */
    public boolean fromDatabase() {
        return source() == Source.POSTGRESQL;
    }

    /** The replication slot's name (one per deployment sharing a database). */
    public String slot() {
        return slot.trim();
    }

    /** The publication's name: exactly the tables of the exposed collections. */
    public String publication() {
        return publication.trim();
    }

    /** The replication connection's JDBC URL; empty: the datasource's own. */
    public Optional<String> url() {
        return url.map(String::trim).filter(v -> !v.isEmpty());
    }

    /** The replication connection's user (it needs the REPLICATION attribute); empty: the datasource's. */
    public Optional<String> user() {
        return user.map(String::trim).filter(v -> !v.isEmpty());
    }

    public Optional<String> password() {
        return password;
    }

    /** How long a node that does not read waits before it tries to take over, and the first reconnect delay. */
    public long retryMs() {
        return Math.max(100, retryMs);
    }
}
