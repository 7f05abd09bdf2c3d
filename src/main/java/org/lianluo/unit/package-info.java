/**
 * Handling units (承办单位): the government departments, township governments, courts and other bodies
 * that opinions and proposals are assigned to. Their staff are users with role UNIT_HANDLER.
 */
package org.lianluo.unit;
