package com.browserbase.stagehand.internal.schema;

import static com.browserbase.stagehand.internal.schema.JsonSchemasTest.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.browserbase.stagehand.errors.StagehandInvalidDataException;
import com.browserbase.stagehand.internal.runtime.Json;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.math.BigInteger;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Reading an extract result into the type its schema was made of. */
class TypedResultsTest {
  enum Status { OPEN, @JsonProperty("done") CLOSED }

  record Link(String href, int clicks) {}

  record Page(String title, List<Link> links, Status status, LocalDate published) {}

  record Counts(int small, long large, BigInteger huge, Integer boxed) {}

  record Person(String name, Optional<String> nickname, OptionalInt age) {}

  /** A plain class: Jackson leaves an absent field alone, so without help an Optional one stays null. */
  static class Profile {
    public String name;
    public Optional<String> nickname;
    private List<String> tags;

    public List<String> getTags() {
      return tags;
    }
  }

  record Ids(UUID id, URI home) {}

  @Test
  void readsNestedRecordsListsEnumsAndDates() {
    Page page = read(json("""
        {"title": "Docs", "links": [{"href": "/a", "clicks": 3}, {"href": "/b", "clicks": 0}],
         "status": "done", "published": "2024-03-31"}"""), Page.class);

    assertThat(page).isEqualTo(new Page("Docs", List.of(new Link("/a", 3), new Link("/b", 0)), Status.CLOSED,
        LocalDate.of(2024, 3, 31)));
  }

  @Test
  void aWholeNumberWrittenAsAFractionReadsIntoIntegerTypes() {
    Counts counts = read(json("""
        {"small": 3.0, "large": 1.0E10, "huge": 12.0, "boxed": 7.00}"""), Counts.class);

    assertThat(counts).isEqualTo(new Counts(3, 10_000_000_000L, BigInteger.valueOf(12), 7));
  }

  @Test
  void aFractionWhereAnIntegerBelongsIsRefusedRatherThanTruncated() {
    assertThatThrownBy(() -> read(json("""
        {"title": "Docs", "links": [{"href": "/a", "clicks": 3}, {"href": "/b", "clicks": 2.5}],
         "status": "OPEN", "published": "2024-03-31"}"""), Page.class))
        .isInstanceOf(StagehandInvalidDataException.class)
        .hasMessage("The result does not fit Page: at links[1].clicks: expected an integer, got 2.5");
  }

  @Test
  void aValueOfTheWrongJsonTypeIsRefusedNamingItsPath() {
    assertThatThrownBy(() -> read(json("""
        {"title": 42, "links": [], "status": "OPEN", "published": "2024-03-31"}"""), Page.class))
        .isInstanceOf(StagehandInvalidDataException.class)
        .hasMessage("The result does not fit Page: at title: expected a string, got 42");
    assertThatThrownBy(() -> read(json("""
        {"title": "Docs", "links": {"href": "/a"}, "status": "OPEN", "published": "2024-03-31"}"""), Page.class))
        .hasMessage("The result does not fit Page: at links: expected an array, got {\"href\":\"/a\"}");
  }

  @Test
  void aMissingOrNullRequiredPropertyIsRefused() {
    assertThatThrownBy(() -> read(json("""
        {"title": "Docs", "links": [{"href": "/a"}], "status": "OPEN", "published": "2024-03-31"}"""), Page.class))
        .isInstanceOf(StagehandInvalidDataException.class)
        .hasMessage("The result does not fit Page: at links[0].clicks: required but missing");
    assertThatThrownBy(() -> read(json("""
        {"title": null, "links": [], "status": "OPEN", "published": "2024-03-31"}"""), Page.class))
        .hasMessage("The result does not fit Page: at title: required but null");
  }

  @Test
  void aValueOutsideTheEnumIsRefused() {
    assertThatThrownBy(() -> read(json("""
        {"title": "Docs", "links": [], "status": "CLOSED", "published": "2024-03-31"}"""), Page.class))
        .isInstanceOf(StagehandInvalidDataException.class)
        .hasMessage("The result does not fit Page: at status: expected one of \"OPEN\", \"done\", got \"CLOSED\"");
  }

