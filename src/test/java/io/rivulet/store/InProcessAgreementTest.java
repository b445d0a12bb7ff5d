package io.rivulet.store;

import io.rivulet.query.QueryLimits;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rivulet.plan.ColumnSelection;
import io.rivulet.plan.Include;
import io.rivulet.plan.ReadPlan;
import io.rivulet.query.SearchQuery;
import io.rivulet.query.SearchQueryParser;
import io.rivulet.schema.CollectionDescriptor;
import io.rivulet.schema.FieldDescriptor;
import io.rivulet.schema.KeyCodec;
import io.rivulet.store.sql.SqlRowReader;
import io.rivulet.wire.JsonWriter;
import io.rivulet.wire.SuperJson;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The two read back ends against each other over the whole example data set: every search query
 * below (as the client sends it, decoded) must give the same JSON bytes through plain SQL
 * ({@link SqlRowReader}) and through JPA Criteria ({@link CollectionStore} with a
 * {@code transformQuery} that restricts nothing), and a non-empty result. The plan is built as
 * {@link CollectionStore} builds it, the key added to the columns when there are includes.
 */
class InProcessAgreementTest extends InProcessTier {

    private static final SqlRowReader SQL = new SqlRowReader();


    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            users         | {}
            users         | {'orderBy':'name.desc','limit':2,'offset':1}
            users         | {'where':{'field':'nickName','operator':'isNull'},'orderBy':'email.asc'}
            users         | {'where':{'field':'mood','operator':'inArray','value':['happy','taco']}}
            users         | {'columns':{'name':true},'include':{'posts':true}}
            users         | {'columns':{'settings':false},'include':{'comments':{'orderBy':'body.asc','limit':2}}}
            users         | {'include':{'posts':{'where':{'field':'published','operator':'eq','value':true},'limit':1}}}
            users         | {'include':{'posts':{'limit':0}}}
            users         | {'include':{'memberships':{'include':{'team':true,'assignments':true}}}}
            users         | {'include':{'posts':{'orderBy':'published.asc','limit':2,'include':{'comments':{'orderBy':['approved.desc','body.asc'],'limit':1,'include':{'author':{'columns':{'email':true}}}}}}}}
            users         | {'keys':['102','103'],'include':{'posts':{'include':{'comments':{'include':{'replies':true}}}}}}
            posts         | {'orderBy':['published.desc','title.asc']}
            posts         | {'where':{'field':'title','operator':'ilike','value':'%T%'},'include':{'author':true,'comments':{'limit':1}}}
            posts         | {'where':{'operator':'not','condition':{'field':'authorId','operator':'eq','value':101}},'include':{'author':{'include':{'posts':{'limit':1}}}}}
            posts         | {'where':{'field':'createdAt','operator':'between','value1':'2024-01-01T00:05:00.000Z','value2':'2024-01-01T00:07:00.000Z'}}
            comments      | {'include':{'parent':true,'replies':{'orderBy':'createdAt.desc','limit':1},'post':{'include':{'author':true}}}}
            comments      | {'where':{'field':'parentId','operator':'isNotNull'},'include':{'parent':{'include':{'parent':true,'replies':true}}}}
            comments      | {'orderBy':'approved.asc','limit':3,'offset':2,'include':{'author':{'columns':{'name':true}}}}
            teams         | {'include':{'memberships':{'orderBy':'role.asc','include':{'assignments':true,'user':true}},'projects':true}}
            teamsToUsers  | {'include':{'assignments':{'include':{'project':true,'membership':true}},'team':true,'user':{'columns':{'name':true}}}}
            teamsToUsers  | {'keys':['601::102','602::102'],'orderBy':'role.desc'}
            assignments   | {'include':{'membership':{'include':{'user':true}},'project':{'include':{'team':true}}}}
            postLabels    | {'include':{'post':true,'label':true}}
            labels        | {'orderBy':'name.asc'}
            todos         | {'where':{'field':'completed','operator':'eq','value':false},'orderBy':'title.desc'}
            """)
    void sqlAndCriteriaAgree(String collection, String search) {
        CollectionDescriptor c = db.collection(collection);
        SearchQuery query = new SearchQueryParser(QueryLimits.DEFAULT).parse(SuperJson.decodePlain(search.replace('\'', '"')));
        List<Include> includes = query.include().map(i -> db.includes(collection, i)).orElse(List.of());
        int limit = query.limit().orElse(1000);
        List<List<Object>> keys = query.keys().stream().map(k -> KeyCodec.parse(c, k)).toList();
        ReadPlan plan = new ReadPlan(c, selection(c, query, includes), query.where(), keys, query.orderBy(),
                query.offset(), limit, includes);
        assertTrue(SQL.supports(plan), "plain SQL serves the plan");
        String sql = JsonWriter.write(SQL.read(db.dataSource(), plan));
        String criteria = db.reading(em -> JsonWriter.write(InProcessStore.store(em)
                .list(c, query, limit, includes, List.of(InProcessStore.NO_OP))));
        assertEquals(sql, criteria, "Criteria agrees with plain SQL");
        assertTrue(sql.length() > 2, "some rows");
    }

    /** As {@link CollectionStore} selects: the requested columns, and the key with includes. */
    private static List<FieldDescriptor> selection(CollectionDescriptor collection, SearchQuery query,
            List<Include> includes) {
        List<FieldDescriptor> selected = ColumnSelection.select(collection, query.columns());
        if (includes.isEmpty() || selected.containsAll(collection.primaryKey())) {
            return selected;
        }
        return collection.visibleFields().stream().filter(f -> f.primaryKey() || selected.contains(f)).toList();
    }
}
