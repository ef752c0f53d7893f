package org.partnerlifecycle.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.partnerlifecycle.support.ApiContract;

/**
 * Anonymous partner applications are rate-limited per client address: with a limit of 3 a minute, a burst of ten
 * from one address gets 201s for the first three and then 429s with Retry-After, and only the 201s are stored.
 * The subclasses set {@code partner-lifecycle.rate-limit.applications.per-minute=3}.
 */
public abstract class ApplicationRateLimitContract extends ApiContract {

  static final String LOW_LIMIT = "partner-lifecycle.rate-limit.applications.per-minute=3";

  private final HttpClient client = HttpClient.newHttpClient();

  HttpResponse<String> apply(String domain) throws Exception {
    String body = json.createObjectNode().put("companyName", "Burst Co").put("websiteDomain", domain)
        .put("contactName", "Pat").put("contactEmail", "pat@" + domain).put("region", "NA")
        .put("motion", "REFERRAL").put("forecastAnnualRevenue", 1000).toString();
    return client.send(http.builder("/api/partner-applications").header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  int partnerRows() {
    return jdbc.queryForObject("SELECT count(*) FROM partner", Integer.class);
  }

  @Test
  void aBurstFromOneAddressGets429sWithRetryAfterAndOnlyThe201sAreStored() throws Exception {
    int before = partnerRows();
    List<HttpResponse<String>> answers = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      answers.add(apply("burst" + i + ".example"));
    }
    long created = answers.stream().filter(a -> a.statusCode() == 201).count();
    List<HttpResponse<String>> refused = answers.stream().filter(a -> a.statusCode() == 429).toList();
    assertThat(created + refused.size()).as("only 201 and 429").isEqualTo(10);
    // 3 a minute: the first three pass (a fourth only if the burst took more than 20 s).
    assertThat(created).isBetween(3L, 4L);
    assertThat(answers.subList(0, 3)).allMatch(a -> a.statusCode() == 201);
    for (HttpResponse<String> tooMany : refused) {
      long retryAfter = Long.parseLong(tooMany.headers().firstValue("Retry-After").orElseThrow());
      assertThat(retryAfter).isBetween(1L, 60L);
      assertThat(tooMany.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
      assertThat(json.readTree(tooMany.body()).get("status").asInt()).isEqualTo(429);
    }
    assertThat(partnerRows()).as("only the 201s are stored").isEqualTo(before + created);

    // Staff are not anonymous: a partner manager entering an application for a partner is not held back.
    HttpResponse<String> staff = client.send(http.builder("/api/partner-applications")
        .header("Content-Type", "application/json")
        .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("mary:mary".getBytes()))
        .POST(HttpRequest.BodyPublishers.ofString(json.createObjectNode().put("companyName", "Staff Co")
            .put("websiteDomain", "staff-entered.example").put("contactName", "Pat")
            .put("contactEmail", "pat@staff-entered.example").put("region", "NA").put("motion", "REFERRAL")
            .put("forecastAnnualRevenue", 1000).toString())).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(staff.statusCode()).as(staff.body()).isEqualTo(201);
  }
}
