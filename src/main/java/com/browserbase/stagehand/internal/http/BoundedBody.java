package com.browserbase.stagehand.internal.http;

import com.browserbase.stagehand.internal.runtime.ReadLimit;
import java.io.IOException;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import okio.ForwardingSource;
import okio.Okio;
import okio.Source;

/**
 * The body of a response, read no further than the client's {@code maxResponseBytes}. The bytes are
 * counted as they arrive (after OkHttp has unzipped them, so a small compressed body that unpacks
 * to gigabytes is stopped too), on every Jackson version. A declared {@code Content-Length} over
 * the bound fails at once, before a byte of the body is read; a declared length within it is not
 * trusted to be the real one. Not API.
 */
final class BoundedBody {
  private BoundedBody() {}

  /**
   * The body's bytes, through a source that throws {@link ReadLimit.ExceededException} as soon as
   * more than {@code maxBytes} have arrived. Closing it closes the body.
   */
  static BufferedSource source(ResponseBody body, long maxBytes) throws ReadLimit.ExceededException {
    long declared = body.contentLength();
    if (declared > maxBytes) {
      throw new ReadLimit.ExceededException(maxBytes, declared);
    }
    return Okio.buffer(new Counted(body.source(), maxBytes));
  }

  /** Counts the bytes read, asking for no more than one past the bound. */
  private static final class Counted extends ForwardingSource {
    private final long maxBytes;
    private long left;

    Counted(Source source, long maxBytes) {
      super(source);
      this.maxBytes = maxBytes;
      this.left = maxBytes;
    }

    @Override
    public long read(Buffer sink, long byteCount) throws IOException {
      long read = super.read(sink, Math.min(byteCount, left + 1));
      if (read > left) {
        throw new ReadLimit.ExceededException(maxBytes, -1);
      }
      if (read > 0) {
        left -= read;
      }
      return read;
    }
  }
}
