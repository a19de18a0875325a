package com.browserbase.stagehand.internal.runtime;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;

/**
 * The one {@link ObjectMapper} of the SDK. Models take part with their annotated members only ({@code @JsonModel}),
 * and their JSON holds each key once ({@link OneKeyPerProperty}); user types passed to {@code resultAs} are read the
 * ordinary Jackson way. Unknown properties never fail a read (models keep them). Not API.
 */
public final class Json {
  /** Shared, thread-safe mapper; never reconfigure it. */
  public static final ObjectMapper MAPPER = newMapper();

  private Json() {}

  private static ObjectMapper newMapper() {
    ObjectMapper mapper = withReadLimits()
        .registerModule(new Jdk8Module())
        .registerModule(new JavaTimeModule())
        .registerModule(OneKeyPerProperty.module())
        .setDefaultSetterInfo(JsonSetter.Value.forValueNulls(Nulls.SKIP))
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    if (ClientThreads.virtual()) {
      try {
        SharedBuffers.applyTo(mapper.getFactory());
      } catch (LinkageError olderJackson) {
        // Jackson before 2.16 always keeps its buffers per thread.
      }
    }
    return mapper;
  }

  /**
   * The parse buffers of the mapper, on JVMs where the SDK reads streams on virtual threads. Jackson keeps a buffer
   * recycler (about 8 KB) per thread by default: with one virtual thread per open stream, 8 KB more per stream, held
   * while it waits, for buffers a parse uses a moment. A small shared pool serves every parse instead. A class of its
   * own so that only it refers to {@code JsonRecyclerPools} (Jackson 2.16+).
   */
  static final class SharedBuffers {
    /** Buffer recyclers kept for reuse; a parse that finds none makes one. */
    static final int POOLED = 64;

    private SharedBuffers() {}

    static void applyTo(JsonFactory factory) {
      factory.setRecyclerPool(com.fasterxml.jackson.core.util.JsonRecyclerPools.newBoundedPool(POOLED));
    }
  }

  /**
   * A mapper whose parsers have the read limits of {@link ReadLimits}: Jackson's own on 2.15 and
   * later, those of {@link OlderJacksonLimits} on 2.12-2.14.
   */
  private static ObjectMapper withReadLimits() {
    ObjectMapper mapper = new ObjectMapper();
    try {
      ReadLimits.applyTo(mapper.getFactory());
      return mapper;
    } catch (LinkageError olderJackson) {
      // Jackson 2.12-2.14 has no StreamReadConstraints: its parsers are wrapped instead.
      return new ObjectMapper(new OlderJacksonLimits.Factory());
    }
  }

  /**
   * The read limits of the mapper's parsers, set here rather than left to Jackson's defaults:
   *
   * <ul>
   *   <li>Size: a response, and so every string and number in it, is bounded by the client's {@code
   *       maxResponseBytes} (default 64 MiB) in bytes before Jackson sees it ({@link ReadLimit}). Jackson's own cap
   *       on one string (20,000,000 characters since 2.15.1) is lifted to the largest bound that can be set: a result
   *       can hold a whole page or a screenshot, and the client's bound stops a larger one, naming its setting.
   *   <li>Nesting depth: at most {@value #MAX_NESTING_DEPTH}; deeper would overflow the reading thread's stack.
   *   <li>Number length: at most {@value #MAX_NUMBER_LENGTH} characters, Jackson's default: no answer needs a
   *       longer one, and converting a huge one into a {@code BigInteger} takes time quadratic in its length.
   * </ul>
   *
   * <p>A class of its own so that only it refers to {@code StreamReadConstraints}, which throws a {@link LinkageError}
   * on Jackson 2.12-2.14 ({@link #withReadLimits} catches it).
   */
  static final class ReadLimits {
    /** The deepest nesting of arrays and objects a response may have. */
    static final int MAX_NESTING_DEPTH = 1_000;
    /** The most characters of one number. */
    static final int MAX_NUMBER_LENGTH = 1_000;
    /** The most characters of one string: any a response within the client's bound can hold. */
    static final int MAX_STRING_LENGTH = (int) ReadLimit.MAX_MAX_RESPONSE_BYTES;

    private ReadLimits() {}

    static void applyTo(JsonFactory factory) {
      factory.setStreamReadConstraints(factory.streamReadConstraints().rebuild()
          .maxStringLength(MAX_STRING_LENGTH)
          .maxNestingDepth(MAX_NESTING_DEPTH)
          .maxNumberLength(MAX_NUMBER_LENGTH)
          .build());
    }
  }

  /**
   * The depth and number limits of {@link ReadLimits} on Jackson 2.12-2.14, which has no {@code
   * StreamReadConstraints}: each parser is wrapped in one that counts the depth and measures each number before it
   * is converted. Without it a document nested ten thousand deep ends the reading thread with a {@link
   * StackOverflowError}, and a number of a million digits takes seconds to convert. Uses only what 2.12 has.
   */
  static final class OlderJacksonLimits {
    private OlderJacksonLimits() {}

