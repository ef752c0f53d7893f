/**
 * Partner health: the playbook's health score recomputed quarterly (and by tier reviews) from recorded facts,
 * stored with its factors, and the at-risk review it opens.
 */
package org.partnerlifecycle.health;
