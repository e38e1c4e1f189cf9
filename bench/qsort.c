/* qsort: quicksort of pseudo-random 32-bit integers; every round fills the
 * array afresh and sorts it.
 *
 * Stresses: hard-to-predict compare branches, loads and stores at two
 * moving indices, recursion and calls (median-of-three, Hoare partition,
 * insertion sort below a cut-off, recursing into the smaller part).
 *
 * Self-check, independent of the sort: after each sort the array must be
 * in non-decreasing order, and must still hold the same multiset of values:
 * the order-independent fingerprints (sum, xor, sum of squares modulo 2^64)
 * taken while filling must match the sorted array's. */
#include "bench.h"

/* Size parameter: rounds of fill-and-sort. */
#ifndef BENCH_SCALE
#define BENCH_SCALE 100
#endif

#define COUNT 100000

static uint32_t values[COUNT] BENCH_PAGE_ALIGNED;

struct fingerprint {
    uint64_t sum, squares;
    uint32_t xor;
};

static void fingerprint_add(struct fingerprint *f, uint32_t v) {
    f->sum += v;
    f->squares += (uint64_t)v * v;
    f->xor ^= v;
}

static void insertion_sort(uint32_t *v, int count) {
    for (int i = 1; i < count; ++i) {
        uint32_t x = v[i];
        int j = i - 1;
        while (j >= 0 && v[j] > x) {
            v[j + 1] = v[j];
            --j;
        }
        v[j + 1] = x;
    }
}

static void swap(uint32_t *x, uint32_t *y) {
    uint32_t t = *x;
    *x = *y;
    *y = t;
}

static void quicksort(uint32_t *v, int count) {
    while (count > 16) {
        /* Median of first, middle and last as the pivot. */
        int mid = (count - 1) / 2;  /* never the last element: j < count - 1 */
        if (v[mid] < v[0]) swap(&v[mid], &v[0]);
        if (v[count - 1] < v[0]) swap(&v[count - 1], &v[0]);
        if (v[count - 1] < v[mid]) swap(&v[count - 1], &v[mid]);
        uint32_t pivot = v[mid];

        /* Hoare partition: afterwards v[0..j] <= pivot <= v[j+1..count-1]. */
        int i = -1, j = count;
        for (;;) {
            do ++i; while (v[i] < pivot);
            do --j; while (v[j] > pivot);
            if (i >= j) break;
            swap(&v[i], &v[j]);
        }
        int left = j + 1, right = count - left;
        if (left < right) {
            quicksort(v, left);
            v += left;
            count = right;
        } else {
            quicksort(v + left, right);
            count = left;
        }
    }
    insertion_sort(v, count);
}

int main(void) {
    int ok = 1;
    uint32_t seed = 0x2545f491u;
    uint32_t rounds = bench_opaque_u32(BENCH_SCALE);
    uint64_t checksum = 0;
    for (uint32_t round = 0; round < rounds; ++round) {
        struct fingerprint before = {0, 0, 0}, after = {0, 0, 0};
        /* Every fourth round uses few distinct values, to exercise runs of
         * keys equal to the pivot. */
        uint32_t mask = (round % 4 == 3) ? 0x3ffu : 0xffffffffu;
        for (int i = 0; i < COUNT; ++i) {
            values[i] = bench_rand32(&seed) & mask;
            fingerprint_add(&before, values[i]);
        }

        quicksort(values, COUNT);

        uint32_t disorders = 0, weighted = 0;
        for (int i = 0; i < COUNT; ++i) {
            fingerprint_add(&after, values[i]);
            if (i > 0 && values[i - 1] > values[i]) ++disorders;
            weighted += values[i] * (uint32_t)(i + 1);
        }
        ok &= bench_expect("qsort", "elements out of order", disorders, 0);
        ok &= bench_expect("qsort", "sum of elements", after.sum, before.sum);
        ok &= bench_expect("qsort", "sum of squares", after.squares, before.squares);
        ok &= bench_expect("qsort", "xor of elements", after.xor, before.xor);
        checksum = bench_fold(checksum, ((uint64_t)weighted << 32) | values[COUNT / 2]);
    }
    return bench_report("qsort", checksum, ok);
}
