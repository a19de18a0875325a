package com.browserbase.stagehand.internal.sse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.browserbase.stagehand.internal.runtime.ReadLimit;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import okio.Buffer;
import okio.Okio;
import okio.Source;
import okio.Timeout;
import org.junit.jupiter.api.Test;

/** The Server-Sent Events parser, on in-memory sources. */
class SseReaderTest {

  private static SseReader reader(String text) {
    return new SseReader(new Buffer().writeUtf8(text), ReadLimit.DEFAULT_MAX_RESPONSE_BYTES);
  }

  private static List<SseReader.Frame> readAll(SseReader reader) throws IOException {
    List<SseReader.Frame> frames = new ArrayList<>();
    SseReader.Frame frame;
    while ((frame = reader.next()) != null) {
      frames.add(frame);
    }
    return frames;
  }

  private static List<SseReader.Frame> readAll(String text) throws IOException {
    return readAll(reader(text));
  }

  /**
   * A source that hands out its chunks one read at a time, and fails a read past the last one: a
   * reader that asks for more than it needs to finish a frame is caught at once.
   */
  static final class ChunkedSource implements Source {
    private final Deque<String> chunks;
    int reads;

    ChunkedSource(String... chunks) {
      this.chunks = new ArrayDeque<>(Arrays.asList(chunks));
    }

    @Override
    public long read(Buffer sink, long byteCount) throws IOException {
      reads++;
      String chunk = chunks.poll();
      if (chunk == null) {
        throw new IOException("read past the data that has arrived: the reader would block here");
      }
      sink.writeUtf8(chunk);
      return chunk.length();
    }

    @Override
    public Timeout timeout() {
      return Timeout.NONE;
    }

    @Override
    public void close() {}
  }

  private static SseReader reader(ChunkedSource source) {
    return new SseReader(Okio.buffer(source), ReadLimit.DEFAULT_MAX_RESPONSE_BYTES);
  }

  @Test
  void aFrameHasItsEventNameAndData() throws IOException {
    SseReader.Frame frame = reader("event: finished\ndata: {\"a\":1}\n\n").next();

    assertThat(frame.event).isEqualTo("finished");
    assertThat(frame.data).isEqualTo("{\"a\":1}");
    assertThat(frame.id).isNull();
  }

  @Test
  void aFrameWithoutEventNameHasANullEvent() throws IOException {
    SseReader.Frame frame = reader("data: x\n\n").next();

    assertThat(frame.event).isNull();
    assertThat(frame.data).isEqualTo("x");
  }

  @Test
  void dataOverSeveralLinesIsJoinedWithLineFeeds() throws IOException {
    SseReader.Frame frame = reader("data: {\"a\":\ndata: 1,\ndata:\"b\":2}\n\n").next();

    assertThat(frame.data).isEqualTo("{\"a\":\n1,\n\"b\":2}");
  }

  @Test
  void onlyOneSpaceAfterTheColonIsDropped() throws IOException {
    assertThat(reader("data:  two\n\n").next().data).isEqualTo(" two");
    assertThat(reader("data:none\n\n").next().data).isEqualTo("none");
  }

  @Test
  void aDataFieldWithoutColonOrValueIsAnEmptyLine() throws IOException {
    assertThat(reader("data\n\n").next().data).isEmpty();
    assertThat(reader("data:\ndata\ndata: x\n\n").next().data).isEqualTo("\n\nx");
  }

  @Test
  void commentsAreSkipped() throws IOException {
    List<SseReader.Frame> frames = readAll(": hello\n:keep-alive\n\ndata: a\n: inside\ndata: b\n\n: bye\n\n");

    assertThat(frames).hasSize(1);
    assertThat(frames.get(0).data).isEqualTo("a\nb");
  }

  @Test
  void crlfLineEndsWork() throws IOException {
    List<SseReader.Frame> frames = readAll("event: a\r\ndata: 1\r\ndata: 2\r\n\r\nevent: b\r\ndata: 3\r\n\r\n");

    assertThat(frames).extracting(f -> f.event).containsExactly("a", "b");
    assertThat(frames).extracting(f -> f.data).containsExactly("1\n2", "3");
  }

  @Test
  void crLineEndsWork() throws IOException {
    List<SseReader.Frame> frames = readAll("event: a\rdata: 1\rdata: 2\r\revent: b\rdata: 3\r\r");

    assertThat(frames).extracting(f -> f.event).containsExactly("a", "b");
    assertThat(frames).extracting(f -> f.data).containsExactly("1\n2", "3");
  }

  @Test
  void mixedLineEndsWork() throws IOException {
    List<SseReader.Frame> frames = readAll("data: 1\r\ndata: 2\rdata: 3\n\r\ndata: 4\r\n\n");

    assertThat(frames).extracting(f -> f.data).containsExactly("1\n2\n3", "4");
  }

  @Test
  void aCrlfSplitAcrossTwoReadsIsOneLineEnd() throws IOException {
    ChunkedSource source = new ChunkedSource("data: a\r", "\ndata: b\r", "\n\r", "\n");
    SseReader reader = reader(source);

    SseReader.Frame frame = reader.next();

    assertThat(frame.data).isEqualTo("a\nb");
  }

