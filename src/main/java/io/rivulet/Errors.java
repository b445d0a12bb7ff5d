package io.rivulet;

/**
 * The error catalogue of the rstore protocol (PROTOCOL §1.4, plus the errors Rivulet adds): every
 * status and {@code statusMessage} the engine sends lives here, byte for byte as the client and the
 * ITs expect them. <b>Adding an error means adding it here</b>, never a string literal at the throw
 * site.
 *
 * <p>Each factory is named after the error and returns the {@link RstoreException} to throw
 * ({@code throw Errors.tableNotFound(name)}). A {@code reason} parameter becomes the error's
 * {@code data.reason}; it is a detail of the site, not part of the catalogued text. A text of the
 * client's that an error repeats (a name, a key, an operator) is cut to {@link #MAX_ECHOED_CHARACTERS}.
 *
 * <p>The engine packages below the HTTP edge ({@code io.rivulet.query}, {@code io.rivulet.schema})
 * throw their own exception types, which this root package must not know (it is the API every
 * package builds on, so it imports none of them). Their texts are in {@link Texts}, as Strings the
 * throw site wraps: {@code new InvalidConditionException(Errors.Texts.unknownField(f))}. A text that
 * also reaches the client as an RstoreException (e.g. {@link #unknownField}) is built from the same
 * {@link Texts} method, so it is written once.
 */
public final class Errors {

    /**
     * How much of a text the client sent (a collection or field name, a key, an operator) an error
     * repeats: the first 100 characters, then {@code ...}. The statusMessage is the HTTP reason
     * phrase too, and a status line of 20 KB is refused by clients (Node's HTTP parser).
     */
    public static final int MAX_ECHOED_CHARACTERS = 100;

    private Errors() {
    }

