package dev.gcscope.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.Writer;
import java.util.Iterator;
import java.util.Map;

/**
 * Writes a tree of JSON nodes exactly as {@link JsonOutput#MAPPER} does (same generator features,
 * the same default pretty printer, fields in order), but straight to jackson-core's generator: an
 * {@code ObjectMapper} loads some 350 classes of databind's serialisation machinery (serializer
 * factories, type introspection, bean support) on first use, which for a small file's
 * {@code summary --json} was a quarter of the process's CPU, to walk a tree of a handful of node
 * kinds. A tree holding any other kind of node (binary, a POJO) is left to the mapper.
 * {@code JsonTreeWriterTest} checks the two write the same on every bundled sample's summary.
 */
final class JsonTreeWriter {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();

    private JsonTreeWriter() {}

    /** {@code tree}, indented, as {@code JsonOutput.MAPPER.writeValue(out, tree)} writes it; {@code out} stays open. */
    static void write(Writer out, JsonNode tree) throws IOException {
        if (!plain(tree)) {
            JsonOutput.MAPPER.writeValue(out, tree);
            return;
        }
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.setPrettyPrinter(new DefaultPrettyPrinter());
            write(g, tree);
        }
    }

    /** Whether every node of {@code node} is one {@link #write(JsonGenerator, JsonNode)} writes itself. */
    private static boolean plain(JsonNode node) {
        switch (node.getNodeType()) {
            case OBJECT, ARRAY -> {
                for (JsonNode child : node) {
                    if (!plain(child)) return false;
                }
                return true;
            }
            case STRING, BOOLEAN, NULL -> {
                return true;
            }
            case NUMBER -> {
                return node.numberType() != null;
            }
            default -> {
                return false;
            }
        }
    }

    // As each node's own serialize(JsonGenerator, SerializerProvider) writes itself.
    private static void write(JsonGenerator g, JsonNode node) throws IOException {
        switch (node.getNodeType()) {
            case OBJECT -> {
                g.writeStartObject();
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = it.next();
                    g.writeFieldName(field.getKey());
                    write(g, field.getValue());
                }
                g.writeEndObject();
            }
            case ARRAY -> {
                g.writeStartArray();
                for (JsonNode child : node) write(g, child);
                g.writeEndArray();
            }
            case STRING -> g.writeString(node.textValue());
            case BOOLEAN -> g.writeBoolean(node.booleanValue());
            case NULL -> g.writeNull();
            case NUMBER -> {
                switch (node.numberType()) {
                    case INT -> g.writeNumber(node.intValue());
                    case LONG -> g.writeNumber(node.longValue());
                    case BIG_INTEGER -> g.writeNumber(node.bigIntegerValue());
                    case FLOAT -> g.writeNumber(node.floatValue());
                    case DOUBLE -> g.writeNumber(node.doubleValue());
                    case BIG_DECIMAL -> g.writeNumber(node.decimalValue());
                    default -> throw new IllegalStateException("unknown number type " + node.numberType());
                }
            }
            default -> throw new IllegalStateException("not a plain node: " + node.getNodeType());
        }
    }
}
