package com.browserbase.stagehand.internal.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.browserbase.stagehand.internal.runtime.Json;
import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The JSON Schema made of each kind of type, compared as whole trees, and the types refused. */
class JsonSchemasTest {
  record Numbers(int i, Integer boxed, long l, Long boxedLong, short s, byte b, BigInteger big,
      double d, Double boxedDouble, float f, BigDecimal decimal, Number any) {}

  record Texts(String text, char c, Character boxed, boolean flag, Boolean boxedFlag) {}

  record Times(Instant instant, OffsetDateTime offsetDateTime, ZonedDateTime zoned, LocalDate date,
      LocalTime time, OffsetTime offsetTime, LocalDateTime local, YearMonth month, Duration duration) {}

  record Ids(UUID id, URI uri, URL url) {}

  enum Status { OPEN, @JsonProperty("done") CLOSED }

  enum Size {
    SMALL("s"), LARGE("l");

    private final String code;

    Size(String code) {
      this.code = code;
    }

    @JsonValue
    String code() {
      return code;
    }
  }

  record Enums(Status status, Size size) {}

  record Link(String href, String text) {}

  record Author(String name) {}

  record Page(String title, List<Link> links, Author author) {}

  record Collections(List<String> tags, Set<Integer> ids, String[] names, int[] counts, List<List<String>> rows,
      List<Link> links, Link[] more) {}

  record Maps(Map<String, Integer> counts, Map<String, Link> linksById, Map<String, List<String>> groups) {}

  record DescribedMaps(@JsonPropertyDescription("Visits per page") Map<String, Integer> visits,
      Optional<Map<String, String>> labels) {}

  record Site(String name, Map<String, Integer> visits) {}

  record Nested(List<Map<String, Integer>> perDay, Map<String, Map<String, Integer>> byRegion,
      Map<String, Site> sites) {}

  record Optionals(Optional<String> nickname, OptionalInt age, OptionalLong views, OptionalDouble score,
      Optional<Link> homepage, String name) {}

  record Annotated(
      @JsonProperty("page_title") @JsonPropertyDescription("The title in the tab") String title,
      @JsonPropertyDescription("When it was published") LocalDate published,
      @JsonPropertyDescription("Every link") List<Link> links,
      @JsonIgnore String internal) {}

  @JsonClassDescription("An author of the page")
  record Described(String name) {}

  record HasDescribed(Described author, @JsonPropertyDescription("Who checked it") Described reviewer) {}

  /** A plain class: a public field, private fields read through getters or setters, a computed getter. */
  static class Product {
    public String name;
    private double price;
    private int stock;
    @JsonProperty("sku_code")
    private String sku;

    public double getPrice() {
      return price;
    }

    public void setStock(int stock) {
      this.stock = stock;
    }

    public String getSku() {
      return sku;
    }

    /** Written, never read: not in the schema. */
    public String getLabel() {
      return name + " " + price + " " + stock;
    }
  }

  @JsonIgnoreProperties({"secret"})
  @JsonPropertyOrder({"b", "a"})
  static class Ordered {
    public String a;
    public String b;
    public String secret;
  }

  record Box<T>(T value) {}

  record Pair(Link first, Link second) {}

  @Test
  void numbersAreIntegersOrNumbers() {
    assertSchema(Numbers.class, """
        {"type": "object", "properties": {
           "i": {"type": "integer"}, "boxed": {"type": "integer"}, "l": {"type": "integer"},
           "boxedLong": {"type": "integer"}, "s": {"type": "integer"}, "b": {"type": "integer"},
           "big": {"type": "integer"}, "d": {"type": "number"}, "boxedDouble": {"type": "number"},
           "f": {"type": "number"}, "decimal": {"type": "number"}, "any": {"type": "number"}},
         "required": ["i", "boxed", "l", "boxedLong", "s", "b", "big", "d", "boxedDouble", "f", "decimal", "any"],
         "additionalProperties": false}""");
  }

  @Test
  void textsAndBooleans() {
    assertSchema(Texts.class, """
        {"type": "object", "properties": {
           "text": {"type": "string"}, "c": {"type": "string"}, "boxed": {"type": "string"},
           "flag": {"type": "boolean"}, "boxedFlag": {"type": "boolean"}},
         "required": ["text", "c", "boxed", "flag", "boxedFlag"], "additionalProperties": false}""");
  }

