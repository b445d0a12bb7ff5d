package io.rivulet.hooks;

/** The collection operations hooks fire around, named as the rstore server names its hooks. */
public enum Operation {
    /** {@code GET /api/rstore/{collection}} (list). */
    INDEX_GET("index.get"),
    /** {@code POST /api/rstore/{collection}} (create). */
    INDEX_POST("index.post"),
    /** {@code GET /api/rstore/{collection}/{key}}. */
    ITEM_GET("item.get"),
    /** {@code PATCH /api/rstore/{collection}/{key}}. */
    ITEM_PATCH("item.patch"),
    /** {@code DELETE /api/rstore/{collection}/{key}}. */
    ITEM_DELETE("item.delete");

    private final String hookName;

    Operation(String hookName) {
        this.hookName = hookName;
    }

    /** The rstore hook name without phase, e.g. {@code index.get}. */
    public String hookName() {
        return hookName;
    }
}
