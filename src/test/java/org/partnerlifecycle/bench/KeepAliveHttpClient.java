package org.partnerlifecycle.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The benchmark's load driver: one HTTP/1.1 keep-alive connection per simulated client, written and read in the
 * client's own thread. The JDK's HttpClient spent about 3 ms of CPU per request on its selector and executor
 * hand-offs; on a two-core machine shared with the application and PostgreSQL that was charged to the intake.
 * Not a general client: requests are POSTs with a body or GETs; responses are read by Content-Length or chunked
 * framing.
 */
final class KeepAliveHttpClient implements AutoCloseable {

  record Response(int status, String body) {
  }

  private final String host;
  private final int port;
  private Socket socket;
  private InputStream in;
  private OutputStream out;

  KeepAliveHttpClient(String host, int port) {
    this.host = host;
    this.port = port;
  }

  /**
   * Sends the request on the open connection, or a new one. A kept-alive connection the server has closed in the
   * meantime (idle timeout) fails before any answer: the request is then sent once more on a new connection — safe
   * for the benchmark's requests, which carry an Idempotency-Key or only read.
   */
  Response post(String path, String body, String... headers) throws IOException {
    return send("POST", path, body, headers);
  }

  Response get(String path, String... headers) throws IOException {
    return send("GET", path, "", headers);
  }

  private Response send(String method, String path, String body, String... headers) throws IOException {
    byte[] content = body.getBytes(StandardCharsets.UTF_8);
    StringBuilder request = new StringBuilder(256 + content.length).append(method).append(' ').append(path)
        .append(" HTTP/1.1\r\nHost: ").append(host).append(':').append(port)
        .append("\r\nContent-Length: ").append(content.length).append("\r\n");
    for (int i = 0; i + 1 < headers.length; i += 2) {
      request.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
    }
    byte[] head = request.append("\r\n").toString().getBytes(StandardCharsets.UTF_8);
    boolean reused = socket != null;
    try {
      return exchange(head, content);
    } catch (IOException e) {
      if (!reused) {
        throw e;
      }
      return exchange(head, content);
    }
  }

  private Response exchange(byte[] head, byte[] content) throws IOException {
    if (socket == null) {
      socket = new Socket(host, port);
      socket.setTcpNoDelay(true);
      in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
      out = socket.getOutputStream();
    }
    try {
      out.write(head);
      out.write(content);
      out.flush();
      return read();
    } catch (IOException e) {
      close();
      throw e;
    }
  }

  private Response read() throws IOException {
    String statusLine = line();
    int status = Integer.parseInt(statusLine.substring(9, 12));
    int length = -1;
    boolean chunked = false;
    boolean closeAfter = false;
    for (String header = line(); !header.isEmpty(); header = line()) {
      String lower = header.toLowerCase(Locale.ROOT);
      if (lower.startsWith("content-length:")) {
        length = Integer.parseInt(lower.substring(15).trim());
      } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
        chunked = true;
      } else if (lower.startsWith("connection:") && lower.contains("close")) {
        closeAfter = true;
      }
    }
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    if (chunked) {
      for (int size = Integer.parseInt(line().trim(), 16); size > 0; size = Integer.parseInt(line().trim(), 16)) {
        body.write(in.readNBytes(size));
        line();
      }
      line();
    } else if (length > 0) {
      body.write(in.readNBytes(length));
    }
    if (closeAfter) {
      close();
    }
    return new Response(status, body.toString(StandardCharsets.UTF_8));
  }

  private String line() throws IOException {
    StringBuilder line = new StringBuilder();
    for (int c = in.read(); c != '\n'; c = in.read()) {
      if (c < 0) {
        throw new IOException("connection closed by the server");
      }
      if (c != '\r') {
        line.append((char) c);
      }
    }
    return line.toString();
  }

  @Override
  public void close() {
    try {
      if (socket != null) {
        socket.close();
      }
    } catch (IOException ignored) {
      // closing a connection we no longer use
    } finally {
      socket = null;
    }
  }
}
