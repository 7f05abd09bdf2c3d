/**
 * Consultations on draft laws and regulations (法律草案征求意见): drafts split into articles, comments
 * from citizens and from stations' legislative contact meetings, moderation, and adoption feedback.
 */
package org.lianluo.consultation;
