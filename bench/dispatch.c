/* dispatch: small functions called through pointers — an operation table
 * indexed by data, "objects" that carry a table of their own methods, and a
 * recursive tree walk that calls a visitor through a pointer at every node.
 *
 * Stresses: indirect calls to many targets, returns (indirect jumps to the
 * many call sites), tiny function bodies (prologues, epilogues, argument
 * registers), direct calls to helpers the compiler is told not to inline.
 *
 * Self-check, independent of the calls: the operation sequence is also
 * evaluated by a switch statement in one function; the objects' totals are
 * also computed from their kinds with no method call; the tree walk must
 * visit every node once, in key order, and add up to the closed-form sum of
 * the keys. */
#include "bench.h"

/* Size parameter: rounds of all three parts. */
#ifndef BENCH_SCALE
#define BENCH_SCALE 5000
#endif

#define NOINLINE __attribute__((noinline))

/* Part 1: an operation table. */

#define OPERATIONS 16u
#define PROGRAM_LENGTH 4096u

typedef uint32_t (*operation)(uint32_t acc, uint32_t operand);

static NOINLINE uint32_t rotate_left(uint32_t x, uint32_t by) {
    by &= 31u;
    return by == 0 ? x : (x << by) | (x >> (32u - by));
}

static uint32_t op_add(uint32_t a, uint32_t x) { return a + x; }
static uint32_t op_sub(uint32_t a, uint32_t x) { return a - x; }
static uint32_t op_xor(uint32_t a, uint32_t x) { return a ^ x; }
static uint32_t op_add_shifted(uint32_t a, uint32_t x) { return a + (x >> 7); }
static uint32_t op_xor_masked(uint32_t a, uint32_t x) { return a ^ (x & 0xf0f0u); }
static uint32_t op_mul(uint32_t a, uint32_t x) { return a * (x | 1u); }
static uint32_t op_mul_add(uint32_t a, uint32_t x) { return a * 33u + x; }
static uint32_t op_rotate(uint32_t a, uint32_t x) { return rotate_left(a, x); }
static uint32_t op_rotate_xor(uint32_t a, uint32_t x) { return rotate_left(a ^ x, 13u); }
static uint32_t op_by_parity(uint32_t a, uint32_t x) { return (a & 1u) ? a ^ (x & ~1u) : a + (x << 1); }
static uint32_t op_by_bit(uint32_t a, uint32_t x) { return (x & 2u) ? rotate_left(a, 7u) : a - (x >> 3); }
static uint32_t op_negate(uint32_t a, uint32_t x) { return (0u - a) + (x & 0xffu); }
static uint32_t op_swap_halves(uint32_t a, uint32_t x) { return ((a << 16) | (a >> 16)) ^ (x & 0xffu); }
static uint32_t op_xorshift(uint32_t a, uint32_t x) { return (a ^ (a << 9)) + x; }
static uint32_t op_select(uint32_t a, uint32_t x) { return (x & 1u) ? a + 0x9e3779b9u : a ^ x; }
static uint32_t op_mix(uint32_t a, uint32_t x) { return (a ^ (a >> 15)) * 0x2c1b3c6du + x; }

/* Each is a bijection of acc for a fixed operand, so the result depends on
 * every step of the sequence, not just on the last few. */
static const operation operations[OPERATIONS] = {
    op_add,        op_sub,       op_xor,    op_add_shifted, op_xor_masked,  op_mul,      op_mul_add, op_rotate,
    op_rotate_xor, op_by_parity, op_by_bit, op_negate,      op_swap_halves, op_xorshift, op_select,  op_mix,
};

static uint8_t program[PROGRAM_LENGTH] BENCH_PAGE_ALIGNED;
static uint32_t operands[PROGRAM_LENGTH] BENCH_PAGE_ALIGNED;

static NOINLINE uint32_t run_table(uint32_t acc) {
    for (uint32_t i = 0; i < PROGRAM_LENGTH; ++i) acc = operations[program[i]](acc, operands[i]);
    return acc;
}

/* The same operations written out in one switch: no calls (rotl is
 * rotate_left without the noinline, so it melts into the switch). */
