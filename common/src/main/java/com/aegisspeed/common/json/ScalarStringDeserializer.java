package com.aegisspeed.common.json;

import io.micronaut.core.type.Argument;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.Decoder;
import io.micronaut.serde.Deserializer;
import jakarta.inject.Singleton;

import java.io.IOException;

/**
 * Reads a string field only from a JSON scalar. Serde's own string reader unwraps a one-element array
 * ({@code ["13812348000"]} reads as {@code "13812348000"}), so a request no documented client sends would be
 * accepted as if it were well formed; here it is a malformed request (400 {@code 00005}) like any other wrong type.
 */
@Singleton
public class ScalarStringDeserializer implements Deserializer<String> {

    @Override
    public String deserialize(Decoder decoder, DecoderContext context, Argument<? super String> type) throws IOException {
        JsonNode node = decoder.decodeNode();
        if (node.isArray() || node.isObject()) {
            throw decoder.createDeserializationException("Expected a string, not " + (node.isArray() ? "an array" : "an object"), null);
        }
        return node.isNull() ? null : node.coerceStringValue();
    }
}
