/**
 * Chinese search and similar-item detection over opinions and proposals: an index in PostgreSQL fed by the
 * loops' events after commit (tokens segmented by HanLP with the local names), staff search with facets and
 * highlighted snippets, and the similar items shown to citizens, assessors and deputies. No personal data.
 */
package org.lianluo.search;