  @Test
  void javaTimeTypesAreStringsWithAFormatAndAHintForTheModel() {
    assertSchema(Times.class, """
        {"type": "object", "properties": {
           "instant": {"type": "string", "format": "date-time",
             "description": "an ISO 8601 date and time with offset, like 2024-03-31T14:30:00Z"},
           "offsetDateTime": {"type": "string", "format": "date-time",
             "description": "an ISO 8601 date and time with offset, like 2024-03-31T14:30:00Z"},
           "zoned": {"type": "string", "format": "date-time",
             "description": "an ISO 8601 date and time with offset, like 2024-03-31T14:30:00Z"},
           "date": {"type": "string", "format": "date", "description": "an ISO 8601 date, like 2024-03-31"},
           "time": {"type": "string", "format": "time", "description": "an ISO 8601 time, like 14:30:00"},
           "offsetTime": {"type": "string", "format": "time",
             "description": "an ISO 8601 time with offset, like 14:30:00+01:00"},
           "local": {"type": "string",
             "description": "an ISO 8601 date and time without offset, like 2024-03-31T14:30:00"},
           "month": {"type": "string", "description": "an ISO 8601 year and month, like 2024-03"},
           "duration": {"type": "string", "format": "duration",
             "description": "an ISO 8601 duration in days, hours, minutes and seconds, like PT1H30M"}},
         "required": ["instant", "offsetDateTime", "zoned", "date", "time", "offsetTime", "local", "month",
           "duration"],
         "additionalProperties": false}""");
  }

  @Test
  void uuidsAndUrisHaveTheirFormat() {
    assertSchema(Ids.class, """
        {"type": "object", "properties": {
           "id": {"type": "string", "format": "uuid"},
           "uri": {"type": "string", "format": "uri"},
           "url": {"type": "string", "format": "uri"}},
         "required": ["id", "uri", "url"], "additionalProperties": false}""");
  }

  @Test
  void enumsListTheNamesJacksonWritesAndReads() {
    assertSchema(Enums.class, """
        {"type": "object", "properties": {
           "status": {"type": "string", "enum": ["OPEN", "done"]},
           "size": {"type": "string", "enum": ["s", "l"]}},
         "required": ["status", "size"], "additionalProperties": false}""");
  }

  @Test
  void nestedRecordsAreInlined() {
    assertSchema(Page.class, """
        {"type": "object", "properties": {
           "title": {"type": "string"},
           "links": {"type": "array", "items": {"type": "object", "properties": {
             "href": {"type": "string"}, "text": {"type": "string"}},
             "required": ["href", "text"], "additionalProperties": false}},
           "author": {"type": "object", "properties": {"name": {"type": "string"}},
             "required": ["name"], "additionalProperties": false}},
         "required": ["title", "links", "author"], "additionalProperties": false}""");
  }

  @Test
  void collectionsAndArraysAreArraysOfTheirElement() {
    String link = """
        {"type": "object", "properties": {"href": {"type": "string"}, "text": {"type": "string"}},
         "required": ["href", "text"], "additionalProperties": false}""";
    assertSchema(Collections.class, """
        {"type": "object", "properties": {
           "tags": {"type": "array", "items": {"type": "string"}},
           "ids": {"type": "array", "items": {"type": "integer"}},
           "names": {"type": "array", "items": {"type": "string"}},
           "counts": {"type": "array", "items": {"type": "integer"}},
           "rows": {"type": "array", "items": {"type": "array", "items": {"type": "string"}}},
           "links": {"type": "array", "items": %s},
           "more": {"type": "array", "items": %s}},
         "required": ["tags", "ids", "names", "counts", "rows", "links", "more"],
         "additionalProperties": false}""".formatted(link, link));
  }

  /** The schema of a map whose values have the schema {@code values}: an array of key/value entries. */
  static String entries(String values) {
    return """
        {"type": "array", "items": {"type": "object", "properties": {"key": {"type": "string"}, "value": %s},
           "required": ["key", "value"], "additionalProperties": false},
         "description": "entries of a map, one per key"}""".formatted(values);
  }

