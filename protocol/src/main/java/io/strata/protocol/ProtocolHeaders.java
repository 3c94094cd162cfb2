package io.strata.protocol;

import static java.util.Objects.requireNonNull;

/**
 * The names of the HTTP headers of the client protocol, spelled for one {@link Dialect}: {@code X-Presto-User}
 * or {@code X-Trino-User}, and so on. Request headers carry the client's session with each statement;
 * response headers carry the changes a statement made to that session, which the client applies to its
 * next statements (the server keeps no session state between statements).
 * <p>
 * Both spellings exist for every name, even where only one product uses the header (the Javadoc says so);
 * the worker-to-worker exchange headers are not part of this class.
 */
public final class ProtocolHeaders
{
    public static final ProtocolHeaders PRESTO = new ProtocolHeaders(Dialect.PRESTO);
    public static final ProtocolHeaders TRINO = new ProtocolHeaders(Dialect.TRINO);

    private final Dialect dialect;
    private final String requestUser;
    private final String requestOriginalUser;
    private final String requestSource;
    private final String requestCatalog;
    private final String requestSchema;
    private final String requestPath;
    private final String requestTimeZone;
    private final String requestLanguage;
    private final String requestTraceToken;
    private final String requestSession;
    private final String requestRole;
    private final String requestOriginalRoles;
    private final String requestPreparedStatement;
    private final String requestTransactionId;
    private final String requestClientInfo;
    private final String requestClientTags;
    private final String requestClientCapabilities;
    private final String requestResourceEstimate;
    private final String requestExtraCredential;
    private final String requestSessionFunction;
    private final String requestQueryDataEncoding;
    private final String requestRetryQuery;
    private final String requestPrefixUrl;
    private final String responseSetCatalog;
    private final String responseSetSchema;
    private final String responseSetPath;
    private final String responseSetSession;
    private final String responseClearSession;
    private final String responseSetRole;
    private final String responseSetOriginalRoles;
    private final String responseAddedPrepare;
    private final String responseDeallocatedPrepare;
    private final String responseStartedTransactionId;
    private final String responseClearTransactionId;
    private final String responseAddedSessionFunctions;
    private final String responseRemovedSessionFunction;
    private final String responseSetAuthorizationUser;
    private final String responseResetAuthorizationUser;

    private ProtocolHeaders(Dialect dialect)
    {
        this.dialect = requireNonNull(dialect, "dialect is null");
        String prefix = dialect.headerPrefix();
        this.requestUser = prefix + "User";
        this.requestOriginalUser = prefix + "Original-User";
        this.requestSource = prefix + "Source";
        this.requestCatalog = prefix + "Catalog";
        this.requestSchema = prefix + "Schema";
        this.requestPath = prefix + "Path";
        this.requestTimeZone = prefix + "Time-Zone";
        this.requestLanguage = prefix + "Language";
        this.requestTraceToken = prefix + "Trace-Token";
        this.requestSession = prefix + "Session";
        this.requestRole = prefix + "Role";
        this.requestOriginalRoles = prefix + "Original-Roles";
        this.requestPreparedStatement = prefix + "Prepared-Statement";
        this.requestTransactionId = prefix + "Transaction-Id";
        this.requestClientInfo = prefix + "Client-Info";
        this.requestClientTags = prefix + "Client-Tags";
        this.requestClientCapabilities = prefix + "Client-Capabilities";
        this.requestResourceEstimate = prefix + "Resource-Estimate";
        this.requestExtraCredential = prefix + "Extra-Credential";
        this.requestSessionFunction = prefix + "Session-Function";
        this.requestQueryDataEncoding = prefix + "Query-Data-Encoding";
        this.requestRetryQuery = prefix + "Retry-Query";
        this.requestPrefixUrl = prefix + "Prefix-Url";
        this.responseSetCatalog = prefix + "Set-Catalog";
        this.responseSetSchema = prefix + "Set-Schema";
        this.responseSetPath = prefix + "Set-Path";
        this.responseSetSession = prefix + "Set-Session";
        this.responseClearSession = prefix + "Clear-Session";
        this.responseSetRole = prefix + "Set-Role";
        this.responseSetOriginalRoles = prefix + "Set-Original-Roles";
        this.responseAddedPrepare = prefix + "Added-Prepare";
        this.responseDeallocatedPrepare = prefix + "Deallocated-Prepare";
        this.responseStartedTransactionId = prefix + "Started-Transaction-Id";
        this.responseClearTransactionId = prefix + "Clear-Transaction-Id";
        this.responseAddedSessionFunctions = prefix + "Added-Session-Functions";
        this.responseRemovedSessionFunction = prefix + "Removed-Session-Function";
        this.responseSetAuthorizationUser = prefix + "Set-Authorization-User";
        this.responseResetAuthorizationUser = prefix + "Reset-Authorization-User";
    }

    public static ProtocolHeaders of(Dialect dialect)
    {
        switch (requireNonNull(dialect, "dialect is null")) {
            case PRESTO:
                return PRESTO;
            case TRINO:
                return TRINO;
        }
        throw new IllegalArgumentException("Unknown dialect: " + dialect);
    }

    public Dialect dialect()
    {
        return dialect;
    }

    /** The user running the statement; sent on every request, including GET and DELETE of {@code nextUri}. */
    public String requestUser()
    {
        return requestUser;
    }

