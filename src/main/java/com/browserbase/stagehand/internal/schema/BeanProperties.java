package com.browserbase.stagehand.internal.schema;

import com.browserbase.stagehand.internal.runtime.Json;
import com.fasterxml.jackson.databind.AnnotationIntrospector;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.introspect.AnnotatedClass;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The properties Jackson reads into a class or record, found by Jackson's own introspection with the SDK mapper's
 * configuration, so that {@code @JsonProperty}, {@code @JsonIgnore}, {@code @JsonIgnoreProperties} and {@code
 * @JsonPropertyOrder} count exactly as in reading: those Jackson can set through a creator parameter (a record's
 * canonical constructor, a {@code @JsonCreator}), a setter or a field. A getter alone is never read. Not API.
 */
final class BeanProperties {
  /** One property: its JSON name, its type, its {@code @JsonPropertyDescription} or {@code null}. */
  static final class Property {
    final String name;
    final JavaType type;
    final String description;

    Property(String name, JavaType type, String description) {
      this.name = name;
      this.type = type;
      this.description = description;
    }

    /** Whether the JSON must hold the property: all must, except those of an {@code Optional} type. */
    boolean required() {
      Class<?> raw = type.getRawClass();
      return raw != Optional.class && raw != OptionalInt.class && raw != OptionalLong.class
          && raw != OptionalDouble.class;
    }
  }

  /** The class's {@code @JsonClassDescription}, or {@code null}. */
  final String description;
  /** The readable properties, in Jackson's order. */
  final List<Property> properties;

  private BeanProperties(String description, List<Property> properties) {
    this.description = description;
    this.properties = properties;
  }

  /**
   * The readable properties of {@code bean} and its description; {@link IllegalArgumentException} for a polymorphic
   * type ({@code @JsonTypeInfo}) or an {@code @JsonUnwrapped} property, whose JSON these do not describe.
   */
  static BeanProperties of(JavaType bean, String path) {
    DeserializationConfig config = Json.MAPPER.getDeserializationConfig();
    BeanDescription description = config.introspect(bean);
    AnnotatedClass annotated = description.getClassInfo();
    AnnotationIntrospector introspector = config.getAnnotationIntrospector();
    if (introspector.findTypeResolver(config, annotated, bean) != null) {
      throw new IllegalArgumentException(JsonSchemas.cannot(path) + bean.getRawClass().getName()
          + " is polymorphic (@JsonTypeInfo); describe one concrete type");
    }
    List<BeanPropertyDefinition> found = description.findProperties();
    // Known only once the properties are found: a record keeps the creator parameter of an ignored
    // component (its constructor needs it), and Jackson ignores the JSON value by this set.
    Set<String> ignored = new HashSet<>(description.getIgnoredPropertyNames());
    ignored.addAll(config.getDefaultPropertyIgnorals(bean.getRawClass(), annotated).findIgnoredForDeserialization());
    List<Property> properties = new ArrayList<>();
    for (BeanPropertyDefinition property : found) {
      if (ignored.contains(property.getName())
          || !(property.hasConstructorParameter() || property.hasSetter() || property.hasField())) {
        continue;
      }
      AnnotatedMember member = property.getPrimaryMember();
      if (member != null && introspector.findUnwrappingNameTransformer(member) != null) {
        throw new IllegalArgumentException(JsonSchemas.cannot(path + "." + property.getName())
            + "@JsonUnwrapped is not supported; declare the properties in " + bean.getRawClass().getSimpleName());
      }
      properties.add(new Property(
          property.getName(), property.getPrimaryType(), property.getMetadata().getDescription()));
    }
    return new BeanProperties(
        introspector.findClassDescription(annotated), Collections.unmodifiableList(properties));
  }
}