  @Test
  void aStringJacksonCannotParseIsRefusedWithJacksonsReasonAndThePath() {
    assertThatThrownBy(() -> read(json("""
        {"title": "Docs", "links": [], "status": "OPEN", "published": "last Tuesday"}"""), Page.class))
        .isInstanceOf(StagehandInvalidDataException.class)
        .hasMessageStartingWith("The result does not fit Page: at published: Cannot deserialize value of type"
            + " `java.time.LocalDate` from String \"last Tuesday\"");
    assertThatThrownBy(() -> read(json("""
        {"id": "not-a-uuid", "home": "https://example.com"}"""), Ids.class))
        .hasMessageStartingWith("The result does not fit Ids: at id: ");
  }

  @Test
  void absentOrNullOptionalPropertiesAreEmptyNeverNull() {
    assertThat(read(json("""
        {"name": "Ada"}"""), Person.class))
        .isEqualTo(new Person("Ada", Optional.empty(), OptionalInt.empty()));
    assertThat(read(json("""
        {"name": "Ada", "nickname": null, "age": null}"""), Person.class))
        .isEqualTo(new Person("Ada", Optional.empty(), OptionalInt.empty()));
    assertThat(read(json("""
        {"name": "Ada", "nickname": "Countess", "age": 36.0}"""), Person.class))
        .isEqualTo(new Person("Ada", Optional.of("Countess"), OptionalInt.of(36)));

    Profile profile = read(json("""
        {"name": "Ada", "tags": ["math"]}"""), Profile.class);
    assertThat(profile.nickname).isEmpty();
    assertThat(profile.getTags()).containsExactly("math");
  }

  record Links(URI home, Optional<URI> docs, List<URI> more) {}

  @Test
  void aUrlTheServerCouldNotResolveIsAbsentWhenOptionalAndRefusedOtherwise() {
    assertThat(read(json("""
        {"home": "https://example.com/", "docs": "", "more": []}"""), Links.class))
        .isEqualTo(new Links(URI.create("https://example.com/"), Optional.empty(), List.of()));
    assertThatThrownBy(() -> read(json("""
        {"home": "", "more": []}"""), Links.class))
        .isInstanceOf(StagehandInvalidDataException.class)
        .hasMessage("The result does not fit Links: at home: expected a URL, got \"\" (the server found no link"
            + " for it)");
    assertThatThrownBy(() -> read(json("""
        {"home": "https://example.com/", "more": ["https://example.com/a", ""]}"""), Links.class))
        .hasMessage("The result does not fit Links: at more[1]: expected a URL, got \"\" (the server found no"
            + " link for it)");
  }

  @Test
  void theResultGivenIsNotChanged() {
    JsonNode result = json("""
        {"name": "Ada"}""");

    read(result, Person.class);

    assertThat(result).isEqualTo(json("""
        {"name": "Ada"}"""));
  }

  @Test
  void propertiesTheTypeDoesNotHaveAreIgnored() {
    assertThat(read(json("""
        {"href": "/a", "clicks": 1, "rel": "nofollow"}"""), Link.class)).isEqualTo(new Link("/a", 1));
  }

  @Test
  void mapsAreCheckedValueByValue() {
    TypeReference<Map<String, Integer>> counts = new TypeReference<Map<String, Integer>>() {};

    assertThat(read(json("""
        {"a": 1, "b": 2.0}"""), counts)).containsExactly(Map.entry("a", 1), Map.entry("b", 2));
    assertThatThrownBy(() -> read(json("""
        {"a": 1, "b": null}"""), counts))
        .hasMessage("The result does not fit Map<String, Integer>: at b: expected an integer, got null");
  }

  // Maps: asked for as entries, read back as maps

  record Site(String name, Map<String, Integer> visits) {}

  record Report(Map<String, Integer> totals, List<Map<String, Integer>> perDay,
      Map<String, Map<String, Integer>> byRegion, Map<String, Site> sites, Optional<Map<String, String>> labels) {}