    /** The client's text as an error repeats it: cut after {@link #MAX_ECHOED_CHARACTERS} characters. */
    private static String echo(String text) {
        if (text == null || text.codePointCount(0, text.length()) <= MAX_ECHOED_CHARACTERS) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, MAX_ECHOED_CHARACTERS)) + "...";
    }

    // ---- 400: the search query (superjson parameter) ----

    /** {@code 400 Invalid superjson query parameter}: the parameter parses to a non-object. */
    public static RstoreException invalidSuperjson() {
        return RstoreException.badRequest("Invalid superjson query parameter");
    }

    /** {@code 400 Invalid superjson query parameter}: not parseable, repeated, too long. */
    public static RstoreException invalidSuperjson(String reason) {
        return RstoreException.badRequest("Invalid superjson query parameter", reason);
    }

    /** {@code 400 Invalid filter}: translating the top-level {@code where} failed; {@code reason} says why. */
    public static RstoreException invalidFilter(String reason) {
        return RstoreException.badRequest("Invalid filter", reason);
    }

    /** {@code 400 Unknown field in filter: <field>}: an unknown column in {@code orderBy} or in an include. */
    public static RstoreException unknownField(String field) {
        return RstoreException.badRequest(Texts.unknownField(field));
    }

    /** {@code 400 Invalid orderBy}. */
    public static RstoreException invalidOrderBy() {
        return RstoreException.badRequest("Invalid orderBy");
    }

    /** {@code 400 Invalid limit}. */
    public static RstoreException invalidLimit() {
        return RstoreException.badRequest("Invalid limit");
    }

    /** {@code 400 Invalid offset}. */
    public static RstoreException invalidOffset() {
        return RstoreException.badRequest("Invalid offset");
    }

    /** {@code 400 Invalid columns}. */
    public static RstoreException invalidColumns() {
        return RstoreException.badRequest("Invalid columns");
    }

    /** {@code 400 Invalid keys}. */
    public static RstoreException invalidKeys() {
        return RstoreException.badRequest("Invalid keys");
    }

    /** {@code 400 Too many keys (max <max>)}. */
    public static RstoreException tooManyKeys(int max) {
        return RstoreException.badRequest("Too many keys (max " + max + ")");
    }

    /** {@code 400 Include tree is too deep (max <max> levels)}. */
    public static RstoreException includeTooDeep(int maxDepth) {
        return RstoreException.badRequest("Include tree is too deep (max " + maxDepth + " levels)");
    }

    /** {@code 400 Include tree has too many relations (max <max>)}: the include fan-out, all levels together. */
    public static RstoreException includeTooLarge(int maxRelations) {
        return RstoreException.badRequest("Include tree has too many relations (max " + maxRelations + ")");
    }

    // ---- 400: batch ----

    /** {@code 400 Invalid batch request}: the body has no array {@code operations}. */
    public static RstoreException invalidBatchRequest() {
        return RstoreException.badRequest("Invalid batch request");
    }

    /** {@code 400 Invalid batch request}: the body is not SuperJSON. */
    public static RstoreException invalidBatchRequest(String reason) {
        return RstoreException.badRequest("Invalid batch request", reason);
    }

    /** {@code 400 Too many operations in batch (max <max>)}. */
    public static RstoreException tooManyBatchOperations(int max) {
        return RstoreException.badRequest("Too many operations in batch (max " + max + ")");
    }

    /** {@code 400 Invalid batch operation}: an entry of {@code operations} of the wrong shape. */
    public static RstoreException invalidBatchOperation() {
        return RstoreException.badRequest("Invalid batch operation");
    }

    /** {@code 400 Unknown batch operation type: <type>}. */
    public static RstoreException unknownBatchOperationType(String type) {
        return RstoreException.badRequest("Unknown batch operation type: " + echo(type));
    }

    // ---- 400: routes and bodies ----

    /** {@code 400 No key in route parameters}: an item route without a key, or a collection without a primary key. */
    public static RstoreException noKey() {
        return RstoreException.badRequest("No key in route parameters");
    }

    /** {@code 400 Invalid request body}; {@code reason} says why. */
    public static RstoreException invalidRequestBody(String reason) {
        return RstoreException.badRequest("Invalid request body", reason);
    }

    /** {@code 413 Request body too large (max <max> bytes)}. */
    public static RstoreException bodyTooLarge(int max) {
        return new RstoreException(413, "Request body too large (max " + max + " bytes)");
    }

    /** {@code 400 Missing required field <field> in collection <collection>}. */
    public static RstoreException missingRequiredField(String field, String collection) {
        return RstoreException.badRequest("Missing required field " + field + " in collection " + collection);
    }

    /** {@code 400 Unknown field <field> in collection <collection>}: a body names a field the collection has not. */
    public static RstoreException unknownBodyField(String field, String collection) {
        return RstoreException.badRequest("Unknown field " + echo(field) + " in collection " + collection);
    }

    /** {@code 400 Field <field> of collection <collection> is read-only}. */
    public static RstoreException readOnlyField(String field, String collection) {
        return RstoreException.badRequest("Field " + field + " of collection " + collection + " is read-only");
    }

    /** {@code 400 Field <field> of collection <collection> cannot be null}. */
    public static RstoreException nullField(String field, String collection) {
        return RstoreException.badRequest("Field " + field + " of collection " + collection + " cannot be null");
    }

    /** {@code 400 Field <field> of collection <collection> is generated by the server}. */
    public static RstoreException serverGeneratedField(String field, String collection) {
        return RstoreException.badRequest("Field " + field + " of collection " + collection
                + " is generated by the server");
    }

    /** {@code 400 Invalid value for field <field> in collection <collection>}: a body value of the wrong type. */
    public static RstoreException invalidFieldValue(String field, String collection) {
        return RstoreException.badRequest("Invalid value for field " + field + " in collection " + collection);
    }

    // ---- 400 / 409: constraint violations the database reports ----

    /** {@code 400 Missing required value in collection <collection>} (SQLSTATE 23502). */
    public static RstoreException missingRequiredValue(String collection) {
        return RstoreException.badRequest("Missing required value in collection " + collection);
    }

    /** {@code 400 Invalid value in collection <collection>} (other SQLSTATE classes 22 and 23). */
    public static RstoreException invalidValue(String collection) {
        return RstoreException.badRequest("Invalid value in collection " + collection);
    }

    /** {@code 409 Unique constraint violated in collection <collection>} (SQLSTATE 23505). */
    public static RstoreException uniqueConstraintViolated(String collection) {
        return new RstoreException(409, "Unique constraint violated in collection " + collection);
    }

    /** {@code 409 Foreign key constraint violated in collection <collection>} (SQLSTATE 23503, 23506). */
    public static RstoreException foreignKeyConstraintViolated(String collection) {
        return new RstoreException(409, "Foreign key constraint violated in collection " + collection);
    }

    /** {@code 409 Item already exists in collection <collection>}: a create whose key is taken. */
    public static RstoreException itemExists(String collection) {
        return new RstoreException(409, "Item already exists in collection " + collection);
    }

    /** {@code 409 Duplicate value for unique field <field> in collection <collection>}. */
    public static RstoreException duplicateUniqueValue(String field, String collection) {
        return new RstoreException(409, "Duplicate value for unique field " + field + " in collection " + collection);
    }

    // ---- 403 / 404 / 409 / 500 ----

    /** {@code 403 Collection "<collection>" is not allowed.}: not on the {@code allowTables} list. */
    public static RstoreException collectionNotAllowed(String collection) {
        return new RstoreException(403, "Collection \"" + echo(collection) + "\" is not allowed.");
    }

    /** {@code 404 Table not found for collection <collection>}. */
    public static RstoreException tableNotFound(String collection) {
        return new RstoreException(404, "Table not found for collection " + echo(collection));
    }

    /** {@code 409 SchemaVersionNotSupported} with the verdict as {@code data}. */
    public static RstoreException schemaVersionNotSupported(Object data) {
        return new RstoreException(409, Texts.SCHEMA_VERSION_NOT_SUPPORTED, data);
    }

    /**
     * {@code 503 Service Unavailable}: the database cannot be reached (a restart, a full pool, a
     * network fault). A 5xx, so the rstore offline queue keeps the write and retries it, and
     * ofetch retries a GET.
     */
    public static RstoreException databaseUnavailable() {
        return new RstoreException(503, Texts.SERVICE_UNAVAILABLE);
    }

    /** {@code 500 Server Error}: anything that is not an RstoreException. */
    public static RstoreException serverError() {
        return new RstoreException(500, Texts.SERVER_ERROR);
    }

    // ---- the changes feed and versions (issue #15) ----

    /** {@code 400 Invalid cursor}: a {@code since} the feed did not hand out. */
    public static RstoreException invalidCursor() {
        return RstoreException.badRequest("Invalid cursor");
    }

    /**
     * {@code 409 Changes cursor expired} with {@code data: {"reset": true}}: the cursor is older
     * than the feed's retention, or from another database or schema; the client starts over
     * without {@code since}.
     */
    public static RstoreException changesCursorExpired() {
        return new RstoreException(409, "Changes cursor expired", java.util.Map.of("reset", true));
    }

    /** {@code 412 Precondition Failed} with the current row as {@code data}: {@code If-Match} does not match. */
    public static RstoreException preconditionFailed(Object currentRow) {
        return new RstoreException(412, "Precondition Failed", currentRow);
    }

    /**
     * {@code 409 Stale version of <collection>} with the current row as {@code data}: a write
     * based on an older version, in a collection whose conflict policy is {@code reject-stale}.
     */
    public static RstoreException staleVersion(String collection, Object currentRow) {
        return new RstoreException(409, "Stale version of " + echo(collection), currentRow);
    }

    // ---- 400: schema endpoints ----

    /** {@code 400 Invalid schema description}; {@code reason} says why. */
    public static RstoreException invalidSchemaDescription(String reason) {
        return RstoreException.badRequest("Invalid schema description", reason);
    }

    /** {@code 400 Invalid target}: an unknown TypeScript target; {@code reason} lists the known ones. */
    public static RstoreException invalidTarget(String reason) {
        return RstoreException.badRequest("Invalid target", reason);
    }

    /**
     * The texts the engine packages throw as their own exception types ({@code InvalidConditionException}
     * in {@code io.rivulet.query}, {@code InvalidValueException} in {@code io.rivulet.schema}). They reach
     * the client as {@code data.reason} of {@link #invalidFilter}, or as the statusMessage of a 400.
     */
    public static final class Texts {

        /** The statusMessage (and WebSocket {@code init.error}) of a refused schema version. */
        public static final String SCHEMA_VERSION_NOT_SUPPORTED = "SchemaVersionNotSupported";

        /** The statusMessage of a 500. */
        public static final String SERVER_ERROR = "Server Error";

        /** The statusMessage of a 503. */
        public static final String SERVICE_UNAVAILABLE = "Service Unavailable";

        private Texts() {
        }

        /** {@code Invalid condition}: a {@code where} node of the wrong shape. */
        public static String invalidCondition() {
            return "Invalid condition";
        }

        /** {@code Invalid filter operator: <operator>}. */
        public static String invalidFilterOperator(String operator) {
            return "Invalid filter operator: " + echo(operator);
        }

        /** {@code Missing <key> for operator <operator>}: e.g. {@code value2} of {@code between}. */
        public static String missingOperand(String key, String operator) {
            return "Missing " + key + " for operator " + echo(operator);
        }

        /** {@code Unknown field in filter: <field>}. */
        public static String unknownField(String field) {
            return "Unknown field in filter: " + echo(field);
        }

        /** {@code Operator <operator> does not apply to field <field>}. */
        public static String operatorDoesNotApply(String operator, String field) {
            return "Operator " + echo(operator) + " does not apply to field " + echo(field);
        }

        /** {@code Expected an array for field <field>}: an IN-like operator without a list. */
        public static String expectedArray(String field) {
            return "Expected an array for field " + echo(field);
        }

        /** {@code Invalid value for field <field>}: a value that does not fit the field's type. */
        public static String invalidFieldValue(String field) {
            return "Invalid value for field " + echo(field);
        }

        /** {@code LIKE pattern too long (max <max> characters)}. */
        public static String likePatternTooLong(int max) {
            return "LIKE pattern too long (max " + max + " characters)";
        }

        /** {@code Filter has too many conditions (max <max>)}: a {@code where} tree of more nodes. */
        public static String whereTooLarge(int max) {
            return "Filter has too many conditions (max " + max + ")";
        }

        /** {@code Filter is too deep (max <max> levels)}: a {@code where} tree nested deeper. */
        public static String whereTooDeep(int max) {
            return "Filter is too deep (max " + max + " levels)";
        }

        /** {@code Invalid key <key> for collection <collection>}. */
        public static String invalidKey(String key, String collection) {
            return "Invalid key " + echo(key) + " for collection " + collection;
        }
    }
}
