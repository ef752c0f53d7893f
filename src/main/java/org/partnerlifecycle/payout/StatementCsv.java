package org.partnerlifecycle.payout;

import java.math.BigDecimal;
import java.util.List;

/**
 * A statement as CSV: one row per line (deal, customer, ledger entry, kind, contract year, amount, terms version,
 * rule result, explanation), then a TOTAL row; the amounts add up to the total. Text cells are quoted (RFC 4180) and a
 * leading {@code = + - @} in text is defused; amounts are plain numbers.
 */
final class StatementCsv {

  private StatementCsv() {
  }

  static String of(Statement statement, List<StatementLine> lines) {
    StringBuilder out = new StringBuilder("statementId,statementDate,dueDate,partnerId,line,dealId,customerName,"
        + "ledgerEntryId,kind,contractYear,amount,termsVersion,ruleResultId,rule,explanation\n");
    for (StatementLine line : lines) {
      out.append(String.join(",", text(statement.statementId()), statement.date().toString(),
          statement.dueDate().toString(), text(statement.partnerId()), Integer.toString(line.line()),
          text(line.dealId()), text(line.customerName()), Long.toString(line.ledgerEntryId()), text(line.kind()),
          line.contractYear() == null ? "" : line.contractYear().toString(), line.amount().toPlainString(),
          text(line.termsVersion()), line.ruleResultId() == null ? "" : line.ruleResultId().toString(),
          text(line.rule()), text(line.explanation()))).append('\n');
    }
    BigDecimal total = statement.total();
    out.append(String.join(",", text(statement.statementId()), statement.date().toString(),
        statement.dueDate().toString(), text(statement.partnerId()), "", "", "", "", text("TOTAL"), "",
        total.toPlainString(), text(statement.termsVersion()), "", "", text(statement.explanation()))).append('\n');
    return out.toString();
  }

  private static String text(String value) {
    String v = value == null ? "" : value;
    if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) {
      v = "'" + v;
    }
    return "\"" + v.replace("\"", "\"\"") + "\"";
  }
}
