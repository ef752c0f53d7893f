/**
 * The auditors' view over REST: a partner's or a deal's timeline from the audit log, rule results and the
 * engine's history.
 */
package org.partnerlifecycle.timeline;
