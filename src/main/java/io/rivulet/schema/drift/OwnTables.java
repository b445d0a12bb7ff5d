package io.rivulet.schema.drift;

import java.util.List;
import java.util.Map;

/**
 * Tables Rivulet itself keeps in the application's database (the changes feed's), which the
 * drift check compares too: a bean of this type names them and their columns.
 */
public interface OwnTables {

    /** Table name → the columns Rivulet reads and writes; empty when the feature is off. */
    Map<String, List<String>> expectedTables();
}
