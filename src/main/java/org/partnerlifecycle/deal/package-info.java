/**
 * Deal registrations: submission, review, protection, close, payouts and clawbacks into the partner ledger
 * (booked once per deal and kind), and the direct pipeline.
 */
package org.partnerlifecycle.deal;
