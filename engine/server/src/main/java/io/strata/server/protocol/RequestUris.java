package io.strata.server.protocol;

import io.strata.server.http.HttpException;
import io.strata.server.http.HttpRequest;

import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Optional;
import java.util.regex.Pattern;

import static java.util.Locale.ENGLISH;

/**
 * The absolute base URI ({@code scheme://host[:port]}) a client reached this server at, for the
 * {@code nextUri} and {@code infoUri} it will follow: from {@code X-Forwarded-Proto} and
 * {@code X-Forwarded-Host} when a proxy set them (the first one where a chain of proxies appended theirs),
 * else {@code http} and the {@code Host} header, else the address the request arrived at.
 */
public final class RequestUris
{
    private static final Pattern HOST = Pattern.compile("([A-Za-z0-9._~%\\-]+|\\[[0-9A-Fa-f:.]+])(:\\d{1,5})?");

    private RequestUris() {}

    /**
     * The base URI of the request's client.
     *
     * @throws HttpException 400 for a malformed {@code Host}, {@code X-Forwarded-Host} or {@code X-Forwarded-Proto}
     */
    public static URI baseUri(HttpRequest request)
    {
        String scheme = firstListValue(request, "X-Forwarded-Proto").map(value -> value.toLowerCase(ENGLISH)).orElse("http");
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw HttpException.badRequest("Invalid X-Forwarded-Proto header: '" + scheme + "'");
        }
        Optional<String> forwardedHost = firstListValue(request, "X-Forwarded-Host");
        String headerName = forwardedHost.isPresent() ? "X-Forwarded-Host" : "Host";
        String host = forwardedHost
                .or(() -> request.headers().get("Host").map(String::strip).filter(value -> !value.isEmpty()))
                .orElseGet(() -> hostOf(request.localAddress()));
        if (!HOST.matcher(host).matches()) {
            throw HttpException.badRequest("Invalid " + headerName + " header: '" + host + "'");
        }
        return URI.create(scheme + "://" + host);
    }

    private static Optional<String> firstListValue(HttpRequest request, String name)
    {
        return request.headers().get(name)
                .map(value -> value.split(",", 2)[0].strip())
                .filter(value -> !value.isEmpty());
    }

    private static String hostOf(InetSocketAddress address)
    {
        String host = address.getAddress() instanceof Inet6Address
                ? "[" + address.getAddress().getHostAddress().replaceFirst("%.*", "") + "]"
                : address.getAddress().getHostAddress();
        return host + ":" + address.getPort();
    }
}