  @Test
  void mapEntriesReadBackIntoMapsWhereverTheMapIs() {
    Report report = read(json("""
        {"totals": [{"key": "home", "value": 3}, {"key": "docs", "value": 2.0}],
         "perDay": [[{"key": "mon", "value": 1}], []],
         "byRegion": [{"key": "eu", "value": [{"key": "home", "value": 5}]}],
         "sites": [{"key": "a", "value": {"name": "A", "visits": [{"key": "home", "value": 7}]}}],
         "labels": [{"key": "home", "value": "Home"}]}"""), Report.class);

    assertThat(report.totals()).containsExactly(Map.entry("home", 3), Map.entry("docs", 2));
    assertThat(report.perDay()).containsExactly(Map.of("mon", 1), Map.of());
    assertThat(report.byRegion()).isEqualTo(Map.of("eu", Map.of("home", 5)));
    assertThat(report.sites()).isEqualTo(Map.of("a", new Site("A", Map.of("home", 7))));
    assertThat(report.labels()).contains(Map.of("home", "Home"));
  }

  @Test
  void aTopLevelMapReadsFromItsEntriesWrappedAsTheServerWrapsThemOrNot() {
    TypeReference<Map<String, Site>> sites = new TypeReference<Map<String, Site>>() {};
    Map<String, Site> expected = Map.of("a", new Site("A", Map.of("home", 1)));

    assertThat(read(json("""
        {"value": [{"key": "a", "value": {"name": "A", "visits": [{"key": "home", "value": 1}]}}]}"""), sites))
        .isEqualTo(expected);
    assertThat(read(json("""
        [{"key": "a", "value": {"name": "A", "visits": [{"key": "home", "value": 1}]}}]"""), sites))
        .isEqualTo(expected);
    assertThat(read(json("""
        {"value": []}"""), sites)).isEmpty();
  }

  @Test
  void aMapThatAlreadyArrivesAsAnObjectIsTakenAsItIs() {
    assertThat(read(json("""
        {"totals": {"home": 3}, "perDay": [{"mon": 1}], "byRegion": {"eu": [{"key": "home", "value": 5}]},
         "sites": {"a": {"name": "A", "visits": {"home": 7}}}}"""), Report.class))
        .isEqualTo(new Report(Map.of("home", 3), List.of(Map.of("mon", 1)), Map.of("eu", Map.of("home", 5)),
            Map.of("a", new Site("A", Map.of("home", 7))), Optional.empty()));
    TypeReference<Map<String, Integer>> counts = new TypeReference<Map<String, Integer>>() {};
    assertThat(read(json("""
        {"value": 3}"""), counts)).containsExactly(Map.entry("value", 3));
  }

  @Test
  void aKeyGivenTwiceIsRefusedNamingBothEntries() {
    assertThatThrownBy(() -> read(json("""
        {"name": "A", "visits": [{"key": "home", "value": 1}, {"key": "docs", "value": 2},
                                 {"key": "home", "value": 3}]}"""), Site.class))
        .isInstanceOf(StagehandInvalidDataException.class)
        .hasMessage("The result does not fit Site: at visits[2].key: duplicate key \"home\", also at visits[0].key");
    assertThatThrownBy(() -> read(json("""
        {"sites": [{"key": "a", "value": {"name": "A", "visits": [{"key": "x", "value": 1}, {"key": "x", "value": 1}]}}],
         "totals": [], "perDay": [], "byRegion": []}"""), Report.class))
        .hasMessage("The result does not fit Report: at sites.a.visits[1].key: duplicate key \"x\", also at"
            + " sites.a.visits[0].key");
    assertThatThrownBy(() -> read(json("""
        [{"key": "a", "value": 1}, {"key": "a", "value": 2}]"""), new TypeReference<Map<String, Integer>>() {}))
        .hasMessage("The result does not fit Map<String, Integer>: at [1].key: duplicate key \"a\", also at [0].key");
  }

