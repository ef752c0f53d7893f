package org.partnerlifecycle.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;
import org.partnerlifecycle.engine.EngineTime;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code Idempotency-Key} for every creating POST, with the semantics deal registrations have had from the start:
 * the same caller, key and request get the first answer again (header {@code Idempotent-Replayed: true}) and
 * nothing changes; the same key with another request is 400; a key is 1 to 200 characters and belongs to its
 * caller (the staff user, the partner whichever of its API keys it calls with, or "anonymous" for applications).
 * Without a key the request simply runs.
 *
 * <p>The key row is inserted first, in the transaction of the creation, and completed with the answer before the
 * commit; a failed creation rolls it back, so the key can be used again for a corrected request. A concurrent retry
 * with the same key blocks on the primary key, fails once the first commits, and is answered with the first answer.
 */
@Component
public class Idempotency {

  public static final String HEADER = "Idempotency-Key";
  public static final String REPLAYED = "Idempotent-Replayed";

  /**
   * What a creation answered: {@code body} goes to this caller; {@code storedBody} is what a replay answers
   * (the same, unless the body holds something shown only once).
   */
  public record Answer(HttpStatus status, String resourceId, URI location, Object body, Object storedBody) {

    public static Answer of(HttpStatus status, String resourceId, URI location, Object body) {
      return new Answer(status, resourceId, location, body, body);
    }
  }

  private record Stored(String requestHash, int status, String location, String body) {
  }

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transaction;
  private final ObjectMapper json;
  private final EngineTime time;

  public Idempotency(JdbcTemplate jdbc, PlatformTransactionManager transactions, ObjectMapper json,
      EngineTime time) {
    this.jdbc = jdbc;
    this.transaction = new TransactionTemplate(transactions);
    this.json = json;
    this.time = time;
  }

  /**
   * Runs {@code create} once per caller ({@code who}: the caller's name) and key. {@code resourceType} names the endpoint; {@code request} is
   * everything that identifies the request (path ids and the body) and is hashed to recognise another request
   * under the same key.
   */
  public ResponseEntity<Object> create(String who, String key, String resourceType, Object request,
      Supplier<Answer> create) {
    if (key == null) {
      return answer(create.get(), false);
    }
    checkKey(key);
    String hash = sha256(resourceType + "\n" + canonical(request));
    try {
      return transaction.execute(status -> {
        Optional<Stored> earlier = find(who, key);
        if (earlier.isPresent()) {
          return replay(earlier.get(), hash);
        }
        jdbc.update("INSERT INTO idempotency_key (caller, idempotency_key, request_hash, resource_type, created_at) "
            + "VALUES (?, ?, ?, ?, ?)", who, key, hash, resourceType, Timestamp.from(time.now()));
        Answer answer = create.get();
        jdbc.update("UPDATE idempotency_key SET resource_id = ?, response_status = ?, response_location = ?, "
                + "response_body = ? WHERE caller = ? AND idempotency_key = ?", answer.resourceId(),
            answer.status().value(), answer.location() == null ? null : answer.location().toString(),
            canonical(answer.storedBody()), who, key);
        return answer(answer, false);
      });
    } catch (DataIntegrityViolationException | ConcurrencyFailureException raced) {
      // A concurrent request with the same key committed first: answer with what it answered.
      return find(who, key).map(stored -> replay(stored, hash)).orElseThrow(() -> raced);
    }
  }

  /** Refuses a key that is empty, longer than 200 characters or carries control or format characters. */
  public static void checkKey(String key) {
    if (key.isBlank() || key.length() > 200 || InputPatterns.hasForbiddenCharacter(key)) {
      throw new InvalidRequestException(HEADER, "must be 1 to 200 characters, without control characters");
    }
  }

  private Optional<Stored> find(String who, String key) {
    return jdbc.query("SELECT request_hash, response_status, response_location, response_body FROM idempotency_key "
            + "WHERE caller = ? AND idempotency_key = ? AND response_status IS NOT NULL",
        (rs, i) -> new Stored(rs.getString(1).trim(), rs.getInt(2), rs.getString(3), rs.getString(4)), who, key)
        .stream().findFirst();
  }

  private ResponseEntity<Object> replay(Stored stored, String hash) {
    if (!stored.requestHash().equals(hash)) {
      throw new InvalidRequestException(HEADER, "was already used for a different request");
    }
    ResponseEntity.BodyBuilder builder = ResponseEntity.status(stored.status()).header(REPLAYED, "true");
    if (stored.location() != null) {
      builder.header(HttpHeaders.LOCATION, stored.location());
    }
    try {
      return builder.body(stored.body() == null ? null : json.readTree(stored.body()));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A stored answer is not JSON", e);
    }
  }

  private static ResponseEntity<Object> answer(Answer answer, boolean replayed) {
    ResponseEntity.BodyBuilder builder = ResponseEntity.status(answer.status())
        .header(REPLAYED, Boolean.toString(replayed));
    if (answer.location() != null) {
      builder.location(answer.location());
    }
    return builder.body(answer.body());
  }

  private String canonical(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
