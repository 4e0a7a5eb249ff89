package io.mirrorscope.core.mirror;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * MurmurHash3 x64 128-bit (Austin Appleby's public-domain algorithm), streaming: bytes, ints and longs are fed in
 * any number of calls and the result equals the one-shot hash of their little-endian concatenation. Written here
 * (about a page) rather than adding a hashing library for one function. Not thread-safe; reuse one per thread with
 * {@link #reset(long)}.
 */
public final class Murmur3 {

    private static final long C1 = 0x87c37b91114253d5L;
    private static final long C2 = 0x4cf5ad432745937fL;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);

    private final byte[] tail = new byte[16];
    private int tailLength;
    private long h1;
    private long h2;
    private long length;

    public Murmur3() {
        reset(0);
    }

    /** Starts a new hash with the given seed. */
    public Murmur3 reset(long seed) {
        h1 = seed;
        h2 = seed;
        tailLength = 0;
        length = 0;
        return this;
    }

    public Murmur3 putByte(byte b) {
        tail[tailLength++] = b;
        length++;
        if (tailLength == 16) {
            block((long) LONGS.get(tail, 0), (long) LONGS.get(tail, 8));
            tailLength = 0;
        }
        return this;
    }

    public Murmur3 putInt(int v) {
        for (int i = 0; i < 4; i++) {
            putByte((byte) (v >>> (8 * i)));
        }
        return this;
    }

    public Murmur3 putLong(long v) {
        for (int i = 0; i < 8; i++) {
            putByte((byte) (v >>> (8 * i)));
        }
        return this;
    }

    /** Each char as two bytes (UTF-16LE): header names hash without being encoded to a new array. */
    public Murmur3 putChars(CharSequence s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            putByte((byte) c);
            putByte((byte) (c >>> 8));
        }
        return this;
    }

    public Murmur3 putBytes(byte[] b) {
        return putBytes(b, 0, b.length);
    }

    public Murmur3 putBytes(byte[] b, int off, int len) {
        int i = off;
        int end = off + len;
        while (tailLength != 0 && i < end) {
            putByte(b[i++]);
        }
        // whole blocks straight from the array: the common path for values
        while (end - i >= 16) {
            block((long) LONGS.get(b, i), (long) LONGS.get(b, i + 8));
            i += 16;
            length += 16;
        }
        while (i < end) {
            putByte(b[i++]);
        }
        return this;
    }

    private void block(long k1, long k2) {
        h1 ^= mixK1(k1);
        h1 = Long.rotateLeft(h1, 27);
        h1 += h2;
        h1 = h1 * 5 + 0x52dce729;
        h2 ^= mixK2(k2);
        h2 = Long.rotateLeft(h2, 31);
        h2 += h1;
        h2 = h2 * 5 + 0x38495ab5;
    }

    private static long mixK1(long k1) {
        k1 *= C1;
        k1 = Long.rotateLeft(k1, 31);
        return k1 * C2;
    }

    private static long mixK2(long k2) {
        k2 *= C2;
        k2 = Long.rotateLeft(k2, 33);
        return k2 * C1;
    }

    private static long fmix(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb9fe1a85ec53L;
        k ^= k >>> 33;
        return k;
    }

    /** Finishes the hash; {@code out[0]} and {@code out[1]} receive its two 64-bit halves. State is left spent. */
    public void finish(long[] out) {
        long k1 = 0;
        long k2 = 0;
        for (int i = tailLength - 1; i >= 8; i--) {
            k2 = (k2 << 8) | (tail[i] & 0xffL);
        }
        for (int i = Math.min(tailLength, 8) - 1; i >= 0; i--) {
            k1 = (k1 << 8) | (tail[i] & 0xffL);
        }
        long a = h1;
        long b = h2;
        if (tailLength > 8) {
            b ^= mixK2(k2);
        }
        if (tailLength > 0) {
            a ^= mixK1(k1);
        }
        a ^= length;
        b ^= length;
        a += b;
        b += a;
        a = fmix(a);
        b = fmix(b);
        a += b;
        b += a;
        out[0] = a;
        out[1] = b;
    }

    /** The one-shot 128-bit hash of {@code data}: {@code {h1, h2}}. */
    public static long[] hash128(byte[] data, long seed) {
        long[] out = new long[2];
        new Murmur3().reset(seed).putBytes(data).finish(out);
        return out;
    }
}
