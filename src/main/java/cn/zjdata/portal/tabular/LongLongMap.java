package cn.zjdata.portal.tabular;

/**
 * A map from long to non-zero long in two primitive arrays: open addressing with linear probing, no
 * removal, doubling when three quarters full. Keys are expected to be well-mixed hashes, so the low bits
 * pick the slot directly. A zero value marks a free slot, which is why values must not be zero.
 */
final class LongLongMap {

    private long[] keys;
    private long[] values;
    private int mask;
    private int size;

    LongLongMap(int expected) {
        int capacity = Integer.highestOneBit(Math.max(4, expected * 4 / 3) - 1) << 1;
        keys = new long[capacity];
        values = new long[capacity];
        mask = capacity - 1;
    }

    /** The value of {@code key}, or 0 when it has none. */
    long get(long key) {
        for (int slot = (int) key & mask; ; slot = (slot + 1) & mask) {
            if (values[slot] == 0 || keys[slot] == key) {
                return values[slot];
            }
        }
    }

    void put(long key, long value) {
        if (value == 0) {
            throw new IllegalArgumentException("a value must not be 0");
        }
        int slot = (int) key & mask;
        while (values[slot] != 0 && keys[slot] != key) {
            slot = (slot + 1) & mask;
        }
        if (values[slot] == 0) {
            if (size + 1 > (mask + 1) / 4 * 3) {
                grow();
                put(key, value);
                return;
            }
            size++;
        }
        keys[slot] = key;
        values[slot] = value;
    }

    int size() {
        return size;
    }

    private void grow() {
        long[] oldKeys = keys;
        long[] oldValues = values;
        int capacity = oldKeys.length * 2;
        if (capacity <= 0) {
            throw new IllegalStateException("too many entries for one map");
        }
        keys = new long[capacity];
        values = new long[capacity];
        mask = capacity - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldValues[i] != 0) {
                int slot = (int) oldKeys[i] & mask;
                while (values[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = oldKeys[i];
                values[slot] = oldValues[i];
            }
        }
    }
}
