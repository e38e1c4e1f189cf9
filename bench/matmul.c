/* matmul: square integer matrix products, C = A x B over 32-bit integers
 * (arithmetic modulo 2^32), chained: each product becomes the next A.
 *
 * Stresses: 32-bit multiply-accumulate in a triple loop, loads and stores
 * (i-k-j order: the inner loop runs along a row of B and a row of C), 2-D
 * address arithmetic.
 *
 * Self-check: every product is verified with Freivalds' check, which uses a
 * different computation: for a pseudo-random vector x, A (B x) must equal
 * C x. Integers modulo 2^32 form a ring, so the identity is exact; it costs
 * two matrix-vector products (O(N^2)) against the O(N^3) product, and three
 * vectors are tried per product. */
#include "bench.h"

/* Size parameter: number of chained products. */
#ifndef BENCH_SCALE
#define BENCH_SCALE 500
#endif

#define N 96

static uint32_t a[N][N] BENCH_PAGE_ALIGNED, b[N][N] BENCH_PAGE_ALIGNED, c[N][N] BENCH_PAGE_ALIGNED;

static void multiply(uint32_t (*out)[N], uint32_t (*left)[N], uint32_t (*right)[N]) {
    for (int i = 0; i < N; ++i) {
        for (int j = 0; j < N; ++j) out[i][j] = 0;
        for (int k = 0; k < N; ++k) {
            uint32_t l = left[i][k];
            for (int j = 0; j < N; ++j) out[i][j] += l * right[k][j];
        }
    }
}

static void multiply_vector(uint32_t *out, uint32_t (*m)[N], const uint32_t *v) {
    for (int i = 0; i < N; ++i) {
        uint32_t sum = 0;
        for (int j = 0; j < N; ++j) sum += m[i][j] * v[j];
        out[i] = sum;
    }
}

/* Freivalds: 1 if left x right == product passes for `trials` random vectors. */
static int freivalds(uint32_t (*left)[N], uint32_t (*right)[N], uint32_t (*product)[N], uint32_t *seed) {
    uint32_t x[N], rx[N], lrx[N], px[N];
    for (int trial = 0; trial < 3; ++trial) {
        for (int i = 0; i < N; ++i) x[i] = bench_rand32(seed);
        multiply_vector(rx, right, x);
        multiply_vector(lrx, left, rx);
        multiply_vector(px, product, x);
        for (int i = 0; i < N; ++i)
            if (lrx[i] != px[i]) return 0;
    }
    return 1;
}

int main(void) {
    uint32_t seed = 0xc0ffee11u;
    for (int i = 0; i < N; ++i)
        for (int j = 0; j < N; ++j) {
            a[i][j] = bench_rand32(&seed) & 0xffffu;
            b[i][j] = bench_rand32(&seed) & 0xffffu;
        }

    int ok = 1;
    uint32_t products = bench_opaque_u32(BENCH_SCALE);
    uint64_t checksum = 0;
    uint32_t check_seed = 0x5eed5eedu;
    for (uint32_t p = 0; p < products; ++p) {
        multiply(c, a, b);
        ok &= bench_expect("matmul", "Freivalds check of product", (uint64_t)freivalds(a, b, c, &check_seed), 1);
        uint32_t sum = 0, weighted = 0;
        for (int i = 0; i < N; ++i)
            for (int j = 0; j < N; ++j) {
                sum += c[i][j];
                weighted += c[i][j] * (uint32_t)(i * N + j + 1);
                a[i][j] = c[i][j];
            }
        checksum = bench_fold(checksum, ((uint64_t)weighted << 32) | sum);
    }
    return bench_report("matmul", checksum, ok);
}