    /** Trino: the authenticated user when the session user differs. */
    public String requestOriginalUser()
    {
        return requestOriginalUser;
    }

    /** The client program, e.g. {@code presto-jdbc}. */
    public String requestSource()
    {
        return requestSource;
    }

    /** The session's current catalog. */
    public String requestCatalog()
    {
        return requestCatalog;
    }

    /** The session's current schema. */
    public String requestSchema()
    {
        return requestSchema;
    }

    /** Trino: the SQL path. */
    public String requestPath()
    {
        return requestPath;
    }

    /** The session time zone id; always sent. */
    public String requestTimeZone()
    {
        return requestTimeZone;
    }

    /** The session locale as a BCP-47 tag. */
    public String requestLanguage()
    {
        return requestLanguage;
    }

    /** An opaque token the server logs with the query. */
    public String requestTraceToken()
    {
        return requestTraceToken;
    }

    /** One header per session property: {@code name=urlEncode(value)}. */
    public String requestSession()
    {
        return requestSession;
    }

    /** One header per catalog role: {@code catalog=urlEncode(role)}. */
    public String requestRole()
    {
        return requestRole;
    }

    /** Trino: the roles of the original user. */
    public String requestOriginalRoles()
    {
        return requestOriginalRoles;
    }

    /** One header per prepared statement: {@code urlEncode(name)=urlEncode(sql)}. */
    public String requestPreparedStatement()
    {
        return requestPreparedStatement;
    }

    /** The open transaction's id, or {@code NONE}; always sent. */
    public String requestTransactionId()
    {
        return requestTransactionId;
    }

    /** Free text describing the client. */
    public String requestClientInfo()
    {
        return requestClientInfo;
    }

    /** Comma-separated tags, used by resource group selection. */
    public String requestClientTags()
    {
        return requestClientTags;
    }

    /** Trino: comma-separated capabilities, e.g. {@code PATH,PARAMETRIC_DATETIME}. */
    public String requestClientCapabilities()
    {
        return requestClientCapabilities;
    }

    /** One header per estimate: {@code EXECUTION_TIME=1m}, {@code PEAK_MEMORY=1GB}, ... */
    public String requestResourceEstimate()
    {
        return requestResourceEstimate;
    }

    /** One header per credential: {@code name=value}. */
    public String requestExtraCredential()
    {
        return requestExtraCredential;
    }

    /** Presto: session SQL functions. */
    public String requestSessionFunction()
    {
        return requestSessionFunction;
    }

    /** Trino: encodings of result data the client accepts (spooling); answered with the same header. */
    public String requestQueryDataEncoding()
    {
        return requestQueryDataEncoding;
    }

    /** Presto: marks a cross-cluster retry; server to server. */
    public String requestRetryQuery()
    {
        return requestRetryQuery;
    }

    /** Presto: a proxy's prefix the server puts in front of the URIs it returns. */
    public String requestPrefixUrl()
    {
        return requestPrefixUrl;
    }

    /** The statement (e.g. {@code USE}) changed the current catalog. */
    public String responseSetCatalog()
    {
        return responseSetCatalog;
    }

    /** The statement changed the current schema. */
    public String responseSetSchema()
    {
        return responseSetSchema;
    }

    /** Trino: the statement changed the SQL path. */
    public String responseSetPath()
    {
        return responseSetPath;
    }

    /** {@code name=urlEncode(value)}, repeatable: a session property was set. */
    public String responseSetSession()
    {
        return responseSetSession;
    }

    /** A session property name, repeatable: the property was reset. */
    public String responseClearSession()
    {
        return responseClearSession;
    }

    /** {@code catalog=urlEncode(role)}, repeatable. */
    public String responseSetRole()
    {
        return responseSetRole;
    }

    /** Trino: the original user's roles changed. */
    public String responseSetOriginalRoles()
    {
        return responseSetOriginalRoles;
    }

    /** {@code urlEncode(name)=urlEncode(sql)}: a statement was prepared. */
    public String responseAddedPrepare()
    {
        return responseAddedPrepare;
    }

    /** {@code urlEncode(name)}: a prepared statement was deallocated. */
    public String responseDeallocatedPrepare()
    {
        return responseDeallocatedPrepare;
    }

    /** The id of the transaction the statement started. */
    public String responseStartedTransactionId()
    {
        return responseStartedTransactionId;
    }

    /** {@code true}: the transaction ended (committed, rolled back or aborted). */
    public String responseClearTransactionId()
    {
        return responseClearTransactionId;
    }

    /** Presto: session SQL functions were added. */
    public String responseAddedSessionFunctions()
    {
        return responseAddedSessionFunctions;
    }

    /** Presto: a session SQL function was removed. */
    public String responseRemovedSessionFunction()
    {
        return responseRemovedSessionFunction;
    }

    /** Trino: {@code SET SESSION AUTHORIZATION} changed the user. */
    public String responseSetAuthorizationUser()
    {
        return responseSetAuthorizationUser;
    }

    /** Trino: the authorization user was reset. */
    public String responseResetAuthorizationUser()
    {
        return responseResetAuthorizationUser;
    }

    @Override
    public String toString()
    {
        return "ProtocolHeaders{" + dialect + "}";
    }
}
