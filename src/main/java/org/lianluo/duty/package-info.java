/**
 * Deputy duty (履职): activities of every kind with their deputies' attendance, contact plans of committee
 * members and their contacts, the duty record and points per deputy and year, and the figures the annual
 * report reads ({@link org.lianluo.duty.DutyStatistics}).
 */
package org.lianluo.duty;
