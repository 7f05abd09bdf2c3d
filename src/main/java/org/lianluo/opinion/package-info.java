/**
 * The opinion loop 收集—研判—交办—督办—反馈: intake from every channel, triage, assignment with
 * working-day deadlines, supervision and escalation, replies, feedback, evaluation and reopening.
 */
package org.lianluo.opinion;