  @Test
  void aMapIsAnArrayOfKeyValueEntriesBecauseTheServerDropsTheKeysOfAnObjectWithoutProperties() {
    assertSchema(Maps.class, """
        {"type": "object", "properties": {
           "counts": %s,
           "linksById": %s,
           "groups": %s},
         "required": ["counts", "linksById", "groups"], "additionalProperties": false}""".formatted(
        entries("{\"type\": \"integer\"}"),
        entries("""
            {"type": "object", "properties": {"href": {"type": "string"}, "text": {"type": "string"}},
             "required": ["href", "text"], "additionalProperties": false}"""),
        entries("{\"type\": \"array\", \"items\": {\"type\": \"string\"}}")));
  }

  @Test
  void aMapPropertysDescriptionComesFirstAndTheEntriesHintFollows() {
    assertSchema(DescribedMaps.class, """
        {"type": "object", "properties": {
           "visits": {"type": "array", "items": {"type": "object", "properties": {
               "key": {"type": "string"}, "value": {"type": "integer"}},
             "required": ["key", "value"], "additionalProperties": false},
             "description": "Visits per page (entries of a map, one per key)"},
           "labels": %s},
         "required": ["visits"], "additionalProperties": false}""".formatted(entries("{\"type\": \"string\"}")));
  }

  @Test
  void mapsInListsInMapsAndInClassesInMapsAreEntriesToo() {
    String integers = entries("{\"type\": \"integer\"}");
    assertSchema(Nested.class, """
        {"type": "object", "properties": {
           "perDay": {"type": "array", "items": %s},
           "byRegion": %s,
           "sites": %s},
         "required": ["perDay", "byRegion", "sites"], "additionalProperties": false}""".formatted(
        integers, entries(integers), entries("""
            {"type": "object", "properties": {"name": {"type": "string"}, "visits": %s},
             "required": ["name", "visits"], "additionalProperties": false}""".formatted(integers))));
  }

  @Test
  void aTopLevelMapIsEntries() {
    assertThat(schemaOf(new TypeReference<Map<String, Link>>() {})).isEqualTo(json(entries("""
        {"type": "object", "properties": {"href": {"type": "string"}, "text": {"type": "string"}},
         "required": ["href", "text"], "additionalProperties": false}""")));
    assertThat(schemaOf(new TypeReference<Optional<Map<String, Integer>>>() {}))
        .isEqualTo(json(entries("{\"type\": \"integer\"}")));
  }

  @Test
  void theResultSchemaHasEachMapAsTheObjectItIsReadFrom() {
    assertThat(JsonSchemas.ofResult(Json.MAPPER.constructType(Nested.class))).isEqualTo(json("""
        {"type": "object", "properties": {
           "perDay": {"type": "array", "items": {"type": "object", "additionalProperties": {"type": "integer"}}},
           "byRegion": {"type": "object", "additionalProperties": {
             "type": "object", "additionalProperties": {"type": "integer"}}},
           "sites": {"type": "object", "additionalProperties": {"type": "object", "properties": {
             "name": {"type": "string"},
             "visits": {"type": "object", "additionalProperties": {"type": "integer"}}},
             "required": ["name", "visits"], "additionalProperties": false}}},
         "required": ["perDay", "byRegion", "sites"], "additionalProperties": false}"""));
  }

  @Test
  void optionalPropertiesAreTheOnlyOnesNotRequired() {
    assertSchema(Optionals.class, """
        {"type": "object", "properties": {
           "nickname": {"type": "string"}, "age": {"type": "integer"}, "views": {"type": "integer"},
           "score": {"type": "number"},
           "homepage": {"type": "object", "properties": {"href": {"type": "string"}, "text": {"type": "string"}},
             "required": ["href", "text"], "additionalProperties": false},
           "name": {"type": "string"}},
         "required": ["name"], "additionalProperties": false}""");
  }

  @Test
  void jacksonAnnotationsNameDescribeAndHideProperties() {
    assertSchema(Annotated.class, """
        {"type": "object", "properties": {
           "page_title": {"type": "string", "description": "The title in the tab"},
           "published": {"type": "string", "format": "date",
             "description": "When it was published (an ISO 8601 date, like 2024-03-31)"},
           "links": {"type": "array", "description": "Every link", "items": {"type": "object", "properties": {
             "href": {"type": "string"}, "text": {"type": "string"}},
             "required": ["href", "text"], "additionalProperties": false}}},
         "required": ["page_title", "published", "links"], "additionalProperties": false}""");
  }

