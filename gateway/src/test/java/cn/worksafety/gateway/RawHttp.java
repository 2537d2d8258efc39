package cn.worksafety.gateway;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/** HTTP/1.1 on a plain socket, for what a client library hides: pipelined requests, the connection's end. */
final class RawHttp {
  record Answer(int status, Map<String, String> headers, String body) {}

  private RawHttp() {}

  static String get(String pathAndQuery, String... headerLines) {
    StringBuilder request = new StringBuilder("GET " + pathAndQuery + " HTTP/1.1\r\nHost: gateway\r\n");
    for (String line : headerLines) {
      request.append(line).append("\r\n");
    }
    return request.append("\r\n").toString();
  }

  /** The next answer on the connection, its body read by Content-Length or chunk by chunk. */
  static Answer read(InputStream in) throws IOException {
    String statusLine = line(in);
    int status = Integer.parseInt(statusLine.split(" ")[1]);
    Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (String header = line(in); !header.isEmpty(); header = line(in)) {
      int colon = header.indexOf(':');
      headers.put(header.substring(0, colon).trim(), header.substring(colon + 1).trim());
    }
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    if ("chunked".equalsIgnoreCase(headers.get("Transfer-Encoding"))) {
      for (int size = Integer.parseInt(line(in).trim(), 16); size > 0; size = Integer.parseInt(line(in).trim(), 16)) {
        body.write(in.readNBytes(size));
        line(in);
      }
      line(in);
    } else {
      body.write(in.readNBytes(Integer.parseInt(headers.getOrDefault("Content-Length", "0"))));
    }
    return new Answer(status, headers, body.toString(StandardCharsets.UTF_8));
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) {
        throw new EOFException("the connection ended in the middle of an answer");
      }
      if (b != '\r') {
        line.write(b);
      }
    }
    return line.toString(StandardCharsets.UTF_8);
  }
}
