/**
 * The GB/T 2260 region tree of 百色市 and the working-day calendar (holidays and adjusted working
 * days per year) on which every deadline is counted.
 */
package org.lianluo.region;
