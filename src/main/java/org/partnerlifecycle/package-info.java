/**
 * Partner Lifecycle Engine: one Spring Boot application with an embedded Camunda 7 engine. Packages by capability
 * (partner, deal, tier, warning, lead), each owning its delegates in {@code <capability>.process}; below them the
 * pure {@code rules}, the engine seam {@code engine}, {@code audit}, {@code web} and {@code security}; on top
 * {@code platform} (startup, demo data, configuration) and {@code timeline} (the auditors' view).
 */
package org.partnerlifecycle;