static uint32_t rotl(uint32_t x, uint32_t by) {
    by &= 31u;
    return by == 0 ? x : (x << by) | (x >> (32u - by));
}

static uint32_t run_switch(uint32_t acc) {
    for (uint32_t i = 0; i < PROGRAM_LENGTH; ++i) {
        uint32_t x = operands[i], a = acc;
        switch (program[i]) {
        case 0: acc = a + x; break;
        case 1: acc = a - x; break;
        case 2: acc = a ^ x; break;
        case 3: acc = a + (x >> 7); break;
        case 4: acc = a ^ (x & 0xf0f0u); break;
        case 5: acc = a * (x | 1u); break;
        case 6: acc = a * 33u + x; break;
        case 7: acc = rotl(a, x); break;
        case 8: acc = rotl(a ^ x, 13u); break;
        case 9: acc = (a & 1u) ? a ^ (x & ~1u) : a + (x << 1); break;
        case 10: acc = (x & 2u) ? rotl(a, 7u) : a - (x >> 3); break;
        case 11: acc = (0u - a) + (x & 0xffu); break;
        case 12: acc = ((a << 16) | (a >> 16)) ^ (x & 0xffu); break;
        case 13: acc = (a ^ (a << 9)) + x; break;
        case 14: acc = (x & 1u) ? a + 0x9e3779b9u : a ^ x; break;
        default: acc = (a ^ (a >> 15)) * 0x2c1b3c6du + x; break;
        }
    }
    return acc;
}

/* Part 2: objects with methods. */

#define SHAPES 1024u

struct shape;
struct shape_methods {
    uint32_t (*area)(const struct shape *);
    uint32_t (*perimeter)(const struct shape *);
    void (*grow)(struct shape *, uint32_t by);
};

enum shape_kind { SQUARE, RECTANGLE, RIGHT_TRIANGLE, KINDS };

struct shape {
    const struct shape_methods *methods;
    enum shape_kind kind;
    uint32_t a, b;
};

static uint32_t square_area(const struct shape *s) { return s->a * s->a; }
static uint32_t square_perimeter(const struct shape *s) { return 4u * s->a; }
static void square_grow(struct shape *s, uint32_t by) { s->a += by; }
static uint32_t rectangle_area(const struct shape *s) { return s->a * s->b; }
static uint32_t rectangle_perimeter(const struct shape *s) { return 2u * (s->a + s->b); }
static void rectangle_grow(struct shape *s, uint32_t by) {
    s->a += by;
    s->b += 2u * by;
}
/* Legs a and b; the "perimeter" leaves out the hypotenuse to stay integral. */
static uint32_t triangle_area(const struct shape *s) { return s->a * s->b / 2u; }
static uint32_t triangle_perimeter(const struct shape *s) { return s->a + s->b; }
static void triangle_grow(struct shape *s, uint32_t by) { s->b += by; }

static const struct shape_methods methods[KINDS] = {
    {square_area, square_perimeter, square_grow},
    {rectangle_area, rectangle_perimeter, rectangle_grow},
    {triangle_area, triangle_perimeter, triangle_grow},
};

static struct shape shapes[SHAPES] BENCH_PAGE_ALIGNED;

static void make_shapes(uint32_t *seed) {
    for (uint32_t i = 0; i < SHAPES; ++i) {
        uint32_t r = bench_rand32(seed);
        enum shape_kind kind = (enum shape_kind)(r % KINDS);
        shapes[i] = (struct shape){&methods[kind], kind, 1u + (r >> 8) % 64u, 1u + (r >> 16) % 64u};
    }
}

static NOINLINE uint64_t measure_shapes(uint32_t by) {
    uint32_t area = 0, perimeter = 0;
    for (uint32_t i = 0; i < SHAPES; ++i) {
        struct shape *s = &shapes[i];
        area += s->methods->area(s);
        perimeter += s->methods->perimeter(s);
        s->methods->grow(s, by);
    }
    return ((uint64_t)area << 32) | perimeter;
}