  @Test
  void aClassDescriptionDescribesTheObjectUnlessThePropertyHasItsOwn() {
    assertSchema(HasDescribed.class, """
        {"type": "object", "properties": {
           "author": {"type": "object", "description": "An author of the page",
             "properties": {"name": {"type": "string"}}, "required": ["name"], "additionalProperties": false},
           "reviewer": {"type": "object", "description": "Who checked it",
             "properties": {"name": {"type": "string"}}, "required": ["name"], "additionalProperties": false}},
         "required": ["author", "reviewer"], "additionalProperties": false}""");
  }

  @Test
  void aClassHasThePropertiesJacksonCanSetButNotItsComputedGetters() {
    assertSchema(Product.class, """
        {"type": "object", "properties": {
           "name": {"type": "string"}, "price": {"type": "number"}, "stock": {"type": "integer"},
           "sku_code": {"type": "string"}},
         "required": ["name", "price", "stock", "sku_code"], "additionalProperties": false}""");
  }

  @Test
  void classLevelIgnoralsAndOrderAreHonoured() {
    JsonNode schema = schemaOf(Ordered.class);

    assertThat(schema.get("properties").fieldNames()).toIterable().containsExactly("b", "a");
    assertThat(schema.get("required")).containsExactly(Json.MAPPER.getNodeFactory().textNode("b"),
        Json.MAPPER.getNodeFactory().textNode("a"));
  }

  @Test
  void genericTypesAreDescribedFromTheirTypeArguments() {
    assertThat(schemaOf(new TypeReference<Box<Map<String, Double>>>() {})).isEqualTo(json("""
        {"type": "object", "properties": {"value": %s}, "required": ["value"], "additionalProperties": false}"""
        .formatted(entries("{\"type\": \"number\"}"))));
  }

  @Test
  void aTopLevelCollectionOrValueIsDescribedAsItIs() {
    assertThat(schemaOf(new TypeReference<List<Author>>() {})).isEqualTo(json("""
        {"type": "array", "items": {"type": "object", "properties": {"name": {"type": "string"}},
          "required": ["name"], "additionalProperties": false}}"""));
    assertThat(schemaOf(String.class)).isEqualTo(json("""
        {"type": "string"}"""));
    assertThat(schemaOf(Status.class)).isEqualTo(json("""
        {"type": "string", "enum": ["OPEN", "done"]}"""));
  }

  @Test
  void theSameTypeTwiceSideBySideIsNotRecursion() {
    JsonNode schema = schemaOf(Pair.class);

    assertThat(schema.at("/properties/first")).isEqualTo(schema.at("/properties/second"));
  }

  @Test
  void eachCallReturnsATreeOfItsOwn() {
    JsonNode first = schemaOf(Page.class);
    ((com.fasterxml.jackson.databind.node.ObjectNode) first.at("/properties/title")).put("type", "changed");

    assertThat(schemaOf(Page.class).at("/properties/title/type").asText()).isEqualTo("string");
    assertThat(schemaOf(Ids.class).at("/properties/id/format").asText()).isEqualTo("uuid");
  }

  // Refused types

  record Target(String href, Object target) {}

  record Untyped(String title, List<Target> links) {}

  @SuppressWarnings("rawtypes")
  record RawMap(Map attributes) {}

  record IntKeys(Map<Integer, String> byNumber) {}

  record Tree(String name, JsonNode extra) {}

  record Node(String name, Node parent) {}

  record Section(String title, List<Paragraph> paragraphs) {}

  record Paragraph(String text, Optional<Section> subsection) {}

  record Dated(Date when) {}

  interface Shape {}

  record Drawing(Shape shape) {}

  static class Empty {}

