package org.partnerlifecycle.timeline;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The console's HTML, built as text with every value escaped: a handful of read-only pages need no template engine.
 * Values read like the business: money as $1,234.00, rates with %, times in UTC with the zone said, names in words.
 */
final class Html {

  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm:ss 'UTC'", Locale.ENGLISH)
      .withZone(ZoneOffset.UTC);
  private static final Pattern MONEY = Pattern.compile("(?i).*(amount|basis|value|revenue|total)$");
  private static final Pattern PERCENT = Pattern.compile("(?i).*(rate|percent)$");

  private final StringBuilder out = new StringBuilder();

  static Html page(String title) {
    Html html = new Html();
    html.raw("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>").text(title)
        .raw(" — Audit console</title><link rel=\"stylesheet\" href=\"/audit/console.css\">"
            + "<link rel=\"stylesheet\" href=\"/audit/bpmn-js/diagram-js.css\">"
            + "<link rel=\"stylesheet\" href=\"/audit/bpmn-js/bpmn-js.css\"></head><body>");
    return html;
  }

  Html raw(String html) {
    out.append(html);
    return this;
  }

  Html text(Object value) {
    out.append(escape(value == null ? "" : String.valueOf(value)));
    return this;
  }

  Html element(String tag, Object text) {
    return raw("<" + tag + ">").text(text).raw("</" + tag.split(" ")[0] + ">");
  }

  Html link(String href, Object text) {
    return raw("<a href=\"").text(href).raw("\">").text(text).raw("</a>");
  }

  /** A field's value in words: money, rates, times and nested records readable; {@code key} decides the format. */
  Html value(String key, Object value) {
    if (value instanceof JsonNode node) {
      return json(key, node);
    }
    if (value instanceof Map<?, ?> map) {
      raw("<dl>");
      map.forEach((k, v) -> raw("<dt>").text(Summaries.words(String.valueOf(k))).raw("</dt><dd>").value(
          String.valueOf(k), v).raw("</dd>"));
      return raw("</dl>");
    }
    if (value instanceof java.sql.Timestamp t) {
      return text(when(t.toInstant()));
    }
    if (value instanceof java.time.OffsetDateTime t) {
      return text(when(t.toInstant()));
    }
    if (value instanceof Instant t) {
      return text(when(t));
    }
    if (value instanceof Number n) {
      return text(number(key, new BigDecimal(n.toString())));
    }
    return text(value);
  }

  private Html json(String key, JsonNode node) {
    if (node.isObject()) {
      raw("<dl>");
      node.properties().forEach(field -> raw("<dt>").text(Summaries.words(field.getKey())).raw("</dt><dd>")
          .json(field.getKey(), field.getValue()).raw("</dd>"));
      return raw("</dl>");
    }
    if (node.isArray()) {
      raw("<ul>");
      node.forEach(item -> raw("<li>").json(key, item).raw("</li>"));
      return raw("</ul>");
    }
    if (node.isNumber()) {
      return text(number(key, node.decimalValue()));
    }
    return text(node.isNull() ? "" : node.asText());
  }

  static String number(String key, BigDecimal number) {
    if (MONEY.matcher(key).matches()) {
      return money(number);
    }
    if (PERCENT.matcher(key).matches()) {
      return number.stripTrailingZeros().toPlainString() + " %";
    }
    return number.stripTrailingZeros().toPlainString();
  }

  static String money(BigDecimal amount) {
    DecimalFormat format = new DecimalFormat("$#,##0.00", DecimalFormatSymbols.getInstance(Locale.US));
    return format.format(amount);
  }

  static String when(Instant at) {
    return at == null ? "" : WHEN.format(at);
  }

  static String escape(String text) {
    StringBuilder escaped = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '<' -> escaped.append("&lt;");
        case '>' -> escaped.append("&gt;");
        case '&' -> escaped.append("&amp;");
        case '"' -> escaped.append("&quot;");
        case '\'' -> escaped.append("&#39;");
        default -> escaped.append(c);
      }
    }
    return escaped.toString();
  }

  String end() {
    return out.append("</body></html>").toString();
  }
}
