package com.aegisspeed.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * HTTP/1.1 written and read byte by byte on a socket, for what client libraries hide: a client that writes a whole
 * oversized body before it reads, and whether the connection still serves a next request afterwards.
 */
public final class RawHttp {

    private RawHttp() {
    }

    /** A JSON POST's head and all {@code size} bytes of its body, announced or chunked, written before anything is read. */
    public static void sendWholeBody(OutputStream out, String path, int size, boolean chunked) throws IOException {
        out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + (chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + size + "\r\n") + "\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        byte[] chunk = new byte[16 * 1024];
        Arrays.fill(chunk, (byte) 'x');
        byte[] chunkHead = (Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        for (int sent = 0; sent < size; sent += chunk.length) {
            if (chunked) {
                out.write(chunkHead);
            }
            out.write(chunk);
            if (chunked) {
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
        }
        if (chunked) {
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.flush();
    }

    /** A GET without a body. */
    public static void sendGet(OutputStream out, String path) throws IOException {
        out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** One answer: its head and as many body bytes as its Content-Length says; ends in {@code <closed>} if the server closed first. */
    public static String readAnswer(InputStream in) throws IOException {
        ByteArrayOutputStream read = new ByteArrayOutputStream();
        int contentLength = 0;
        int headEnd = -1;
        while (headEnd < 0 || read.size() < headEnd + contentLength) {
            int b = in.read();
            if (b == -1) {
                return read.toString(StandardCharsets.UTF_8) + " <closed>";
            }
            read.write(b);
            if (headEnd < 0 && read.size() >= 4 && read.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                headEnd = read.size();
                for (String line : read.toString(StandardCharsets.ISO_8859_1).split("\r\n")) {
                    if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                        contentLength = Integer.parseInt(line.substring("content-length:".length()).trim());
                    }
                }
            }
        }
        return read.toString(StandardCharsets.UTF_8);
    }
}