  record HasEmpty(Empty empty) {}

  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME)
  @JsonSubTypes(@JsonSubTypes.Type(Circle.class))
  static class Figure {
    public String name;
  }

  static class Circle extends Figure {
    public double radius;
  }

  record Unwrapped(@JsonUnwrapped Link link) {}

  enum Level {
    LOW;

    @JsonValue
    int level() {
      return 1;
    }
  }

  record Leveled(Level level) {}

  @Test
  void objectHasNoFixedShape() {
    assertRefused(Untyped.class, "Cannot make a JSON Schema for Untyped.links[].target: java.lang.Object has no"
        + " fixed shape; use a concrete type (for a generic class, pass a TypeReference)");
  }

  @Test
  void aGenericClassWithoutTypeArgumentsHasNoFixedShape() {
    assertRefused(Box.class, "Cannot make a JSON Schema for Box.value: java.lang.Object has no fixed shape;"
        + " use a concrete type (for a generic class, pass a TypeReference)");
  }

  @Test
  void aRawMapOrOneWithOtherKeysThanStringsIsRefused() {
    assertRefused(RawMap.class, "Cannot make a JSON Schema for RawMap.attributes: Map has keys of type"
        + " java.lang.Object; only Map<String, V> with a concrete V is supported");
    assertRefused(IntKeys.class, "Cannot make a JSON Schema for IntKeys.byNumber: Map<Integer, String> has keys"
        + " of type java.lang.Integer; only Map<String, V> with a concrete V is supported");
  }

  @Test
  void aJsonNodeHasNoFixedShape() {
    assertRefused(Tree.class, "Cannot make a JSON Schema for Tree.extra: com.fasterxml.jackson.databind.JsonNode"
        + " has no fixed shape; use a concrete type (for a generic class, pass a TypeReference)");
  }

  @Test
  void aTypeThatContainsItselfIsRefused() {
    assertRefused(Node.class, "Cannot make a JSON Schema for Node.parent: it refers back to Node, and recursive"
        + " types cannot be described without $ref");
  }

  @Test
  void recursionThroughOtherTypesIsRefusedAtThePathWhereItCloses() {
    assertRefused(Section.class, "Cannot make a JSON Schema for Section.paragraphs[].subsection: it refers back"
        + " to Section, and recursive types cannot be described without $ref");
  }

  @Test
  void otherJdkTypesAreRefused() {
    assertRefused(Dated.class, "Cannot make a JSON Schema for Dated.when: java.util.Date is not supported; use"
        + " strings, numbers, booleans, enums, java.time types, UUID, URI, collections, Map<String, V>, Optional"
        + " or classes and records of these");
  }

  @Test
  void abstractTypesAreRefused() {
    assertRefused(Drawing.class, "Cannot make a JSON Schema for Drawing.shape: " + Shape.class.getName()
        + " is abstract; Jackson can only read a concrete class");
  }

  @Test
  void aClassWithoutReadablePropertiesIsRefused() {
    assertRefused(HasEmpty.class, "Cannot make a JSON Schema for HasEmpty.empty: " + Empty.class.getName()
        + " has no property Jackson can read: give it a creator, setters, or fields that Jackson sees");
  }

  @Test
  void polymorphicAndUnwrappedTypesAreRefused() {
    assertRefused(Figure.class, "Cannot make a JSON Schema for Figure: " + Figure.class.getName()
        + " is polymorphic (@JsonTypeInfo); describe one concrete type");
    assertRefused(Unwrapped.class, "Cannot make a JSON Schema for Unwrapped.link: @JsonUnwrapped is not"
        + " supported; declare the properties in Unwrapped");
  }

  @Test
  void anEnumWrittenAsANumberIsRefused() {
    assertRefused(Leveled.class, "Cannot make a JSON Schema for Leveled.level: enum " + Level.class.getName()
        + " writes LOW as 1, not as a string");
  }

  private static void assertSchema(Class<?> type, String expected) {
    assertThat(schemaOf(type)).isEqualTo(json(expected));
  }

  private static void assertRefused(Class<?> type, String message) {
    assertThatThrownBy(() -> schemaOf(type))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }

  /** {@link JsonSchemas#of} of a class or a generic type, as the session handles make its {@code JavaType}. */
  static ObjectNode schemaOf(Class<?> type) {
    return JsonSchemas.of(Json.MAPPER.constructType(type));
  }

  static ObjectNode schemaOf(TypeReference<?> type) {
    return JsonSchemas.of(Json.MAPPER.getTypeFactory().constructType(type));
  }

  static JsonNode json(String text) {
    try {
      return Json.MAPPER.readTree(text);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
