package org.gan4j.core.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.util.Collection;
import org.gan4j.api.plugin.Variant;

/** Builds the strict Jackson mappers experiments are read with, knowing every registered variant. */
public final class ConfigMapper {
    private ConfigMapper() {}

    /** The YAML factory used for configs (no document start marker when writing). */
    public static YAMLFactory yamlFactory() {
        return YAMLFactory.builder()
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .disable(YAMLGenerator.Feature.USE_NATIVE_TYPE_ID) // write `type: name`, not a YAML tag
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                .build();
    }

    /**
     * A mapper where {@code type: name} resolves to each registered variant, keys are snake_case, and
     * unknown keys, nulls and fractional integers are errors.
     */
    public static ObjectMapper create(Collection<Variant> variants) {
        ObjectMapper mapper = JsonMapper.builder(yamlFactory())
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .enable(MapperFeature.SORT_CREATOR_PROPERTIES_FIRST)
                .defaultSetterInfo(JsonSetter.Value.forValueNulls(Nulls.FAIL))
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                .build();
        for (Variant v : variants) {
            mapper.registerSubtypes(new NamedType(v.implementation(), v.name()));
        }
        return mapper;
    }
}
