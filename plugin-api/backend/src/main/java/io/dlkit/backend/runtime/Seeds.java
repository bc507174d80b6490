package io.dlkit.backend.runtime;

import java.nio.charset.StandardCharsets;

/** Derives independent, reproducible seeds from a base seed and a name. */
public final class Seeds {
    private Seeds() {}

    /**
     * Mixes a base seed and a name into a new 63-bit non-negative seed (FNV-1a over the name, then
     * the SplitMix64 finaliser), stable across JVMs and platforms.
     */
    public static long derive(long base, String name) {
        long h = 0xcbf29ce484222325L ^ base;
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        h += 0x9e3779b97f4a7c15L;
        h = (h ^ (h >>> 30)) * 0xbf58476d1ce4e5b9L;
        h = (h ^ (h >>> 27)) * 0x94d049bb133111ebL;
        return (h ^ (h >>> 31)) & Long.MAX_VALUE;
    }
}
