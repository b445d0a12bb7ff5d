package io.rivulet.realtime;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rivulet.hooks.RequestInfo;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PeerTest {

    private static final long SECOND = 1_000_000_000L;

    private static Peer peer() {
        return new Peer(null, null, new RequestInfo(Map.of(), Optional.empty(), "/ws"), 10, Runnable::run, () -> { });
    }

    @Test
    void framesWithinTheBurstPassThenTheRateHolds() {
        Peer peer = peer();
        long now = 5 * SECOND;
        for (int i = 0; i < 5; i++) {
            assertTrue(peer.frameAllowed(now, 10, 5), "frame " + i + " of the burst");
        }
        assertFalse(peer.frameAllowed(now, 10, 5), "the burst is used up");
        assertTrue(peer.frameAllowed(now + SECOND / 10, 10, 5), "one interval later, one more");
        assertFalse(peer.frameAllowed(now + SECOND / 10, 10, 5));
        for (int i = 0; i < 5; i++) {
            assertTrue(peer.frameAllowed(now + 2 * SECOND, 10, 5), "a quiet second refills the burst");
        }
    }

    @Test
    void noLimitWhenTheRateIsZero() {
        Peer peer = peer();
        for (int i = 0; i < 10_000; i++) {
            assertTrue(peer.frameAllowed(0, 0, 1));
        }
    }

    @Test
    void aSteadyClientAtTheRateIsNeverRefused() {
        Peer peer = peer();
        for (int i = 0; i < 1000; i++) {
            assertTrue(peer.frameAllowed(i * SECOND / 10, 10, 1));
        }
    }
}
