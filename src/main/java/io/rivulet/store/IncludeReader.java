package io.rivulet.store;

import io.rivulet.plan.Include;
import io.rivulet.plan.IncludeParser;
import io.rivulet.config.RivuletSettings;
import io.rivulet.hooks.AllowList;
import io.rivulet.query.SearchQuery;
import io.rivulet.schema.CollectionDescriptor;
import io.rivulet.schema.CollectionRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** The include tree of a search query, read with the configured depth and the allow-list on every target. */
@ApplicationScoped
public class IncludeReader {

    @Inject
    CollectionRegistry registry;

    @Inject
    RivuletSettings settings;

    @Inject
    AllowList allowList;

    public List<Include> read(CollectionDescriptor collection, SearchQuery query) {
        return query.include()
                .map(include -> new IncludeParser(registry, RequestLimits.of(settings),
                        target -> allowList.check(target.name())).parse(collection, include))
                .orElse(List.of());
    }
}
