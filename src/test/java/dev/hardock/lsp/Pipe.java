package dev.hardock.lsp;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * An in-memory pipe any thread may write to (java.io's piped streams break when a writer thread ends, and the
 * server writes from several); closing the output ends the input after what was written.
 */
final class Pipe {
  private static final byte[] EOF = new byte[0];
  private final LinkedBlockingQueue<byte[]> chunks = new LinkedBlockingQueue<>();

  final OutputStream out =
      new OutputStream() {
        private volatile boolean closed;

        @Override
        public void write(int b) {
          write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
          if (!closed && len > 0) chunks.add(Arrays.copyOfRange(b, off, off + len));
        }

        @Override
        public void close() {
          if (!closed) {
            closed = true;
            chunks.add(EOF);
          }
        }
      };

  final InputStream in =
      new InputStream() {
        private byte[] current;
        private int pos;
        private boolean ended;

        private boolean fill() {
          if (ended) return false;
          while (current == null || pos >= current.length) {
            try {
              current = chunks.take();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
              ended = true;
              return false;
            }
            pos = 0;
            if (current == EOF) {
              ended = true;
              return false;
            }
          }
          return true;
        }

        @Override
        public int read() {
          return fill() ? current[pos++] & 0xff : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
          if (len == 0) return 0;
          if (!fill()) return -1;
          int n = Math.min(len, current.length - pos);
          System.arraycopy(current, pos, b, off, n);
          pos += n;
          return n;
        }
      };
}