  @Test
  void aFrameEndingInCrIsReturnedWithoutWaitingForMoreBytes() throws IOException {
    SseReader reader = reader(new ChunkedSource("data: first\r\r"));

    assertThat(reader.next().data).isEqualTo("first");
  }

  @Test
  void aFrameIsReturnedAsSoonAsItsBlankLineArrives() throws IOException {
    SseReader reader = reader(new ChunkedSource("data: fir", "st\n", "\n", "data: second\n\n"));

    assertThat(reader.next().data).isEqualTo("first");
    assertThat(reader.next().data).isEqualTo("second");
  }

  @Test
  void theEventNameDoesNotCarryOverToTheNextFrame() throws IOException {
    List<SseReader.Frame> frames = readAll("event: log\ndata: 1\n\ndata: 2\n\n");

    assertThat(frames).extracting(f -> f.event).containsExactly("log", null);
  }

  @Test
  void aFrameWithoutDataIsNotDispatchedAndItsEventNameIsDropped() throws IOException {
    List<SseReader.Frame> frames = readAll("event: ping\n\ndata: real\n\n");

    assertThat(frames).hasSize(1);
    assertThat(frames.get(0).event).isNull();
    assertThat(frames.get(0).data).isEqualTo("real");
  }

  @Test
  void theLastEventIdIsKeptAcrossFrames() throws IOException {
    List<SseReader.Frame> frames = readAll("id: 1\ndata: a\n\ndata: b\n\nid: 2\ndata: c\n\n");

    assertThat(frames).extracting(f -> f.id).containsExactly("1", "1", "2");
  }

  @Test
  void anIdContainingNulIsIgnored() throws IOException {
    List<SseReader.Frame> frames = readAll("id: 1\ndata: a\n\nid: x\u0000y\ndata: b\n\n");

    assertThat(frames).extracting(f -> f.id).containsExactly("1", "1");
  }

  @Test
  void retryIsReadWhenItIsADigitString() throws IOException {
    SseReader reader = reader("retry: 1500\ndata: a\n\nretry: soon\ndata: b\n\n");
    assertThat(reader.retryMs()).isEqualTo(-1);

    readAll(reader);

    assertThat(reader.retryMs()).isEqualTo(1500);
  }

  @Test
  void unknownFieldsAreIgnored() throws IOException {
    List<SseReader.Frame> frames = readAll("foo: bar\ndata: a\nbaz\n\n");

    assertThat(frames).hasSize(1);
    assertThat(frames.get(0).data).isEqualTo("a");
  }

  @Test
  void fieldNamesAreCaseSensitive() throws IOException {
    List<SseReader.Frame> frames = readAll("Event: x\nDATA: y\ndata: z\n\n");

    assertThat(frames).hasSize(1);
    assertThat(frames.get(0).event).isNull();
    assertThat(frames.get(0).data).isEqualTo("z");
  }

  @Test
  void aColonInTheValueIsKept() throws IOException {
    assertThat(reader("data: a: b : c\n\n").next().data).isEqualTo("a: b : c");
  }

  @Test
  void multiByteCharactersSurvive() throws IOException {
    assertThat(reader("data: héllo → 世界 🎉\n\n").next().data).isEqualTo("héllo → 世界 🎉");
  }

  @Test
  void anEmptySourceHasNoFrames() throws IOException {
    assertThat(reader("").next()).isNull();
    assertThat(reader("\n\n: only a comment\n\n").next()).isNull();
  }

  @Test
  void theEndOfTheSourceIsReportedAgainAfterTheLastFrame() throws IOException {
    SseReader reader = reader("data: a\n\n");

    assertThat(reader.next().data).isEqualTo("a");
    assertThat(reader.next()).isNull();
    assertThat(reader.next()).isNull();
  }

  @Test
  void aLastFrameCutOffBeforeItsBlankLineIsDiscarded() throws IOException {
    assertThat(readAll("data: a\n\nevent: finished\ndata: b")).extracting(f -> f.data).containsExactly("a");
    assertThat(readAll("data: a\n\nevent: finished\ndata: b\n")).extracting(f -> f.data).containsExactly("a");
    assertThat(readAll("data: a\n\ndata: {\"type\":\"sys")).extracting(f -> f.data).containsExactly("a");
  }

  @Test
  void aLongDataLineIsReadWhole() throws IOException {
    StringBuilder big = new StringBuilder();
    for (int i = 0; i < 200_000; i++) {
      big.append("abcdefghij");
    }

    assertThat(reader("data: " + big + "\n\n").next().data).hasSize(2_000_000);
  }

  @Test
  void manyFramesAreReadInOrder() throws IOException {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 1000; i++) {
      text.append("id: ").append(i).append("\ndata: ").append(i).append("\n\n");
    }

    List<SseReader.Frame> frames = readAll(text.toString());

