/**
 * The public site (线上云平台) for citizens on a phone: the home page, stations and their deputies, the
 * county map, and the published results. Speaking, following and commenting live with their modules.
 */
package org.lianluo.portal;
