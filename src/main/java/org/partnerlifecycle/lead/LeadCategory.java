package org.partnerlifecycle.lead;

/** Lead categories (seed 002 item 6: company size or market), recorded with each lead and in the report. */
public enum LeadCategory { SMB, MID_MARKET, ENTERPRISE, PUBLIC_SECTOR, EDUCATION }
