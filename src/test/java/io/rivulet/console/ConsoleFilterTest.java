package io.rivulet.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rivulet.config.RivuletSettings;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The console's switch and door, on plain interfaces (no container). */
class ConsoleFilterTest {

    /** What the filter did with one request. */
    private static final class Answer {
        int status = 200;
        String redirect;
        String forward;
        boolean chained;
        final Map<String, String> headers = new HashMap<>();
        final ByteArrayOutputStream body = new ByteArrayOutputStream();

        String text() {
            return body.toString(StandardCharsets.UTF_8);
        }
    }

    @Test
    void switchedOffEveryPathIs404() throws Exception {
        for (String path : new String[] {"", "/", "/index.html", "/assets/index-1.js"}) {
            Answer answer = request(false, true, path);
            assertEquals(404, answer.status, path);
            assertEquals("The Rivulet console is switched off (rivulet.console=false).\n", answer.text());
            assertFalse(answer.chained, path);
            assertNull(answer.forward, path);
        }
    }

    @Test
    void builtWithoutNodeItSaysSo() throws Exception {
        Answer answer = request(true, false, "/");
        assertEquals(404, answer.status);
        assertTrue(answer.text().contains("built without Node/npm"), answer.text());
    }

    @Test
    void thePageAndItsAssets() throws Exception {
        assertEquals("/app/rivulet/console/", request(true, true, "").redirect);

        Answer page = request(true, true, "/");
        assertEquals("/rivulet/console/index.html", page.forward);
        assertEquals("no-cache", page.headers.get("Cache-Control"));
        assertTrue(page.headers.get("Content-Security-Policy").startsWith("default-src 'self'"));

        Answer asset = request(true, true, "/assets/index-1.js");
        assertTrue(asset.chained, "the container serves the file");
        assertEquals("public, max-age=31536000, immutable", asset.headers.get("Cache-Control"));
    }

    private static Answer request(boolean on, boolean built, String pathInfo) throws Exception {
        Answer answer = new Answer();
        ServletContext context = proxy(ServletContext.class, (name, args) -> name.equals("getResource")
                ? built && args[0].equals("/rivulet/console/index.html") ? URI.create("file:/index.html").toURL() : null
                : null);
        ConsoleFilter filter = new ConsoleFilter();
        filter.settings = new RivuletSettings() {
            @Override
            public boolean console() {
                return on;
            }
        };
        filter.init(proxy(FilterConfig.class, (name, args) -> switch (name) {
            case "getServletContext" -> context;
            case "getInitParameterNames" -> Collections.emptyEnumeration();
            default -> null;
        }));
        HttpServletRequest request = proxy(HttpServletRequest.class, (name, args) -> switch (name) {
            case "getServletPath" -> ConsoleFilter.PATH;
            case "getPathInfo" -> pathInfo.isEmpty() ? null : pathInfo;
            case "getContextPath" -> "/app";
            case "getRequestDispatcher" -> proxy(RequestDispatcher.class, (n, a) -> {
                answer.forward = (String) args[0];
                return null;
            });
            default -> null;
        });
        ServletOutputStream out = new ServletOutputStream() {
            @Override
            public void write(int b) {
                answer.body.write(b);
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
            }
        };
        HttpServletResponse response = proxy(HttpServletResponse.class, (name, args) -> {
            switch (name) {
                case "setStatus" -> answer.status = (Integer) args[0];
                case "sendRedirect" -> answer.redirect = (String) args[0];
                case "setHeader" -> answer.headers.put((String) args[0], (String) args[1]);
                case "getOutputStream" -> {
                    return out;
                }
                default -> {
                }
            }
            return null;
        });
        filter.doFilter(request, response, (req, res) -> answer.chained = true);
        return answer;
    }

    private interface Handler {
        Object invoke(String method, Object[] args) throws Exception;
    }

    private static <T> T proxy(Class<T> type, Handler handler) {
        return type.cast(Proxy.newProxyInstance(ConsoleFilterTest.class.getClassLoader(), new Class<?>[] {type},
                (self, method, args) -> handler.invoke(method.getName(), args == null ? new Object[0] : args)));
    }
}
