package io.dlkit.backend.tfjs;

import com.google.protobuf.ByteString;
import io.dlkit.backend.io.DataFormatException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.TensorProto;
import org.tensorflow.proto.TensorShapeProto;

/**
 * Protobuf-JSON (as TF.js writes a GraphDef's attributes) to TensorFlow's protobuf messages: bytes
 * are base64, 64-bit integers are strings, enums are their names ({@code DT_FLOAT}).
 */
final class ProtoJson {
    private ProtoJson() {}

    /** One {@code attr} value: {@code {"i": "1"}}, {@code {"list": {"s": [...]}}}, ... */
    static AttrValue attr(Map<?, ?> json, String where) {
        AttrValue.Builder a = AttrValue.newBuilder();
        for (Map.Entry<?, ?> e : json.entrySet()) {
            Object v = e.getValue();
            switch (String.valueOf(e.getKey())) {
                case "s" -> a.setS(bytes(v));
                case "i" -> a.setI(integer(v));
                case "f" -> a.setF((float) number(v));
                case "b" -> a.setB(Boolean.TRUE.equals(v));
                case "type" -> a.setType(dataType(v, where));
                case "shape" -> a.setShape(shape((Map<?, ?>) v));
                case "tensor" -> a.setTensor(tensor((Map<?, ?>) v, where));
                case "list" -> a.setList(list((Map<?, ?>) v, where));
                case "placeholder" -> a.setPlaceholder(String.valueOf(v));
                default ->
                        throw new DataFormatException(
                                where + ": unsupported attribute value kind '" + e.getKey() + "'");
            }
        }
        return a.build();
    }

    private static AttrValue.ListValue list(Map<?, ?> json, String where) {
        AttrValue.ListValue.Builder l = AttrValue.ListValue.newBuilder();
        for (Map.Entry<?, ?> e : json.entrySet()) {
            for (Object v : (List<?>) e.getValue()) {
                switch (String.valueOf(e.getKey())) {
                    case "s" -> l.addS(bytes(v));
                    case "i" -> l.addI(integer(v));
                    case "f" -> l.addF((float) number(v));
                    case "b" -> l.addB(Boolean.TRUE.equals(v));
                    case "type" -> l.addType(dataType(v, where));
                    case "shape" -> l.addShape(shape((Map<?, ?>) v));
                    case "tensor" -> l.addTensor(tensor((Map<?, ?>) v, where));
                    default ->
                            throw new DataFormatException(
                                    where
                                            + ": unsupported attribute list kind '"
                                            + e.getKey()
                                            + "'");
                }
            }
        }
        return l.build();
    }

    /** A {@code tensorShape}: {@code {"dim": [{"size": "1"}, ...]}} or {@code unknownRank}. */
    static TensorShapeProto shape(Map<?, ?> json) {
        TensorShapeProto.Builder s = TensorShapeProto.newBuilder();
        if (Boolean.TRUE.equals(json.get("unknownRank"))) s.setUnknownRank(true);
        if (json.get("dim") instanceof List<?> dims) {
            for (Object d : dims) {
                Object size = ((Map<?, ?>) d).get("size");
                s.addDim(
                        TensorShapeProto.Dim.newBuilder()
                                .setSize(size == null ? 0 : integer(size)));
            }
        }
        return s.build();
    }

    /** A tensor written inline in the topology (TF.js usually moves them into the weights). */
    static TensorProto tensor(Map<?, ?> json, String where) {
        TensorProto.Builder t = TensorProto.newBuilder();
        if (json.get("dtype") != null) t.setDtype(dataType(json.get("dtype"), where));
        if (json.get("tensorShape") instanceof Map<?, ?> s) t.setTensorShape(shape(s));
        if (json.get("tensorContent") != null) t.setTensorContent(bytes(json.get("tensorContent")));
        for (Object v : listOrEmpty(json.get("floatVal"))) t.addFloatVal((float) number(v));
        for (Object v : listOrEmpty(json.get("intVal"))) t.addIntVal((int) integer(v));
        for (Object v : listOrEmpty(json.get("int64Val"))) t.addInt64Val(integer(v));
        for (Object v : listOrEmpty(json.get("boolVal"))) t.addBoolVal(Boolean.TRUE.equals(v));
        for (Object v : listOrEmpty(json.get("stringVal"))) t.addStringVal(bytes(v));
        return t.build();
    }

    static DataType dataType(Object name, String where) {
        try {
            return DataType.valueOf(String.valueOf(name));
        } catch (IllegalArgumentException e) {
            throw new DataFormatException(where + ": unknown data type '" + name + "'");
        }
    }

    private static List<?> listOrEmpty(Object v) {
        return v instanceof List<?> l ? l : List.of();
    }

    private static ByteString bytes(Object base64) {
        return ByteString.copyFrom(Base64.getDecoder().decode(String.valueOf(base64)));
    }

    private static long integer(Object v) {
        return v instanceof Number n ? n.longValue() : Long.parseLong(String.valueOf(v));
    }

    private static double number(Object v) {
        return v instanceof Number n ? n.doubleValue() : Double.parseDouble(String.valueOf(v));
    }
}
