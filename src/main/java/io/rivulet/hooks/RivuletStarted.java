package io.rivulet.hooks;

/**
 * Fired once Rivulet serves its collections (tables created, drift checked, realtime running):
 * the place for an application's start-up writes, e.g. seed data
 * ({@code void seed(@Observes RivuletStarted started)}). Writes made earlier, in an
 * {@code @Initialized(ApplicationScoped.class)} observer, work too, but reach no realtime peer.
 *
 * @param collections how many collections are served
 */
public record RivuletStarted(int collections) {
}
