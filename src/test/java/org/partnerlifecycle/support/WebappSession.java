package org.partnerlifecycle.support;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A user logged into the Camunda webapps as a browser is: a session cookie and the CSRF token, calling the webapps'
 * own engine REST root {@code /camunda/api/engine/engine/default/...} — the way Tasklist and Cockpit reach the
 * engine, which does not pass through {@code /engine-rest}.
 */
public final class WebappSession {

  public static final String ENGINE_ROOT = "/camunda/api/engine/engine/default";

  private final CookieManager cookies = new CookieManager();
  private final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();
  private final String baseUrl;
  private final int loginStatus;

  private WebappSession(int port, String app, String user, String password) {
    this.baseUrl = "http://localhost:" + port;
    get("/camunda/app/" + app + "/"); // the first page hands out the CSRF cookie, as it does to a browser
    String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
        + URLEncoder.encode(password, StandardCharsets.UTF_8);
    loginStatus = send(withToken(HttpRequest.newBuilder(URI.create(baseUrl
        + "/camunda/api/admin/auth/user/default/login/" + app))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)))).status();
    get(ENGINE_ROOT + "/task/count"); // a new session after login: fetch its token
  }

  /** Logs {@code user} into {@code app} (tasklist, cockpit, admin); see {@link #loginStatus()}. */
  public static WebappSession login(int port, String app, String user, String password) {
    return new WebappSession(port, app, user, password);
  }

  /** Logs into Tasklist with the demo password (the user id). */
  public static WebappSession tasklist(int port, String user) {
    return login(port, "tasklist", user, user);
  }

  public int loginStatus() {
    return loginStatus;
  }

  /** {@code path} relative to the webapps' engine root, e.g. {@code /task/{id}/complete}. */
  public Http.Response engineGet(String path) {
    return get(ENGINE_ROOT + path);
  }

  public Http.Response enginePost(String path, String json) {
    return send(json(ENGINE_ROOT + path).POST(HttpRequest.BodyPublishers.ofString(json == null ? "" : json)));
  }

  public Http.Response enginePut(String path, String json) {
    return send(json(ENGINE_ROOT + path).PUT(HttpRequest.BodyPublishers.ofString(json)));
  }

  public Http.Response engineDelete(String path) {
    return send(withToken(HttpRequest.newBuilder(URI.create(baseUrl + ENGINE_ROOT + path))).DELETE());
  }

  /** A request with the session and the CSRF token, for other webapp paths. */
  public Http.Response send(String method, String path, String contentType, String body) {
    HttpRequest.Builder builder = withToken(HttpRequest.newBuilder(URI.create(baseUrl + path)));
    if (contentType != null) {
      builder.header("Content-Type", contentType);
    }
    return send(builder.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(body)));
  }

  public Http.Response get(String path) {
    return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Accept", "application/json").GET());
  }

  private HttpRequest.Builder json(String path) {
    return withToken(HttpRequest.newBuilder(URI.create(baseUrl + path))).header("Content-Type", "application/json");
  }

  private HttpRequest.Builder withToken(HttpRequest.Builder builder) {
    csrfToken().ifPresent(token -> builder.header("X-XSRF-TOKEN", token));
    return builder.header("Accept", "application/json");
  }

  private Optional<String> csrfToken() {
    return cookies.getCookieStore().getCookies().stream().filter(cookie -> "XSRF-TOKEN".equals(cookie.getName()))
        .map(HttpCookie::getValue).reduce((first, second) -> second);
  }

  private Http.Response send(HttpRequest.Builder builder) {
    return Http.exchange(client, builder);
  }
}
