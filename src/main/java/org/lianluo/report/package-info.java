/**
 * Statistics and the annual report (代表工作综述): every figure of a region and year computed from the records
 * of the duty, opinion, proposal, consultation and station modules, with the records behind each figure.
 * It reads those modules' tables in SQL (read-only, see {@link org.lianluo.report.Source}) and never writes them.
 */
package org.lianluo.report;
