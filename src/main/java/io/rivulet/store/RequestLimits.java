package io.rivulet.store;

import io.rivulet.config.RivuletSettings;
import io.rivulet.query.ConditionLimits;
import io.rivulet.query.QueryLimits;

/** The configured limits of a search query ({@code rivulet.limits.*}), for every route that parses one. */
public final class RequestLimits {

    private RequestLimits() {
    }

    public static QueryLimits of(RivuletSettings settings) {
        return new QueryLimits(settings.maxKeys(), settings.maxLookupKeys(),
                new ConditionLimits(settings.maxWhereNodes(), settings.maxWhereDepth()),
                settings.maxIncludeDepth(), settings.maxIncludeRelations());
    }
}
