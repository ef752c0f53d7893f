package org.partnerlifecycle.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** A tiny HTTP client for end-to-end tests against the running application on a random port. */
public final class Http {

  private final HttpClient client = HttpClient.newHttpClient();
  private final String baseUrl;

  public Http(int port) {
    this.baseUrl = "http://localhost:" + port;
  }

  public record Response(int status, String body, String contentType) {
  }

  public Response get(String path, String... auth) {
    return send(request(path, auth).GET());
  }

  public Response post(String path, String json, String... auth) {
    return send(request(path, auth).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json == null ? "" : json)));
  }

  public Response put(String path, String json, String... auth) {
    return send(request(path, auth).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(json)));
  }

  public Response delete(String path, String... auth) {
    return send(request(path, auth).DELETE());
  }

  /** {@code auth}: nothing (anonymous), {@code user, password} (HTTP Basic) or {@code "Bearer", key}. */
  private HttpRequest.Builder request(String path, String... auth) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Accept", "*/*");
    if (auth.length == 2 && "Bearer".equals(auth[0])) {
      builder.header("Authorization", "Bearer " + auth[1]);
    } else if (auth.length == 2) {
      String token = Base64.getEncoder().encodeToString((auth[0] + ":" + auth[1]).getBytes(StandardCharsets.UTF_8));
      builder.header("Authorization", "Basic " + token);
    }
    return builder;
  }

  public Response send(HttpRequest.Builder builder) {
    return exchange(client, builder);
  }

  /** Sends the request with {@code client} (its own cookies, if any) and reads the answer as text. */
  static Response exchange(HttpClient client, HttpRequest.Builder builder) {
    try {
      HttpResponse<String> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(response.statusCode(), response.body(),
          response.headers().firstValue("Content-Type").orElse(""));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public HttpRequest.Builder builder(String path) {
    return HttpRequest.newBuilder(URI.create(baseUrl + path));
  }
}