    assertThat(frames).hasSize(1000);
    for (int i = 0; i < 1000; i++) {
      assertThat(frames.get(i).data).isEqualTo(String.valueOf(i));
      assertThat(frames.get(i).id).isEqualTo(String.valueOf(i));
    }
  }

  // ---- the bound on one frame -----------------------------------------------------------------------

  private static SseReader reader(String text, long maxEventBytes) {
    return new SseReader(new Buffer().writeUtf8(text), maxEventBytes);
  }

  /** A source of {@code head}, then {@code x} without end (up to 16 MiB, then its end), counting what was read. */
  static final class EndlessLine implements Source {
    private final Buffer head;
    long produced;

    EndlessLine(String head) {
      this.head = new Buffer().writeUtf8(head);
    }

    @Override
    public long read(Buffer sink, long byteCount) {
      if (head.size() > 0) {
        long n = head.read(sink, byteCount);
        produced += n;
        return n;
      }
      if (produced >= 16 * 1024 * 1024) {
        return -1;
      }
      long n = Math.min(byteCount, 8192);
      for (long i = 0; i < n; i++) {
        sink.writeByte('x');
      }
      produced += n;
      return n;
    }

    @Override
    public Timeout timeout() {
      return Timeout.NONE;
    }

    @Override
    public void close() {}
  }

  @Test
  void aLineWithoutItsEndIsReadNoFurtherThanTheBound() {
    EndlessLine source = new EndlessLine("data: ok\n\ndata: ");
    SseReader reader = new SseReader(Okio.buffer(source), 1000);

    assertThatThrownBy(() -> {
      assertThat(reader.next().data).isEqualTo("ok");
      reader.next();
    }).isInstanceOf(ReadLimit.ExceededException.class)
        .satisfies(e -> assertThat(((ReadLimit.ExceededException) e).limit).isEqualTo(1000));
    assertThat(source.produced).as("bytes read from the source").isLessThan(1000 + 2 * 8192);
  }

  @Test
  void aLongCommentOrEventLineIsBoundedToo() {
    assertThatThrownBy(() -> reader(": " + "c".repeat(200) + "\ndata: a\n\n", 100).next())
        .isInstanceOf(ReadLimit.ExceededException.class);
    assertThatThrownBy(() -> reader("event: " + "e".repeat(200) + "\ndata: a\n\n", 100).next())
        .isInstanceOf(ReadLimit.ExceededException.class);
  }

  @Test
  void theDataOfManyLinesIsCountedAsItAddsUp() throws IOException {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 30; i++) {
      text.append("data: abcd\n"); // 4 bytes each, and a line feed between two: 30 lines are 149 bytes
    }

    assertThatThrownBy(() -> reader(text + "\n", 100).next()).isInstanceOf(ReadLimit.ExceededException.class);
    assertThat(reader(text + "\n", 149).next().data).hasSize(149);
  }

  @Test
  void dataOfExactlyTheBoundIsReadInEveryFormOfTheDataLine() throws IOException {
    String hundred = "d".repeat(100);

    assertThat(reader("data: " + hundred + "\n\n", 100).next().data).isEqualTo(hundred);
    assertThat(reader("data:" + hundred + "\n\n", 100).next().data).isEqualTo(hundred);
    assertThat(reader("data: " + hundred.substring(1) + "\ndata\n\n", 100).next().data).hasSize(100);
    assertThat(reader("data: " + "d".repeat(49) + "\r\ndata:" + "d".repeat(50) + "\r\n\r\n", 100).next().data)
        .hasSize(100);

    for (String overByOne : new String[] {
        "data: " + hundred + "d\n\n",
        "data:" + hundred + "d\n\n",
        "data: " + hundred + "\ndata\n\n",
        "data: " + "d".repeat(50) + "\ndata:" + "d".repeat(50) + "\n\n"}) {
      assertThatThrownBy(() -> reader(overByOne, 100).next()).as(overByOne).isInstanceOf(ReadLimit.ExceededException.class);
    }
  }

  @Test
  void theBoundCountsBytesNotCharacters() throws IOException {
    String euros = "\u20ac".repeat(33); // 99 bytes in UTF-8

    assertThat(reader("data: " + euros + "\n\n", 99).next().data).isEqualTo(euros);
    assertThatThrownBy(() -> reader("data: " + euros + "\n\n", 98).next()).isInstanceOf(ReadLimit.ExceededException.class);
  }

  @Test
  void theCountStartsAfreshWithEachFrameAndOtherLinesDoNotCount() throws IOException {
    String hundred = "d".repeat(100);
    List<SseReader.Frame> frames = readAll(reader(
        "id: 1\ndata: " + hundred + "\nevent: finished\n: a comment\n\ndata: " + hundred + "\n\n", 100));

    assertThat(frames).extracting(f -> f.data).containsExactly(hundred, hundred);
    assertThat(frames.get(0).event).isEqualTo("finished");
  }

  @Test
  void aFrameOverTheBoundFailsBeforeTheRestArrives() throws IOException {
    ChunkedSource source = new ChunkedSource("data: " + "d".repeat(60) + "\n", "data: " + "d".repeat(60) + "\n");
    SseReader reader = new SseReader(Okio.buffer(source), 100);

    assertThatThrownBy(reader::next).isInstanceOf(ReadLimit.ExceededException.class);
    assertThat(source.reads).isEqualTo(2);
  }
}
