/* chase: pointer chasing round a linked list of 512 Ki nodes (8 MiB) laid
 * out in a random order, lap after lap. Each step's address is the value the
 * previous step loaded, so the loop runs at the speed of one dependent load
 * after another.
 *
 * Stresses: load latency (caches and TLBs: every step lands on a random one
 * of 2048 pages), a loop of a handful of instructions around one load chain.
 *
 * Self-check, independent of the traversal:
 *   - every lap must take exactly NODES steps back to its start (the list is
 *     one cycle through every node);
 *   - the values seen in a lap must add up to the closed form
 *     K * NODES * (NODES - 1) / 2 (node i holds i * K);
 *   - in the first lap the nodes must come in the order of the shuffled
 *     index array the list was linked from. */
#include "bench.h"

/* Size parameter: laps round the list. */
#ifndef BENCH_SCALE
#define BENCH_SCALE 16
#endif

#define NODES (1u << 19)
/* Odd, so i -> i * K is a bijection modulo 2^32 (Knuth's multiplicative hash). */
#define VALUE_MULTIPLIER 2654435761u

/* 16 bytes whatever the pointer size, so rv32, rv64 and the host walk the
 * same 8 MiB footprint. */
struct node {
    struct node *next;
    uint32_t value;
} __attribute__((aligned(16)));

static struct node nodes[NODES] BENCH_PAGE_ALIGNED;
static uint32_t order[NODES] BENCH_PAGE_ALIGNED;

/* A uniform index below bound (bound <= 2^32 - 1) without a division. */
static uint32_t below(uint32_t *seed, uint32_t bound) {
    return (uint32_t)(((uint64_t)bench_rand32(seed) * bound) >> 32);
}

/* Fisher-Yates shuffle of 0..NODES-1 into order[], then order[k] -> order[k+1]
 * and the last back to the first: one cycle through every node. */
static void build_list(void) {
    uint32_t seed = 0x0c0ffee5u;
    for (uint32_t i = 0; i < NODES; ++i) {
        order[i] = i;
        nodes[i].value = i * VALUE_MULTIPLIER;
    }
    for (uint32_t i = NODES - 1; i > 0; --i) {
        uint32_t j = below(&seed, i + 1);
        uint32_t t = order[i];
        order[i] = order[j];
        order[j] = t;
    }
    for (uint32_t k = 0; k + 1 < NODES; ++k) nodes[order[k]].next = &nodes[order[k + 1]];
    nodes[order[NODES - 1]].next = &nodes[order[0]];
}

struct lap {
    uint32_t steps, sum, hash;
};

static struct lap walk(const struct node *start) {
    struct lap lap = {0, 0, 2166136261u};
    const struct node *p = start;
    do {
        lap.sum += p->value;
        lap.hash = (lap.hash ^ p->value) * 16777619u; /* FNV-1a's step, order-sensitive */
        p = p->next;
        ++lap.steps;
    } while (p != start && lap.steps <= NODES); /* a broken list ends the lap with steps > NODES */
    return lap;
}

static int follows_order(void) {
    const struct node *p = &nodes[order[0]];
    for (uint32_t k = 0; k < NODES; ++k, p = p->next)
        if (p != &nodes[order[k]]) return 0;
    return p == &nodes[order[0]];
}

int main(void) {
    build_list();
    int ok = bench_expect("chase", "first lap follows the shuffled order", (uint64_t)follows_order(), 1);

    const uint32_t expected_sum = (uint32_t)((uint64_t)NODES * (NODES - 1) / 2) * VALUE_MULTIPLIER;
    uint32_t laps = bench_opaque_u32(BENCH_SCALE);
    uint64_t checksum = 0;
    /* Each lap starts one node further on, so no two laps are the same work
     * to an optimiser and the hashes differ from lap to lap. */
    const struct node *start = &nodes[order[0]];
    for (uint32_t l = 0; l < laps; ++l) {
        struct lap lap = walk(start);
        ok &= bench_expect("chase", "steps in a lap", lap.steps, NODES);
        ok &= bench_expect("chase", "sum of a lap", lap.sum, expected_sum);
        checksum = bench_fold(checksum, lap.hash);
        start = start->next;
    }
    return bench_report("chase", checksum, ok);
}
