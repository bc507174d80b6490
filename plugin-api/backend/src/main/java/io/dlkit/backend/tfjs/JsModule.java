package io.dlkit.backend.tfjs;

import io.dlkit.backend.io.DataFormatException;

/**
 * The value a bundled JavaScript module exports ({@code exports={...}} or {@code
 * exports="base64..."}), as TF.js models wrapped in {@code .min.js} files (nsfwjs) hold their
 * topology and their weight shards.
 */
final class JsModule {
    private JsModule() {}

    /** The literal after the first {@code exports=} in {@code js}. */
    static Object exportedValue(String js, String source) {
        int at = js.indexOf("exports=");
        while (at >= 0) {
            int start = at + "exports=".length();
            char c = start < js.length() ? js.charAt(start) : ' ';
            if (c == '{' || c == '[' || c == '"' || c == '\'') {
                return JsLiteral.parseAt(js, start, source);
            }
            at = js.indexOf("exports=", start);
        }
        throw new DataFormatException(
                source
                        + ": no 'exports=' literal; is it a TF.js model"
                        + " bundle (model.min.js or group1-shard*.min.js)?");
    }
}
