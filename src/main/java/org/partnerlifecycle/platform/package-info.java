/**
 * Startup and configuration: run modes, the PostgreSQL profile check, the terms catalog bean, transaction order,
 * the startup setup (authorizations, Tasklist filters, demo users and partners) and the V9 decision-facts backfill.
 */
package org.partnerlifecycle.platform;
