-- Issue 29: an MDF reimbursement is money the program owes a partner, booked in the partner ledger beside its
-- revenue shares: kind MDF_REIMBURSEMENT, for an MDF request instead of a deal. It is PAYABLE from the claim's
-- approval (due Net 15, kept in mdf_reimbursement with the payment's reference) and PAID when finance records the
-- payment. A payout run never puts it on a statement: finance pays it by its own due date.
ALTER TABLE ledger_entry ALTER COLUMN deal_id DROP NOT NULL;
ALTER TABLE ledger_entry ADD COLUMN mdf_request_id VARCHAR(40);
ALTER TABLE ledger_entry ADD CONSTRAINT ledger_entry_mdf_request FOREIGN KEY (mdf_request_id) REFERENCES mdf_request (id);
ALTER TABLE ledger_entry ADD CONSTRAINT ledger_entry_mdf_once UNIQUE (mdf_request_id);
ALTER TABLE ledger_entry ADD CONSTRAINT ledger_entry_for_a_deal_or_an_mdf_request
  CHECK ((deal_id IS NULL AND mdf_request_id IS NOT NULL) OR (deal_id IS NOT NULL AND mdf_request_id IS NULL));
ALTER TABLE ledger_entry_state ALTER COLUMN deal_id DROP NOT NULL;

-- Reimbursements approved before this release join the ledger as they stand.
INSERT INTO ledger_entry (partner_id, mdf_request_id, kind, amount, basis, terms_version, explanation, booked_at, seq)
  SELECT partner_id, request_id, 'MDF_REIMBURSEMENT', amount, amount, terms_version,
         'MDF reimbursement of request ' || request_id || ', due ' || CAST(due_on AS VARCHAR(10)),
         CAST(approved_on AS TIMESTAMP WITH TIME ZONE), 0
  FROM mdf_reimbursement;
INSERT INTO ledger_entry_state (entry_id, partner_id, status, payable_on, changed_at)
  SELECT e.id, e.partner_id, CASE WHEN m.paid_on IS NULL THEN 'PAYABLE' ELSE 'PAID' END, m.approved_on, e.booked_at
  FROM ledger_entry e JOIN mdf_reimbursement m ON m.request_id = e.mdf_request_id;
