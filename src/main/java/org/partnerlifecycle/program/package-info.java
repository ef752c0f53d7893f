/**
 * Program KPIs for leadership and auditors (SPEC §4 GET /api/program/kpis; playbook seed 001 lines 176-183 and
 * 1720-1728): each figure with its definition and the records behind it.
 */
package org.partnerlifecycle.program;
