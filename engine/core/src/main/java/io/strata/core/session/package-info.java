/**
 * The session a statement runs in (held by the client, sent with every statement) and the changes a
 * statement makes to it, which the server sends back as response headers.
 */
package io.strata.core.session;
