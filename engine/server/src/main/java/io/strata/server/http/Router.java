package io.strata.server.http;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;

import static java.util.Locale.ENGLISH;
import static java.util.Objects.requireNonNull;

/**
 * Maps a method and a path to a handler. Patterns are literal segments and {@code {name}} placeholders that
 * match one non-empty segment, e.g. {@code /v1/statement/queued/{queryId}/{token}}. A path no pattern
 * matches is answered 404; a path some pattern matches for other methods only, 405 with {@code Allow}.
 * Built once at start, then read-only (and so safe to share between event loops).
 */
public final class Router
{
    private final List<Route> routes = new ArrayList<>();

    /** Adds a route; the first added wins where two match. */
    public Router add(String method, String pattern, RequestHandler handler)
    {
        routes.add(new Route(method.toUpperCase(ENGLISH), parsePattern(pattern), handler));
        return this;
    }

    /** Runs the handler of the request's route, or answers 404/405; never throws. */
    public CompletableFuture<HttpResponse> dispatch(HttpRequest request)
    {
        List<String> segments = splitPath(request.path());
        TreeSet<String> allowed = new TreeSet<>();
        for (Route route : routes) {
            Optional<Map<String, String>> parameters = route.match(segments);
            if (parameters.isEmpty()) {
                continue;
            }
            if (!route.method().equals(request.method())) {
                allowed.add(route.method());
                continue;
            }
            try {
                return requireNonNull(route.handler().handle(request.withPathParameters(parameters.get())), "handler returned null");
            }
            catch (RuntimeException e) {
                return CompletableFuture.failedFuture(e);
            }
        }
        if (!allowed.isEmpty()) {
            return CompletableFuture.completedFuture(
                    HttpResponse.text(405, "Method " + request.method() + " is not allowed on " + request.path())
                            .withHeader("Allow", String.join(", ", allowed)));
        }
        return CompletableFuture.completedFuture(HttpResponse.text(404, "Not found: " + request.path()));
    }

    private static List<String> parsePattern(String pattern)
    {
        if (!pattern.startsWith("/")) {
            throw new IllegalArgumentException("pattern must start with '/': " + pattern);
        }
        return splitPath(pattern);
    }

    // "/a/b" gives ["", "a", "b"]; a trailing slash gives a last empty segment, so "/a/b/" matches no "/a/b"
    private static List<String> splitPath(String path)
    {
        return Arrays.asList(path.split("/", -1));
    }

    private record Route(String method, List<String> pattern, RequestHandler handler)
    {
        Optional<Map<String, String>> match(List<String> segments)
        {
            if (segments.size() != pattern.size()) {
                return Optional.empty();
            }
            Map<String, String> parameters = new HashMap<>();
            for (int index = 0; index < pattern.size(); index++) {
                String expected = pattern.get(index);
                String actual = segments.get(index);
                if (expected.startsWith("{") && expected.endsWith("}")) {
                    if (actual.isEmpty()) {
                        return Optional.empty();
                    }
                    parameters.put(expected.substring(1, expected.length() - 1), actual);
                }
                else if (!expected.equals(actual)) {
                    return Optional.empty();
                }
            }
            return Optional.of(parameters);
        }
    }
}
