package io.rivulet.schema;

import io.rivulet.wire.SuperJson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A server description like the example's, and edits on copies of it by dotted path. */
final class Descriptions {

    /** JSON with single quotes, so that the fixture stays readable. */
    static final String SERVER = """
            {'version':'%s','collections':{
              'todos':{'name':'todos','from':'todos','primaryKey':['id'],'columns':{
                'id':{'type':'number','optional':false,'from':'id','format':'integer','generated':true},
                'title':{'type':'string','optional':false,'from':'title'},
                'completed':{'type':'boolean','optional':false,'from':'completed','default':false},
                'createdAt':{'type':'string','optional':false,'from':'created_at','format':'date-time','serverDefault':'now'}},
                'relationships':{}},
              'users':{'name':'users','from':'users','primaryKey':['id'],'columns':{
                'id':{'type':'number','optional':false,'from':'id','format':'integer','generated':true},
                'name':{'type':'string','optional':false,'from':'name'},
                'mood':{'type':'enumeration','optional':true,'from':'mood','values':['happy','sad','taco']},
                'role':{'type':'string','optional':false,'from':'role','readOnly':true}},
                'relationships':{'posts':{'kind':'many','hops':[{'sourceField':['id'],'destField':['authorId'],'destSchema':'posts'}]}}},
              'posts':{'name':'posts','from':'posts','primaryKey':['id'],'columns':{
                'id':{'type':'number','optional':false,'from':'id','format':'integer','generated':true},
                'authorId':{'type':'number','optional':false,'from':'author_id','format':'integer'}},
                'relationships':{'author':{'kind':'one','hops':[{'sourceField':['authorId'],'destField':['id'],'destSchema':'users'}]}}}
            }}""".replace('\'', '"');

    private Descriptions() {
    }

    /** The server description, stating its true version. */
    static Map<String, Object> server() {
        Map<String, Object> described = parse(SERVER.formatted("x"));
        described.put("version", SchemaVersion.of(described.get("collections")));
        return described;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> parse(String json) {
        return (Map<String, Object>) SuperJson.decodePlain(json);
    }

    /** A deep copy of the server description with {@code version} set (null: removed). */
    static Map<String, Object> client(String version) {
        Map<String, Object> copy = copy(server());
        if (version == null) {
            copy.remove("version");
        } else {
            copy.put("version", version);
        }
        return copy;
    }

    /** Removes {@code collections.<path>}. */
    static Map<String, Object> remove(Map<String, Object> description, String path) {
        parent(description, path).remove(last(path));
        return description;
    }

    /** Sets {@code collections.<path>} to a value (JSON text). */
    static Map<String, Object> set(Map<String, Object> description, String path, String json) {
        parent(description, path).put(last(path), SuperJson.decodePlain(json.replace('\'', '"')));
        return description;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parent(Map<String, Object> description, String path) {
        Map<String, Object> node = (Map<String, Object>) description.get("collections");
        String[] parts = path.split("\\.");
        for (int i = 0; i < parts.length - 1; i++) {
            node = (Map<String, Object>) node.get(parts[i]);
        }
        return node;
    }

    private static String last(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }

    @SuppressWarnings("unchecked")
    static <T> T copy(T value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put((String) k, copy(v)));
            return (T) copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(v -> copy.add(copy(v)));
            return (T) copy;
        }
        return value;
    }
}
