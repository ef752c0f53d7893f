/**
 * Paying partners: monthly payout runs that put every payable ledger amount and open clawback on one statement per
 * partner (under the minimum payout: carried forward), leadership's approval of large runs, statements issued Net 30,
 * their payment, and the statements' API with each line traced to its deal, ledger entry, rule result and terms.
 */
package org.partnerlifecycle.payout;
