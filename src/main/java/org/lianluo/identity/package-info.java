/**
 * Users, roles and scopes, sign-in with lockout, API tokens, and the append-only security audit.
 * {@link org.lianluo.identity.Scope} is the one mechanism every module uses to limit what a caller sees.
 */
package org.lianluo.identity;
