package org.partnerlifecycle.support;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.partnerlifecycle.support.Http.Response;

/**
 * A staff member logged into a Camunda webapp (session cookie and CSRF token), calling the webapps' own engine REST
 * root {@code /camunda/api/engine/engine/default/...} as Tasklist and Cockpit do.
 */
public final class WebappClient {

  public static final String ENGINE_ROOT = "/camunda/api/engine/engine/default";

  private final CookieManager cookies = new CookieManager();
  private final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();
  private final String baseUrl;

  private WebappClient(int port) {
    this.baseUrl = "http://localhost:" + port;
  }

  /** A session of this user in this webapp ("tasklist", "cockpit", "admin"); fails unless the login succeeds. */
  public static WebappClient login(int port, String app, String user, String password) {
    WebappClient session = new WebappClient(port);
    Response login = session.tryLogin(app, user, password);
    if (login.status() != 200) {
      throw new IllegalStateException("Login of " + user + " to " + app + ": " + login.status() + " " + login.body());
    }
    // The login starts a new session, whose CSRF token comes with the next response.
    session.get("/camunda/api/admin/auth/user/default");
    return session;
  }

  /** A client without a session yet, to try logins. */
  public static WebappClient anonymous(int port) {
    return new WebappClient(port);
  }

  /** {@code POST /camunda/api/admin/auth/user/default/login/{app}} with the form Camunda's login page sends. */
  public Response tryLogin(String app, String user, String password) {
    if (csrfToken() == null) {
      send(HttpRequest.newBuilder(URI.create(baseUrl + "/camunda/app/" + app + "/default/")).GET());
    }
    String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
        + URLEncoder.encode(password, StandardCharsets.UTF_8);
    return send(withToken(HttpRequest.newBuilder(URI.create(baseUrl + "/camunda/api/admin/auth/user/default/login/"
        + app)).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form))));
  }

  public Response get(String path) {
    return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Accept", "application/json").GET());
  }

  public Response post(String path, String json) {
    return send(withToken(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Content-Type", "application/json")
        .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofString(json))));
  }

  public Response put(String path, String json) {
    return send(withToken(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Content-Type", "application/json")
        .header("Accept", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json))));
  }

  public Response delete(String path) {
    return send(withToken(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Accept", "application/json")
        .DELETE()));
  }

  /** Any request, with the session and its CSRF token. */
  public Response send(String method, String path, String contentType, byte[] body) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Accept", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
    if (contentType != null) {
      builder.header("Content-Type", contentType);
    }
    return send(withToken(builder));
  }

  private HttpRequest.Builder withToken(HttpRequest.Builder builder) {
    String token = csrfToken();
    return token == null ? builder : builder.header("X-XSRF-TOKEN", token);
  }

  private String csrfToken() {
    return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
        .map(HttpCookie::getValue).findFirst().orElse(null);
  }

  private Response send(HttpRequest.Builder builder) {
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
}
