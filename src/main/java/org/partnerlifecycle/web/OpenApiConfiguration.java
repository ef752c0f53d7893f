package org.partnerlifecycle.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document of {@code /api} ({@code /v3/api-docs}, Swagger UI at {@code /swagger-ui/index.html}), made by
 * springdoc from the controllers and completed here with what the code does not say by itself: the two security
 * schemes (HTTP Basic for staff, Bearer API key for partners; the two public endpoints need neither), the
 * {@code Idempotency-Key} header of the creating POSTs, and the problem+json errors every operation may answer (a
 * write's 503 when too many wait at once among them).
 */
@Configuration
class OpenApiConfiguration {

  static final String STAFF = "staff";
  static final String PARTNER = "partner";
  static final String PROBLEM = "Problem";

  /** Anonymous endpoints (SecurityConfiguration): method and path. */
  static final Set<String> PUBLIC = Set.of("post /api/partner-applications", "get /api/directory");

  /** The creating POSTs that take an Idempotency-Key (README, Idempotency). */
  static final Set<String> IDEMPOTENT = Set.of("/api/partner-applications", "/api/partners/{id}/api-keys",
      "/api/partners/{id}/compliance-breaches", "/api/leads", "/api/direct-opportunities", "/api/deal-registrations",
      "/api/partners/{id}/webhooks", "/api/deal-registrations/{id}/adjustment",
      "/api/partners/{id}/tier-changes", "/api/deal-registrations/{id}/payments", "/api/payout-runs",
      "/api/audit/checkpoints", "/api/partners/{id}/meetings", "/api/mdf-requests");

  /** What a creating POST answers (201) and a request it takes: examples for the reader and Swagger UI. */
  private record Creation(Map<String, Object> answer, Map<String, Object> request) {
  }

  private static final Map<String, Creation> CREATIONS = Map.ofEntries(
      Map.entry("/api/partner-applications", new Creation(
          Map.of("partnerId", "P-1A2B3C4D5E6F", "status", "APPLIED", "proposedTier", "GROWTH"),
          Map.of("companyName", "Acme Learning", "websiteDomain", "acme-learning.example", "contactName",
              "Pat Contact", "contactEmail", "pat@acme-learning.example", "region", "NA", "motion", "REFERRAL",
              "forecastAnnualRevenue", 150000))),
      Map.entry("/api/partners/{id}/api-keys", new Creation(
          Map.of("keyId", "K-1A2B3C4D5E6F", "apiKey", "plk_...", "note", "Shown once: store it now."), null)),
      Map.entry("/api/partners/{id}/compliance-breaches", new Creation(
          Map.of("escalationId", "W-1A2B3C4D5E6F", "level", 1, "joined", false),
          Map.of("category", "CONDUCT", "detail", "Misrepresented the product at a customer event"))),
      Map.entry("/api/leads", new Creation(
          Map.of("leadId", "L-1A2B3C4D5E6F", "assignedPartnerId", "P-1A2B3C4D5E6F", "status", "OFFERED",
              "reason", "NA: Growth Partner by tier weight ..."),
          Map.of("companyName", "Lead Co", "customerDomain", "leadco.example", "region", "NA", "category", "SMB"))),
      Map.entry("/api/direct-opportunities", new Creation(Map.of("opportunityId", "O-1A2B3C4D5E6F"),
          Map.of("customerName", "Big Customer", "customerDomain", "bigcustomer.example", "owner", "Sam Seller"))),
      Map.entry("/api/deal-registrations", new Creation(Map.of("dealId", "D-1A2B3C4D5E6F", "status", "SUBMITTED"),
          Map.of("customerName", "Customer Inc", "customerDomain", "customer.example", "motion", "REFERRAL",
              "dealType", "NEW", "licenseType", "SUBSCRIPTION", "product", "PLUS", "estimatedValue", 48000,
              "termMonths", 12))),
      Map.entry("/api/partners/{id}/webhooks", new Creation(
          Map.of("webhookId", "WH-1A2B3C4D5E6F", "secret", "whsec_...", "note", "Shown once: store it now."),
          Map.of("url", "https://partner.example/hooks/program", "events", List.of("lead.offered", "deal.approved")))),
      Map.entry("/api/deal-registrations/{id}/payments", new Creation(
          Map.of("paymentId", "CP-1A2B3C4D5E6F", "dealId", "D-1A2B3C4D5E6F", "contractYear", 1, "paidOn",
              "2026-03-01", "amount", 24000, "share", 2400, "payableOn", "2026-03-31"),
          Map.of("paidOn", "2026-03-01", "amount", 24000, "contractYear", 1))),
      Map.entry("/api/audit/checkpoints", new Creation(Map.of("id", 12, "lastId", 4711, "hash", "9f2c…(64 hex)",
          "signedAt", "2026-12-01T10:00:00Z", "algorithm", "Ed25519", "signature", "base64…", "publicKey",
          "MCowBQYDK2VwAyEA…", "signatureValid", true), null)),
      Map.entry("/api/partners/{id}/meetings", new Creation(
          Map.of("meetingId", "M-1A2B3C4D5E6F", "partnerId", "P-1A2B3C4D5E6F", "counts", Map.of("managementMeetings",
              1, "ceoMeetings", 0, "cSuiteMeetings", 1, "enablementSessions", 0), "explanation",
              "Business review with [C-level (CxO)] counts as a management meeting and a C-suite meeting ..."),
          Map.of("heldOn", "2026-11-30", "kind", "QBR", "attendees", List.of(Map.of("name", "Casey CFO", "level",
              "C_LEVEL")), "notes", "Pipeline reviewed", "actionItems", "[Partner] Q1 plan by 15 January"))),
      Map.entry("/api/mdf-requests", new Creation(
          Map.of("requestId", "MDF-1A2B3C4D5E6F", "status", "IN_REVIEW", "period", "FY2026 Q2", "amountLeft", 500),
          Map.of("activity", "Joint webinar with Globex", "use", "EVENT", "amount", 1500, "plannedOn", "2026-06-15",
              "expectedLeads", 40))));

  @Bean
  OpenAPI partnerLifecycleApi() {
    return new OpenAPI()
        .info(new Info().title("Partner Lifecycle Engine API").version("2")
            .description("The partner program's API. Staff authenticate with HTTP Basic (their Camunda user); "
                + "partners with `Authorization: Bearer <api key>` and see only their own records (another "
                + "partner's ids answer 404). Errors are `application/problem+json`; bad input lists every wrong "
                + "field under `errors`. JSON bodies are strict: no coercion of scalars, no unknown fields."))
        .components(new Components()
            .addSecuritySchemes(STAFF, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                .description("Staff: a Camunda user (partner-managers, leadership, auditors, finance, camunda-admin)"))
            .addSecuritySchemes(PARTNER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                .bearerFormat("API key").description("A partner's API key (POST /api/partners/{id}/api-keys)"))
            .addSchemas(PROBLEM, problemSchema()));
  }

  @Bean
  OpenApiCustomizer securityAndProblems() {
    return api -> api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
      String key = method.name().toLowerCase() + " " + path;
      if (PUBLIC.contains(key)) {
        operation.setSecurity(List.of());
      } else {
        operation.setSecurity(List.of(new SecurityRequirement().addList(STAFF),
            new SecurityRequirement().addList(PARTNER)));
      }
      if (method == PathItem.HttpMethod.POST && IDEMPOTENT.contains(path)) {
        if (operation.getParameters() != null) {
          operation.getParameters().removeIf(p -> "header".equals(p.getIn()) && "Idempotency-Key".equals(p.getName()));
        }
        operation.addParametersItem(new HeaderParameter().name("Idempotency-Key").required(false)
            .description("1–200 characters; the same key with the same request returns the first answer and "
                + "changes nothing (header Idempotent-Replayed: true); with another request: 400")
            .schema(new StringSchema().maxLength(200).example("3f0c2a9e-5d1b-4c8e-9a61-2b7f0d4e8c15")));
      }
      Creation creation = method == PathItem.HttpMethod.POST ? CREATIONS.get(path) : null;
      if (creation != null) {
        created(operation, creation);
      }
      if (method == PathItem.HttpMethod.DELETE && operation.getResponses() != null
          && operation.getResponses().containsKey("200")) {
        operation.getResponses().remove("200");
        operation.getResponses().addApiResponse("204", new ApiResponse().description("Deleted"));
      }
      addProblems(operation, PUBLIC.contains(key), method);
    }));
  }

  @SuppressWarnings({"rawtypes", "unchecked"})
  private static void created(Operation operation, Creation creation) {
    ObjectSchema answer = new ObjectSchema();
    creation.answer().forEach((name, value) -> answer.addProperty(name, value instanceof Boolean
        ? new io.swagger.v3.oas.models.media.BooleanSchema() : value instanceof Integer ? new IntegerSchema()
        : new StringSchema()));
    ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
    responses.remove("200");
    responses.addApiResponse("201", new ApiResponse().description("Created (a replay with the same "
        + "Idempotency-Key answers the first answer, header Idempotent-Replayed: true)")
        .content(new Content().addMediaType("application/json", new MediaType().schema((Schema) answer)
            .addExamples("created", new Example().value(creation.answer())))));
    operation.setResponses(responses);
    if (creation.request() != null && operation.getRequestBody() != null
        && operation.getRequestBody().getContent() != null) {
      operation.getRequestBody().getContent().values()
          .forEach(media -> media.addExamples("request", new Example().value(creation.request())));
    }
  }

  private static void addProblems(Operation operation, boolean anonymous, PathItem.HttpMethod method) {
    ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
    responses.putIfAbsent("400", problem("Bad input: every wrong field is named under errors",
        Map.of("type", "about:blank", "title", "Bad Request", "status", 400, "detail", "Invalid fields: size",
            "errors", List.of(Map.of("field", "size", "message", "must be an integer from 1 to 200")))));
    if (!anonymous) {
      responses.putIfAbsent("401", problem("No or wrong credentials",
          Map.of("type", "about:blank", "title", "Unauthorized", "status", 401, "detail", "Authentication required")));
      responses.putIfAbsent("403", problem("Authenticated, but this role may not do this",
          Map.of("type", "about:blank", "title", "Forbidden", "status", 403,
              "detail", "Only partner-managers or camunda-admin may do this")));
      responses.putIfAbsent("404", problem("No such record, or one the caller may not see",
          Map.of("type", "about:blank", "title", "Not Found", "status", 404, "detail", "No partner P-0123456789AB")));
    }
    if (method == PathItem.HttpMethod.POST || method == PathItem.HttpMethod.PUT) {
      responses.putIfAbsent("409", problem("The record's state does not allow this now",
          Map.of("type", "about:blank", "title", "Conflict", "status", 409, "detail", "Lead L-1 is not waiting")));
      responses.putIfAbsent("415", problem("The body is not application/json",
          Map.of("type", "about:blank", "title", "Unsupported Media Type", "status", 415)));
    }
    if (anonymous && method == PathItem.HttpMethod.POST) {
      responses.putIfAbsent("429", retryLater(problem("Too many applications from this address: retry after the "
          + "seconds in Retry-After", Map.of("type", ApiProblems.RATE_LIMITED, "title", "Too Many Requests", "status",
          429))));
    }
    if (method != PathItem.HttpMethod.GET) {
      responses.putIfAbsent("503", retryLater(problem("The API is busy, too many writes are waiting at once: "
          + "nothing was done; retry after the seconds in Retry-After", Map.of("type", ApiProblems.BUSY, "title",
          "Service Unavailable", "status", 503, "detail", "The API is busy: try again shortly"))));
    }
    operation.setResponses(responses);
  }

  /** An answer that says when to try again, as ApiProblems' 429 and 503 do. */
  private static ApiResponse retryLater(ApiResponse problem) {
    return problem.addHeaderObject("Retry-After", new Header().description("Seconds to wait before trying again")
        .schema(new IntegerSchema().example(1)));
  }

  private static ApiResponse problem(String description, Map<String, Object> example) {
    return new ApiResponse().description(description).content(new Content().addMediaType("application/problem+json",
        new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))
            .addExamples("problem", new Example().value(example))));
  }

  @SuppressWarnings({"rawtypes", "unchecked"})
  private static Schema problemSchema() {
    Schema fieldProblem = new ObjectSchema().addProperty("field", new StringSchema().example("events[0]"))
        .addProperty("message", new StringSchema().example("must be one of [lead.offered, ...]"));
    return new ObjectSchema().description("RFC 9457 problem details")
        .addProperty("type", new StringSchema().example("about:blank"))
        .addProperty("title", new StringSchema().example("Bad Request"))
        .addProperty("status", new IntegerSchema().example(400))
        .addProperty("detail", new StringSchema().example("Invalid fields: url"))
        .addProperty("instance", new StringSchema().example("/api/partners/P-0123456789AB/webhooks"))
        .addProperty("errors", new ArraySchema().items(fieldProblem));
  }
}
