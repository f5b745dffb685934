package org.gan4j.losses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import com.google.inject.Guice;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.gan4j.api.loss.AdversarialLoss;
import org.gan4j.api.plugin.Variant;
import org.gan4j.api.regularizer.Regularizer;
import org.junit.jupiter.api.Test;

/** The losses' options bind from snake_case keys as the config loader reads them, and are validated. */
class LossConfigTest {
    private static final Set<Variant> VARIANTS = Guice.createInjector(new LossesPlugin())
            .getInstance(Key.get(new TypeLiteral<Set<Variant>>() {}));
    private static final ObjectMapper MAPPER = mapper();

    /** As gan-core's ConfigMapper: snake_case, unknown keys rejected, {@code type:} names the variant. */
    private static ObjectMapper mapper() {
        ObjectMapper mapper = JsonMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
        VARIANTS.forEach(v -> mapper.registerSubtypes(new NamedType(v.implementation(), v.name())));
        return mapper;
    }

    private static <T> T read(String type, String options, Class<T> expected) throws JsonProcessingException {
        String json = "{\"type\": \"" + type + "\"" + (options.isEmpty() ? "" : ", " + options) + "}";
        return expected.cast(MAPPER.readValue(json, AdversarialLoss.class));
    }

    @Test
    void everyLossIsRegisteredUnderItsYamlName() {
        Map<String, Class<?>> byName = VARIANTS.stream()
                .filter(v -> v.kind() == AdversarialLoss.class)
                .collect(Collectors.toMap(Variant::name, Variant::implementation));
        assertEquals(Map.of("minimax", MinimaxLoss.class, "non-saturating", NonSaturatingLoss.class,
                "least-squares", LeastSquaresLoss.class, "hinge", HingeLoss.class,
                "wasserstein", WassersteinLoss.class), byName);
    }

    @Test
    void optionsBindFromSnakeCaseKeys() throws JsonProcessingException {
        assertEquals(0.9, read("minimax", "\"real_label\": 0.9", MinimaxLoss.class).getRealLabel());
        assertEquals(0.9, read("non-saturating", "\"real_label\": 0.9", NonSaturatingLoss.class).getRealLabel());
        assertEquals(1.0, read("non-saturating", "", NonSaturatingLoss.class).getRealLabel());
        assertEquals(0.02, read("wasserstein", "\"clip\": 0.02", WassersteinLoss.class).getClip());
        assertEquals(1.0, read("wasserstein", "\"clip\": 1", WassersteinLoss.class).getClip());
        WassersteinLoss unclipped = read("wasserstein", "\"clip\": \"none\"", WassersteinLoss.class);
        assertEquals("none", unclipped.getClip());
        assertFalse(unclipped.clips());
        LeastSquaresLoss ls = read("least-squares",
                "\"fake_target\": -1, \"real_target\": 1, \"generator_target\": 0", LeastSquaresLoss.class);
        assertEquals(-1.0, ls.getFakeTarget());
        assertEquals(1.0, ls.getRealTarget());
        assertEquals(0.0, ls.getGeneratorTarget());
        read("hinge", "", HingeLoss.class);
        // The defaults, as `gan plugins` prints them.
        assertEquals("{\"type\":\"minimax\",\"real_label\":1.0}", MAPPER.writeValueAsString(new MinimaxLoss()));
        assertEquals("{\"type\":\"wasserstein\",\"clip\":0.01}", MAPPER.writeValueAsString(new WassersteinLoss()));
        assertEquals("{\"type\":\"wasserstein\",\"clip\":\"none\"}", MAPPER.writeValueAsString(unclipped));
        assertEquals("{\"type\":\"least-squares\",\"real_target\":1.0,\"fake_target\":0.0,\"generator_target\":1.0}",
                MAPPER.writeValueAsString(new LeastSquaresLoss()));
    }

    @Test
    void outOfRangeValuesAreRejectedWithTheAcceptedRange() {
        assertRejected("minimax", "\"real_label\": 1.1", "must be in [0.5, 1.0]");
        assertRejected("non-saturating", "\"real_label\": 0.3", "must be in [0.5, 1.0]");
        assertRejected("wasserstein", "\"clip\": 0", "must be a finite number > 0");
        assertRejected("wasserstein", "\"clip\": -0.01", "must be a finite number > 0 or none, got -0.01");
        assertRejected("wasserstein", "\"clip\": \"off\"", "must be a finite number > 0 or none, got off");
        assertRejected("least-squares", "\"real_target\": \"NaN\"", "must be a finite number");
        assertRejected("wasserstein", "\"clip\": 0.01, \"penalty\": 10", "penalty");
        assertRejected("hinge", "\"real_label\": 0.9", "real_label");
    }

    private static Regularizer regularizer(String json) throws JsonProcessingException {
        return MAPPER.readValue(json, Regularizer.class);
    }

    @Test
    void penaltiesBindFromSnakeCaseKeysWithThePapersDefaults() throws JsonProcessingException {
        GradientPenalty gp = (GradientPenalty) regularizer("{\"type\": \"gradient-penalty\", \"lambda\": 5, \"one_sided\": true, \"every\": 2}");
        assertEquals(5.0, gp.getLambda());
        assertTrue(gp.isOneSided());
        assertEquals(2, gp.every());
        assertEquals(5.0, ((R1Penalty) regularizer("{\"type\": \"r1\", \"gamma\": 5}")).getGamma());
        assertEquals(0.25, ((DraganPenalty) regularizer("{\"type\": \"dragan\", \"c\": 0.25}")).getC());
        assertEquals("{\"type\":\"gradient-penalty\",\"every\":1,\"lambda\":10.0,\"one_sided\":false}",
                MAPPER.writeValueAsString(new GradientPenalty()));
        assertEquals("{\"type\":\"r1\",\"every\":1,\"gamma\":10.0}", MAPPER.writeValueAsString(new R1Penalty()));
        assertEquals("{\"type\":\"r2\",\"every\":1,\"gamma\":10.0}", MAPPER.writeValueAsString(new R2Penalty()));
        assertEquals("{\"type\":\"dragan\",\"every\":1,\"lambda\":10.0,\"c\":0.5}", MAPPER.writeValueAsString(new DraganPenalty()));
        for (String bad : List.of("{\"type\": \"gradient-penalty\", \"lambda\": -1}", "{\"type\": \"r1\", \"gamma\": -0.5}",
                "{\"type\": \"dragan\", \"c\": 0}", "{\"type\": \"r2\", \"clip\": 1}")) {
            assertThrows(JsonMappingException.class, () -> regularizer(bad), bad);
        }
    }

    private static void assertRejected(String type, String options, String messagePart) {
        JsonMappingException e = assertThrows(JsonMappingException.class, () -> read(type, options, Object.class));
        assertTrue(e.getMessage().contains(messagePart), e.getMessage());
    }
}
