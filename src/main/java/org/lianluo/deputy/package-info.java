/**
 * Congresses at five levels with their terms and sessions, and the deputies who sit in them: one
 * person, any number of seats, committee membership. {@link org.lianluo.deputy.Deputies} is what other
 * modules read.
 */
package org.lianluo.deputy;
