/**
 * Authentication (staff via Camunda identity, partners via API keys), staff groups and their Camunda
 * authorizations, and {@link org.partnerlifecycle.security.Caller}: who calls and what they may do.
 */
package org.partnerlifecycle.security;
