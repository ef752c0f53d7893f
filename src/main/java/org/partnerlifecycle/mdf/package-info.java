/**
 * Market development funds: requests checked against the tier's quarterly cap and annual budget, the partner
 * manager's review and leadership's approval, claims with ROI evidence, reimbursements paid by finance, the year-end
 * lapse, and MDF ROI for the program's KPIs.
 */
package org.partnerlifecycle.mdf;