    /** The mapper's parser factory: Jackson's, with each parser wrapped. */
    static final class Factory extends com.fasterxml.jackson.databind.MappingJsonFactory {
      private static final long serialVersionUID = 1L;

      Factory() {}

      private Factory(Factory source) {
        super(source, null);
      }

      @Override
      public JsonFactory copy() {
        return new Factory(this);
      }

      @Override
      protected JsonParser _createParser(java.io.InputStream in, IOContext context) throws IOException {
        return new Parser(super._createParser(in, context));
      }

      @Override
      protected JsonParser _createParser(java.io.Reader reader, IOContext context) throws IOException {
        return new Parser(super._createParser(reader, context));
      }

      @Override
      protected JsonParser _createParser(char[] data, int offset, int length, IOContext context, boolean recyclable)
          throws IOException {
        return new Parser(super._createParser(data, offset, length, context, recyclable));
      }

      @Override
      protected JsonParser _createParser(byte[] data, int offset, int length, IOContext context) throws IOException {
        return new Parser(super._createParser(data, offset, length, context));
      }

      @Override
      protected JsonParser _createParser(java.io.DataInput input, IOContext context) throws IOException {
        return new Parser(super._createParser(input, context));
      }
    }

    /**
     * A parser that fails past the limits. Every way to the next token goes through {@link #nextToken()}: the base
     * class's {@code nextFieldName()}, {@code nextTextValue()}... do, and the two the delegate would pass straight
     * on are overridden here.
     */
    static final class Parser extends JsonParserDelegate {
      private int depth;

      Parser(JsonParser parser) {
        super(parser);
      }

      @Override
      public JsonToken nextToken() throws IOException {
        JsonToken token = delegate.nextToken();
        if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
          if (++depth > ReadLimits.MAX_NESTING_DEPTH) {
            throw new JsonParseException(this, "Document nesting depth (" + depth
                + ") exceeds the maximum allowed (" + ReadLimits.MAX_NESTING_DEPTH + ")");
          }
        } else if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
          depth--;
        } else if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
          int length = delegate.getTextLength();
          if (length > ReadLimits.MAX_NUMBER_LENGTH) {
            throw new JsonParseException(this, "Number value length (" + length
                + ") exceeds the maximum allowed (" + ReadLimits.MAX_NUMBER_LENGTH + ")");
          }
        }
        return token;
      }

      @Override
      public JsonToken nextValue() throws IOException {
        JsonToken token = nextToken();
        return token == JsonToken.FIELD_NAME ? nextToken() : token;
      }

      @Override
      public JsonParser skipChildren() throws IOException {
        JsonToken current = currentToken();
        if (current != JsonToken.START_OBJECT && current != JsonToken.START_ARRAY) {
          return this;
        }
        for (int open = 1; open > 0; ) {
          JsonToken token = nextToken();
          if (token == null) {
            return this;
          }
          if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
            open++;
          } else if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
            open--;
          }
        }
        return this;
      }
    }
  }

  /** Converts any value (a map, a POJO, a {@link JsonNode}) to a tree the caller cannot change. */
  public static JsonNode toTree(Object value) {
    return value instanceof JsonNode ? ((JsonNode) value).deepCopy() : MAPPER.valueToTree(value);
  }

  /** Converts a tree to {@code type}, mapping failures to an unchecked exception naming the type. */
  public static <T> T convert(JsonNode node, Class<T> type) {
    try {
      return MAPPER.treeToValue(node, type);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new com.browserbase.stagehand.errors.StagehandInvalidDataException(
          "Cannot convert JSON to " + type.getSimpleName() + ": " + originalMessage(e), e);
    }
  }

  private static String originalMessage(Exception e) {
    return e instanceof JsonProcessingException ? ((JsonProcessingException) e).getOriginalMessage() : e.getMessage();
  }

  /** Converts a JSON array to an unmodifiable list of {@code type}. */
  public static <T> java.util.List<T> convertList(JsonNode node, Class<T> type) {
    java.util.List<T> list = new java.util.ArrayList<>(node.size());
    for (JsonNode element : node) {
      list.add(convert(element, type));
    }
    return java.util.Collections.unmodifiableList(list);
  }

  /** A parse failure's message, led by the JSON path where it happened ({@code data.result.actions}). */
  public static String describe(JsonProcessingException e) {
    StringBuilder path = new StringBuilder();
    if (e instanceof com.fasterxml.jackson.databind.JsonMappingException) {
      for (com.fasterxml.jackson.databind.JsonMappingException.Reference ref
          : ((com.fasterxml.jackson.databind.JsonMappingException) e).getPath()) {
        if (ref.getFieldName() != null) {
          path.append(path.length() > 0 ? "." : "").append(ref.getFieldName());
        } else if (ref.getIndex() >= 0) {
          path.append('[').append(ref.getIndex()).append(']');
        }
      }
    }
    return path.length() > 0 ? "at " + path + ": " + e.getOriginalMessage() : e.getOriginalMessage();
  }

  /** Serializes a value as a JSON string. */
  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Cannot serialize " + value.getClass().getSimpleName(), e);
    }
  }
}
