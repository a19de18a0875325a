package com.browserbase.stagehand.internal.runtime;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonAppend;
import com.fasterxml.jackson.databind.cfg.MapperConfig;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.NopAnnotationIntrospector;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.BeanPropertyWriter;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;
import com.fasterxml.jackson.databind.ser.VirtualBeanPropertyWriter;
import com.fasterxml.jackson.databind.util.NameTransformer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Makes the JSON of every model ({@code @JsonModel}) hold each key once. A model writes its modelled properties,
 * then its additional ones; when the additional map holds a modelled property's name, that additional value (put
 * there on purpose, or read as it came) is written and the modelled property skipped. A property appended by {@code
 * @JsonAppend} ({@code streamResponse}, which the transport writes for the streaming methods) is the exception: the
 * additional map never supplies it, so such an entry is dropped. Not API.
 */
final class OneKeyPerProperty {
  private OneKeyPerProperty() {}

  /** The Jackson module that installs the rule on a mapper. */
  static Module module() {
    return new SimpleModule("stagehand-one-key-per-property") {
      @Override
      public void setupModule(SetupContext context) {
        super.setupModule(context);
        context.insertAnnotationIntrospector(new AppendedNotAdditional());
      }
    }.setSerializerModifier(new YieldingProperties());
  }

  /** Wraps each modelled property of a model with additional properties in a {@link Yielding} writer. */
  private static final class YieldingProperties extends BeanSerializerModifier {
    private static final long serialVersionUID = 1L;

    @Override
    public List<BeanPropertyWriter> changeProperties(
        SerializationConfig config, BeanDescription bean, List<BeanPropertyWriter> properties) {
      AnnotatedMember additional = bean.findAnyGetter();
      if (additional == null || !bean.getBeanClass().isAnnotationPresent(JsonModel.class)) {
        return properties;
      }
      if (config.canOverrideAccessModifiers()) {
        additional.fixAccess(config.isEnabled(MapperFeature.OVERRIDE_PUBLIC_ACCESS_MODIFIERS));
      }
      List<BeanPropertyWriter> changed = new ArrayList<>(properties.size());
      for (BeanPropertyWriter property : properties) {
        changed.add(property instanceof VirtualBeanPropertyWriter ? property : new Yielding(property, additional));
      }
      return changed;
    }
  }

  /**
   * A modelled property not written when the additional map holds its name. With an empty map (nearly always) it
   * costs one read of the map, the same reflective call Jackson makes for each property's value, and {@code isEmpty()}.
   */
  private static final class Yielding extends BeanPropertyWriter {
    private static final long serialVersionUID = 1L;

    private final BeanPropertyWriter delegate;
    private final AnnotatedMember additional;

    Yielding(BeanPropertyWriter delegate, AnnotatedMember additional) {
      super(delegate);
      this.delegate = delegate;
      this.additional = additional;
    }

    @Override
    public void serializeAsField(Object bean, JsonGenerator gen, SerializerProvider provider) throws Exception {
      Map<?, ?> extra = (Map<?, ?>) additional.getValue(bean);
      if (extra != null && !extra.isEmpty() && extra.containsKey(getName())) {
        return; // written once, with the additional properties
      }
      delegate.serializeAsField(bean, gen, provider);
    }

    @Override
    public void serializeAsOmittedField(Object bean, JsonGenerator gen, SerializerProvider provider)
        throws Exception {
      delegate.serializeAsOmittedField(bean, gen, provider);
    }

    @Override
    public void serializeAsElement(Object bean, JsonGenerator gen, SerializerProvider provider) throws Exception {
      delegate.serializeAsElement(bean, gen, provider); // an array has no additional properties
    }

    @Override
    public void serializeAsPlaceholder(Object bean, JsonGenerator gen, SerializerProvider provider)
        throws Exception {
      delegate.serializeAsPlaceholder(bean, gen, provider);
    }

    @Override
    public BeanPropertyWriter rename(NameTransformer transformer) {
      return new Yielding(delegate.rename(transformer), additional);
    }

    @Override
    public void assignSerializer(JsonSerializer<Object> serializer) {
      delegate.assignSerializer(serializer);
    }

    @Override
    public void assignNullSerializer(JsonSerializer<Object> serializer) {
      delegate.assignNullSerializer(serializer);
    }

    @Override
    public void assignTypeSerializer(TypeSerializer serializer) {
      delegate.assignTypeSerializer(serializer);
    }
  }

  /**
   * Leaves the names of a model's {@code @JsonAppend} properties (the transport's attributes, never a body value) out
   * of its additional-properties map, as {@code @JsonIgnoreProperties} on the any-getter would.
   */
  private static final class AppendedNotAdditional extends NopAnnotationIntrospector {
    private static final long serialVersionUID = 1L;

    @Override
    public JsonIgnoreProperties.Value findPropertyIgnoralByName(MapperConfig<?> config, Annotated annotated) {
      if (annotated instanceof AnnotatedMember && annotated.hasAnnotation(JsonAnyGetter.class)) {
        Class<?> owner = ((AnnotatedMember) annotated).getDeclaringClass();
        JsonAppend append = owner.getAnnotation(JsonAppend.class);
        if (append != null && owner.isAnnotationPresent(JsonModel.class)) {
          Set<String> names = new LinkedHashSet<>();
          for (JsonAppend.Attr attr : append.attrs()) {
            names.add(attr.propName().isEmpty() ? attr.value() : attr.propName());
          }
          for (JsonAppend.Prop prop : append.props()) {
            names.add(prop.name());
          }
          return JsonIgnoreProperties.Value.forIgnoredProperties(names);
        }
      }
      return JsonIgnoreProperties.Value.empty();
    }
  }
}