/* The same from the kinds, before growing, with no calls. */
static uint64_t expected_shapes(void) {
    uint32_t area = 0, perimeter = 0;
    for (uint32_t i = 0; i < SHAPES; ++i) {
        const struct shape *s = &shapes[i];
        if (s->kind == SQUARE) {
            area += s->a * s->a;
            perimeter += 4u * s->a;
        } else if (s->kind == RECTANGLE) {
            area += s->a * s->b;
            perimeter += 2u * (s->a + s->b);
        } else {
            area += s->a * s->b / 2u;
            perimeter += s->a + s->b;
        }
    }
    return ((uint64_t)area << 32) | perimeter;
}

/* Part 3: a binary search tree of TREE_NODES keys (a complete tree stored
 * in an array, children at 2i+1 and 2i+2), walked in order recursively. */

#define TREE_DEPTH 10u
#define TREE_NODES ((1u << TREE_DEPTH) - 1u)

static uint32_t tree_keys[TREE_NODES] BENCH_PAGE_ALIGNED;

struct visit {
    uint32_t count, sum, last, out_of_order, hash;
};

typedef void (*visitor)(struct visit *, uint32_t key);

static void visit_key(struct visit *v, uint32_t key) {
    v->out_of_order += v->count > 0 && key <= v->last;
    v->last = key;
    v->sum += key;
    v->hash = rotl(v->hash, 5u) ^ key;
    ++v->count;
}

/* Keys in order: the in-order rank of node i, times three plus an offset. */
static uint32_t fill_tree(uint32_t node, uint32_t next_rank, uint32_t offset) {
    if (node >= TREE_NODES) return next_rank;
    next_rank = fill_tree(2u * node + 1u, next_rank, offset);
    tree_keys[node] = 3u * next_rank + offset;
    return fill_tree(2u * node + 2u, next_rank + 1u, offset);
}

/* noipa, not just noinline: the only visitor passed is visit_key, and GCC
 * would otherwise clone the walk for it and call visit_key directly. */
static __attribute__((noipa)) void walk_tree(uint32_t node, visitor visit, struct visit *v) {
    if (node >= TREE_NODES) return;
    walk_tree(2u * node + 1u, visit, v);
    visit(v, tree_keys[node]);
    walk_tree(2u * node + 2u, visit, v);
}

int main(void) {
    uint32_t seed = 0xd15ba7c4u;
    for (uint32_t i = 0; i < PROGRAM_LENGTH; ++i) {
        program[i] = (uint8_t)(bench_rand32(&seed) % OPERATIONS);
        operands[i] = bench_rand32(&seed);
    }
    make_shapes(&seed);

    uint32_t rounds = bench_opaque_u32(BENCH_SCALE);
    uint64_t checksum = 0;
    uint32_t bad_table = 0, bad_shapes = 0, bad_walks = 0;
    uint32_t acc = 1u;
    for (uint32_t r = 0; r < rounds; ++r) {
        /* Checking against call-free code every round would double the
         * cost of parts 1 and 2; every 16th round is enough. */
        uint32_t got = run_table(acc);
        if (r % 16u == 0) bad_table += got != run_switch(acc);
        acc = got;

        if (r % 64u == 0) make_shapes(&seed); /* keep the sizes small */
        uint64_t want = r % 16u == 0 ? expected_shapes() : 0;
        uint64_t shapes_result = measure_shapes(1u + r % 3u);
        if (r % 16u == 0) bad_shapes += shapes_result != want;

        uint32_t offset = r * 7u;
        fill_tree(0, 0, offset);
        struct visit v = {0, 0, 0, 0, 0};
        walk_tree(0, visit_key, &v);
        /* sum of 3k + offset over k < TREE_NODES */
        uint32_t want_sum = 3u * (TREE_NODES * (TREE_NODES - 1u) / 2u) + TREE_NODES * offset;
        bad_walks += v.count != TREE_NODES || v.out_of_order != 0 || v.sum != want_sum;

        checksum = bench_fold(checksum, ((uint64_t)acc << 32) ^ shapes_result ^ v.hash);
    }
    int ok = bench_expect("dispatch", "rounds where table and switch differ", bad_table, 0);
    ok &= bench_expect("dispatch", "rounds where the methods' totals are wrong", bad_shapes, 0);
    ok &= bench_expect("dispatch", "tree walks that went wrong", bad_walks, 0);
    return bench_report("dispatch", checksum, ok);
}
