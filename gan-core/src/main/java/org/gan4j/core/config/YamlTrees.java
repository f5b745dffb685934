package org.gan4j.core.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * Reads YAML text into a tree where YAML's non-finite floats ({@code .nan}, {@code .inf}, {@code -.inf})
 * become NaN/infinite numbers instead of a parse error, so that the loader can report them as out of
 * range for their key (they are valid YAML, not malformed).
 */
final class YamlTrees {
    private static final Pattern NON_FINITE = Pattern.compile("[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)");

    private YamlTrees() {}

    static JsonNode read(ObjectMapper mapper, String text, boolean strictDuplicates) throws IOException {
        JsonParser raw = mapper.getFactory().createParser(text);
        if (strictDuplicates) {
            raw.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        }
        try (JsonParser parser = new NonFiniteFloats(raw)) {
            return mapper.readTree(parser);
        }
    }

    /** A non-finite number as YAML writes it. */
    static String yamlText(double value) {
        return Double.isNaN(value) ? ".nan" : value > 0 ? ".inf" : "-.inf";
    }

    static boolean isNonFinite(JsonNode node) {
        return node != null && node.isNumber() && node.isFloatingPointNumber() && !Double.isFinite(node.doubleValue());
    }

    /** Answers the number calls for {@code .nan}/{@code .inf} tokens, which the YAML parser cannot. */
    private static final class NonFiniteFloats extends JsonParserDelegate {
        NonFiniteFloats(JsonParser parser) {
            super(parser);
        }

        private Double nonFinite() throws IOException {
            if (currentToken() != JsonToken.VALUE_NUMBER_FLOAT) {
                return null;
            }
            String text = getText();
            if (text == null || !NON_FINITE.matcher(text).matches()) {
                return null;
            }
            return text.toLowerCase().contains("nan") ? Double.NaN
                    : text.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }

        @Override
        public NumberType getNumberType() throws IOException {
            return nonFinite() != null ? NumberType.DOUBLE : super.getNumberType();
        }

        @Override
        public NumberTypeFP getNumberTypeFP() throws IOException {
            return nonFinite() != null ? NumberTypeFP.DOUBLE64 : super.getNumberTypeFP();
        }

        @Override
        public double getDoubleValue() throws IOException {
            Double v = nonFinite();
            return v != null ? v : super.getDoubleValue();
        }

        @Override
        public float getFloatValue() throws IOException {
            Double v = nonFinite();
            return v != null ? v.floatValue() : super.getFloatValue();
        }

        @Override
        public Number getNumberValue() throws IOException {
            Double v = nonFinite();
            return v != null ? v : super.getNumberValue();
        }

        @Override
        public Number getNumberValueExact() throws IOException {
            Double v = nonFinite();
            return v != null ? v : super.getNumberValueExact();
        }

        @Override
        public BigDecimal getDecimalValue() throws IOException {
            if (nonFinite() != null) {
                throw new IllegalStateException("a non-finite number has no decimal value");
            }
            return super.getDecimalValue();
        }

        @Override
        public boolean isNaN() throws IOException {
            return nonFinite() != null || super.isNaN();
        }
    }
}
