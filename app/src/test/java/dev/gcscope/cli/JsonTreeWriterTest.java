package dev.gcscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/**
 * {@link JsonTreeWriter} writes what {@link JsonOutput#MAPPER} writes. The golden files pin
 * {@code summary --json} of every bundled sample (which it writes); this covers what no sample has.
 */
class JsonTreeWriterTest {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Test
    void writesEveryKindOfNodeAsTheMapperDoes() throws IOException {
        ObjectNode o = NODES.objectNode();
        o.put("text", "plain");
        o.put("non_ascii", "µs – 漢字 \uD83D\uDE00 é");
        o.put("escapes", "quote \" backslash \\ tab \t newline \n nul \u0000 del \u007f");
        o.put("int", Integer.MIN_VALUE);
        o.put("long", Long.MAX_VALUE);
        o.put("short", (short) -7);
        o.put("big_integer", new BigInteger("123456789012345678901234567890"));
        o.put("float", 1.5e-7f);
        o.put("double", 0.018);
        o.put("double_small", 1.8e-12);
        o.put("double_large", 6.02e23);
        o.put("double_nan", Double.NaN);
        o.put("double_inf", Double.NEGATIVE_INFINITY);
        o.put("decimal", new BigDecimal("1.80E-2"));
        o.put("decimal_exponent", new BigDecimal("1E+3"));
        o.put("true", true);
        o.putNull("null");
        o.putObject("empty_object");
        o.putArray("empty_array");
        ArrayNode nested = o.putArray("nested");
        nested.addObject().put("a", 1).putArray("b").add(2.5).addNull().add("x");
        nested.addArray().addArray();
        ArrayNode root = NODES.arrayNode().add(o).add(NODES.objectNode()).add(3);

        assertEquals(mapper(root), tree(root));
        assertEquals(mapper(NODES.arrayNode()), tree(NODES.arrayNode()));
        assertEquals(mapper(o), tree(o));
    }

    @Test
    void leavesOtherNodesToTheMapper() throws IOException {
        ArrayNode root = NODES.arrayNode().add(NODES.binaryNode(new byte[] {1, 2, 3})).add(NODES.pojoNode(java.util.List.of(1, 2)));
        assertEquals(mapper(root), tree(root));
    }

    private static String mapper(Object tree) throws IOException {
        StringWriter w = new StringWriter();
        JsonOutput.MAPPER.writeValue(w, tree);
        return w.toString();
    }

    private static String tree(com.fasterxml.jackson.databind.JsonNode tree) throws IOException {
        StringWriter w = new StringWriter();
        JsonTreeWriter.write(w, tree);
        return w.toString();
    }
}