  @Test
  void entriesThatAreNotKeyValuePairsAreRefusedNamingWhere() {
    assertThatThrownBy(() -> readSite("[3]"))
        .isInstanceOf(StagehandInvalidDataException.class)
        .hasMessage("The result does not fit Site: at visits[0]: expected an entry {\"key\": ..., \"value\": ...},"
            + " got 3");
    assertThatThrownBy(() -> readSite("[{\"value\": 1}]"))
        .hasMessage("The result does not fit Site: at visits[0].key: required but missing");
    assertThatThrownBy(() -> readSite("[{\"key\": 7, \"value\": 1}]"))
        .hasMessage("The result does not fit Site: at visits[0].key: expected a string, got 7");
    assertThatThrownBy(() -> readSite("[{\"key\": \"home\"}]"))
        .hasMessage("The result does not fit Site: at visits[0].value: required but missing");
  }

  @Test
  void aMapsValuesAreCheckedAtTheirKeysPath() {
    assertThatThrownBy(() -> readSite("[{\"key\": \"home\", \"value\": 2.5}]"))
        .isInstanceOf(StagehandInvalidDataException.class)
        .hasMessage("The result does not fit Site: at visits.home: expected an integer, got 2.5");
    assertThatThrownBy(() -> readSite("[{\"key\": \"home\", \"value\": null}]"))
        .hasMessage("The result does not fit Site: at visits.home: expected an integer, got null");
    assertThatThrownBy(() -> readSite("\"home: 3\""))
        .hasMessage("The result does not fit Site: at visits: expected an object, got \"home: 3\"");
  }

  @Test
  void readingEntriesBackLeavesTheResultGivenAsItWas() {
    JsonNode result = json("""
        {"name": "A", "visits": [{"key": "home", "value": 1}]}""");

    read(result, Site.class);

    assertThat(result).isEqualTo(json("""
        {"name": "A", "visits": [{"key": "home", "value": 1}]}"""));
  }

  private static Site readSite(String visits) {
    return read(json("{\"name\": \"A\", \"visits\": " + visits + "}"), Site.class);
  }

  @Test
  void aTopLevelArrayReadsAsItComesBackAndAlsoStillWrapped() {
    TypeReference<List<Link>> links = new TypeReference<List<Link>>() {};
    List<Link> expected = List.of(new Link("/a", 1));

    assertThat(read(json("""
        [{"href": "/a", "clicks": 1}]"""), links)).isEqualTo(expected);
    assertThat(read(json("""
        {"value": [{"href": "/a", "clicks": 1}]}"""), links)).isEqualTo(expected);
    assertThat(read(json("""
        {"value": "Docs"}"""), String.class)).isEqualTo("Docs");
    assertThatThrownBy(() -> read(json("""
        [{"href": "/a", "clicks": "1"}]"""), links))
        .hasMessage("The result does not fit List<Link>: at [0].clicks: expected an integer, got \"1\"");
  }

  @Test
  void noResultOrANullResultIsRefused() {
    assertThatThrownBy(() -> read(null, Link.class))
        .isInstanceOf(StagehandInvalidDataException.class)
        .hasMessage("The result does not fit Link: no result");
    assertThatThrownBy(() -> read(NullNode.getInstance(), Link.class))
        .hasMessage("The result does not fit Link: expected an object, got null");
  }

  @Test
  void aTypeWithoutASchemaIsRefusedBeforeReading() {
    assertThatThrownBy(() -> read(json("{}"), Object.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Cannot make a JSON Schema for Object: java.lang.Object has no fixed shape");
  }

  @Test
  void aNumberTooLargeForItsTypeIsRefusedByJacksonNamingThePath() {
    assertThatThrownBy(() -> read(json("""
        {"small": 3000000000, "large": 1, "huge": 1, "boxed": 1}"""), Counts.class))
        .isInstanceOf(StagehandInvalidDataException.class)
        .hasMessageStartingWith("The result does not fit Counts: at small: ")
        .hasMessageContaining("out of range of int");
  }

  /** {@link TypedResults#read} into a class or a generic type, as the session handles make its {@code JavaType}. */
  private static <T> T read(JsonNode result, Class<T> type) {
    return TypedResults.read(result, Json.MAPPER.constructType(type));
  }

  private static <T> T read(JsonNode result, TypeReference<T> type) {
    return TypedResults.read(result, Json.MAPPER.getTypeFactory().constructType(type));
  }
}
