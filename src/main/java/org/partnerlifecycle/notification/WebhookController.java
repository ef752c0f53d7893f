package org.partnerlifecycle.notification;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.partnerlifecycle.security.Caller;
import org.partnerlifecycle.security.StaffGroups;
import org.partnerlifecycle.web.Idempotency;
import org.partnerlifecycle.web.Idempotency.Answer;
import org.partnerlifecycle.web.ListQuery;
import org.partnerlifecycle.web.NotFoundException;
import org.partnerlifecycle.web.Page;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A partner's webhooks (that partner, partner managers), its webhook deliveries and its notifications (that partner,
 * staff). Another partner's id answers 404.
 */
@RestController
@RequestMapping(path = "/api/partners/{id}", produces = "application/json")
class WebhookController {

  public record WebhookRequest(
      @NotBlank @Size(max = 2000) String url,
      @NotNull @Size(min = 1, max = 20) List<@NotBlank @Size(max = 40) String> events) {
  }

  private final Webhooks webhooks;
  private final Caller caller;
  private final Idempotency idempotency;

  WebhookController(Webhooks webhooks, Caller caller, Idempotency idempotency) {
    this.webhooks = webhooks;
    this.caller = caller;
    this.idempotency = idempotency;
  }

  /** The secret is shown once, in this answer; a replay with the same Idempotency-Key answers the id only. */
  @PostMapping(path = "/webhooks", consumes = "application/json")
  ResponseEntity<Object> register(@PathVariable String id, @Valid @RequestBody WebhookRequest request,
      @RequestHeader(name = Idempotency.HEADER, required = false) String idempotencyKey) {
    actingFor(id);
    return idempotency.create(caller.name(), idempotencyKey, "webhook", Map.of("partnerId", id, "body", request),
        () -> {
          Webhooks.Registered registered = webhooks.register(id, request.url().trim(), request.events(),
              caller.name());
          return new Answer(HttpStatus.CREATED, registered.webhookId(),
              URI.create("/api/partners/" + id + "/webhooks"),
              Map.of("webhookId", registered.webhookId(), "secret", registered.secret(),
                  "note", "Shown once: store it now. Deliveries are signed with it (X-Webhook-Signature)."),
              Map.of("webhookId", registered.webhookId(),
                  "note", "A replay of an earlier request: the secret was shown once, in the first answer. "
                      + "If it was lost, delete the webhook and register a new one."));
        });
  }

  @GetMapping("/webhooks")
  List<Webhooks.WebhookInfo> list(@PathVariable String id) {
    actingFor(id);
    return webhooks.list(id);
  }

  @DeleteMapping("/webhooks/{webhookId}")
  ResponseEntity<Void> delete(@PathVariable String id, @PathVariable String webhookId) {
    actingFor(id);
    webhooks.delete(id, webhookId);
    return ResponseEntity.noContent().build();
  }

  @GetMapping("/webhook-deliveries")
  Page<Webhooks.Delivery> deliveries(@PathVariable String id, @RequestParam(required = false) String page,
      @RequestParam(required = false) String size) {
    seeing(id);
    return webhooks.deliveries(id, ListQuery.of(page, size).check());
  }

  @GetMapping("/notifications")
  Page<Webhooks.Notification> notifications(@PathVariable String id,
      @RequestParam(required = false) String channel, @RequestParam(required = false) String page,
      @RequestParam(required = false) String size) {
    seeing(id);
    ListQuery query = ListQuery.of(page, size);
    Channel wanted = query.filter("channel", channel, Channel.class);
    return webhooks.notifications(id, wanted, query.check());
  }

  /** The partner itself, or partner managers and admins. */
  private void actingFor(String partnerId) {
    String own = caller.partnerId();
    if (own != null) {
      if (!own.equals(partnerId)) {
        throw new NotFoundException("No partner " + partnerId);
      }
      return;
    }
    caller.requireGroup(StaffGroups.PARTNER_MANAGERS, StaffGroups.ADMIN);
    webhooks.requirePartner(partnerId);
  }

  /** The partner itself, or any staff member. */
  private void seeing(String partnerId) {
    String own = caller.partnerId();
    if (own != null) {
      if (!own.equals(partnerId)) {
        throw new NotFoundException("No partner " + partnerId);
      }
      return;
    }
    caller.requireStaff();
    webhooks.requirePartner(partnerId);
  }
}
