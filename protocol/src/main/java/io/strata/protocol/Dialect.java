package io.strata.protocol;

import static java.util.Locale.ENGLISH;
import static java.util.Objects.requireNonNull;

/**
 * Which family of clients a coordinator is talking to. Presto and Trino speak the same REST protocol with
 * two differences that matter on the wire: the header prefix ({@code X-Presto-} or {@code X-Trino-}) and
 * the JSON of a row field's type signature (a string for Presto, an object for Trino), see
 * {@link ClientTypeSignature}. A server answers in the dialect the request was sent in.
 */
public enum Dialect
{
    PRESTO("Presto"),
    TRINO("Trino");

    private final String protocolName;
    private final String headerPrefix;

    Dialect(String protocolName)
    {
        this.protocolName = protocolName;
        this.headerPrefix = "X-" + protocolName + "-";
    }

    /** {@code Presto} or {@code Trino}, as it appears in header names. */
    public String protocolName()
    {
        return protocolName;
    }

    /** {@code X-Presto-} or {@code X-Trino-}. */
    public String headerPrefix()
    {
        return headerPrefix;
    }

    /** The header names spelled in this dialect. */
    public ProtocolHeaders headers()
    {
        return ProtocolHeaders.of(this);
    }

    /**
     * The dialect of a request, from the names of its headers (compared ignoring case): {@link #TRINO} if
     * some header starts with {@code X-Trino-}, otherwise {@link #PRESTO}, which is also the answer for a
     * request without any protocol header.
     *
     * @throws IllegalArgumentException if the request mixes {@code X-Presto-} and {@code X-Trino-} headers
     */
    public static Dialect detect(Iterable<String> headerNames)
    {
        requireNonNull(headerNames, "headerNames is null");
        boolean presto = false;
        boolean trino = false;
        String prestoPrefix = PRESTO.headerPrefix.toLowerCase(ENGLISH);
        String trinoPrefix = TRINO.headerPrefix.toLowerCase(ENGLISH);
        for (String headerName : headerNames) {
            String name = headerName.toLowerCase(ENGLISH);
            presto |= name.startsWith(prestoPrefix);
            trino |= name.startsWith(trinoPrefix);
        }
        if (presto && trino) {
            throw new IllegalArgumentException("Request mixes X-Presto- and X-Trino- headers");
        }
        return trino ? TRINO : PRESTO;
    }
}
