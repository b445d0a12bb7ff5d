package io.rivulet.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URL;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A WebSocket case of the corpus. Columns: name, frames ({@code ||}-separated text frames;
 * {@code bin:HEX} is a binary frame), the documented reaction. The reaction is either
 * {@code close <code>} (a close code of the catalogue), or the frames that must arrive before the
 * {@code pong} of a {@code ping} sent after them — {@code quiet} for none, else {@code init-ok},
 * {@code init-refused <error>}, {@code rejected <reason>}, {@code pong}, each optionally {@code *N}.
 * A {@code 1011} close is never a documented reaction.
 */
record WsCase(String name, List<String> frames, String expect) {

    static WsCase of(CorpusText.Line line, Map<String, String> fixtures) {
        return new WsCase(line.where() + " " + line.columns()[0], CorpusText.items(line.column(1, fixtures)),
                line.column(2, fixtures));
    }

    void run(URL base) throws Exception {
        try (WsClient ws = new WsClient(base)) {
            for (String frame : frames) {
                try {
                    if (frame.startsWith("bin:")) {
                        ws.sendBinary(HexFormat.of().parseHex(frame.substring(4)));
                    } else {
                        ws.send(frame);
                    }
                } catch (RuntimeException e) {
                    break; // the server closed the connection while we were sending: the close code tells why
                }
            }
            if (expect.startsWith("close ")) {
                Integer code = ws.closed.get(10, TimeUnit.SECONDS);
                noSecrets(new ArrayList<>(ws.frames));
                assertEquals(Integer.parseInt(expect.substring(6)), code);
                return;
            }
            List<String> received = untilPong(ws);
            noSecrets(received);
            assertEquals(expected(), received.stream().map(WsCase::summary).toList(), received::toString);
            assertTrue(!ws.closed.isDone(), () -> "closed with " + ws.closed.getNow(null));
        }
    }

    /** The frames that arrive before the pong of one more ping (the case's own pongs included). */
    private List<String> untilPong(WsClient ws) throws Exception {
        ws.send("ping");
        long pongs = 1 + frames.stream().filter("ping"::equals).count();
        List<String> received = new ArrayList<>();
        while (pongs > 0) {
            String frame = ws.frames.poll(10, TimeUnit.SECONDS);
            assertNotNull(frame, () -> "no pong within 10 s" + (ws.closed.isDone() ? ", closed with "
                    + ws.closed.getNow(null) : "") + "; received " + received);
            if ("pong".equals(frame) && --pongs == 0) {
                break;
            }
            received.add(frame);
        }
        return received;
    }

    private List<String> expected() {
        List<String> expected = new ArrayList<>();
        if (expect.equals("quiet")) {
            return expected;
        }
        for (String token : CorpusText.items(expect)) {
            int times = 1;
            int star = token.lastIndexOf('*');
            if (star > 0) {
                times = Integer.parseInt(token.substring(star + 1));
                token = token.substring(0, star);
            }
            for (int i = 0; i < times; i++) {
                expected.add(token);
            }
        }
        return expected;
    }

    private static String summary(String frame) {
        if ("pong".equals(frame)) {
            return "pong";
        }
        try (var reader = Json.createReader(new StringReader(frame))) {
            JsonObject json = reader.readObject();
            if (json.get("init") instanceof JsonObject init) {
                return init.getBoolean("ok", false) ? "init-ok" : "init-refused " + init.getString("error", "?");
            }
            if (json.get("subscription") instanceof JsonObject subscription) {
                return subscription.getString("action", "?") + " " + subscription.getString("reason", "?");
            }
        } catch (RuntimeException e) {
            // not JSON: shown as it is
        }
        return "other " + frame;
    }

    private static void noSecrets(List<String> frames) {
        for (String frame : frames) {
            for (String secret : RestCase.SECRETS) {
                assertTrue(!frame.contains(secret), () -> "leaked " + secret + ": " + frame);
            }
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
