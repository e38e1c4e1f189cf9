/* interp: a bytecode interpreter. A small stack machine (32-bit words,
 * eight local variables, a switch-dispatched loop) runs a program that adds
 * up the Collatz trajectory lengths of 1..LIMIT, then the number of primes
 * below 20000 by trial division, both written in its bytecode.
 *
 * Stresses: the dispatch loop's indirect jump through a jump table (one per
 * bytecode instruction, to many targets), loads from the bytecode stream,
 * an in-memory operand stack, division on the prime search.
 *
 * Self-check: the same two computations written directly in C must give
 * the interpreter's results. */
#include "bench.h"

/* Size parameter: the Collatz limit. */
#ifndef BENCH_SCALE
#define BENCH_SCALE 45000
#endif

#define PRIME_LIMIT 20000u

enum op {
    OP_HALT,
    OP_PUSH,  /* imm: push the next word */
    OP_LOAD,  /* local index */
    OP_STORE, /* local index; pops */
    OP_DUP,
    OP_ADD,
    OP_SUB,
    OP_MUL,
    OP_REM,
    OP_AND,
    OP_SHR1,
    OP_LT, /* a b -> a < b (unsigned) */
    OP_EQ,
    OP_JMP,  /* absolute target */
    OP_JZ,   /* pops; jumps if zero */
    OP_JNZ,  /* pops; jumps if not zero */
    OP_INC,  /* local index: local += 1 */
    OP_OUT,  /* pops into the output register */
};

struct vm {
    uint32_t stack[64];
    uint32_t locals[8];
    uint32_t output[4];
    uint32_t outputs;
    uint64_t executed;
};

static void run(struct vm *vm, const uint32_t *code) {
    uint32_t pc = 0, sp = 0;
    uint32_t *s = vm->stack;
    uint64_t executed = 0;
    for (;;) {
        ++executed;
        switch ((enum op)code[pc++]) {
        case OP_HALT:
            vm->executed = executed;
            return;
        case OP_PUSH: s[sp++] = code[pc++]; break;
        case OP_LOAD: s[sp++] = vm->locals[code[pc++]]; break;
        case OP_STORE: vm->locals[code[pc++]] = s[--sp]; break;
        case OP_DUP: s[sp] = s[sp - 1]; ++sp; break;
        case OP_ADD: --sp; s[sp - 1] += s[sp]; break;
        case OP_SUB: --sp; s[sp - 1] -= s[sp]; break;
        case OP_MUL: --sp; s[sp - 1] *= s[sp]; break;
        case OP_REM: --sp; s[sp - 1] %= s[sp]; break;
        case OP_AND: --sp; s[sp - 1] &= s[sp]; break;
        case OP_SHR1: s[sp - 1] >>= 1; break;
        case OP_LT: --sp; s[sp - 1] = s[sp - 1] < s[sp]; break;
        case OP_EQ: --sp; s[sp - 1] = s[sp - 1] == s[sp]; break;
        case OP_JMP: pc = code[pc]; break;
        case OP_JZ: pc = s[--sp] == 0 ? code[pc] : pc + 1; break;
        case OP_JNZ: pc = s[--sp] != 0 ? code[pc] : pc + 1; break;
        case OP_INC: ++vm->locals[code[pc++]]; break;
        case OP_OUT: vm->output[vm->outputs++ & 3] = s[--sp]; break;
        }
    }
}

/* A tiny assembler with backpatched labels, so the program below reads in
 * order. */
#define MAX_CODE 256
#define MAX_LABELS 16

struct assembler {
    uint32_t code[MAX_CODE];
    uint32_t size;
    uint32_t label_at[MAX_LABELS];
    uint32_t fixup_at[MAX_CODE]; /* code index of a jump target ... */
    uint32_t fixup_label[MAX_CODE]; /* ... and the label it names */
    uint32_t fixups;
};

static void emit(struct assembler *as, uint32_t word) { as->code[as->size++] = word; }
static void emit2(struct assembler *as, enum op op, uint32_t operand) {
    emit(as, op);
    emit(as, operand);
}
static void label(struct assembler *as, uint32_t l) { as->label_at[l] = as->size; }
static void jump(struct assembler *as, enum op op, uint32_t l) {
    emit(as, op);
    as->fixup_at[as->fixups] = as->size;
    as->fixup_label[as->fixups++] = l;
    emit(as, 0);
}
static void resolve_labels(struct assembler *as) {
    for (uint32_t i = 0; i < as->fixups; ++i) as->code[as->fixup_at[i]] = as->label_at[as->fixup_label[i]];
}

enum { I, N, STEPS, TOTAL, LIMIT, D, COUNT };
enum { COLLATZ_OUTER, COLLATZ_INNER, COLLATZ_EVEN, COLLATZ_NEXT, COLLATZ_DONE,
       PRIME_OUTER, PRIME_INNER, PRIME_IS, PRIME_NOT, PRIME_DONE };

static void assemble(struct assembler *as, uint32_t collatz_limit) {
    /* total = 0; for (i = 1; i <= limit; ++i) { n = i; while (n != 1)
     * { n = n odd ? 3n + 1 : n / 2; ++total; } } out(total) */
    emit2(as, OP_PUSH, collatz_limit);
    emit2(as, OP_STORE, LIMIT);
    emit2(as, OP_PUSH, 0);
    emit2(as, OP_STORE, TOTAL);
    emit2(as, OP_PUSH, 1);
    emit2(as, OP_STORE, I);
    label(as, COLLATZ_OUTER);
    emit2(as, OP_LOAD, LIMIT);
    emit2(as, OP_LOAD, I);
    emit(as, OP_LT);
    jump(as, OP_JNZ, COLLATZ_DONE);
    emit2(as, OP_LOAD, I);
    emit2(as, OP_STORE, N);
    label(as, COLLATZ_INNER);
    emit2(as, OP_LOAD, N);
    emit2(as, OP_PUSH, 1);
    emit(as, OP_EQ);
    jump(as, OP_JNZ, COLLATZ_NEXT);
    emit2(as, OP_INC, TOTAL);
    emit2(as, OP_LOAD, N);
    emit(as, OP_DUP);
    emit2(as, OP_PUSH, 1);
    emit(as, OP_AND);
    jump(as, OP_JZ, COLLATZ_EVEN);
    emit2(as, OP_PUSH, 3);
    emit(as, OP_MUL);
    emit2(as, OP_PUSH, 1);
    emit(as, OP_ADD);
    emit2(as, OP_STORE, N);
    jump(as, OP_JMP, COLLATZ_INNER);
    label(as, COLLATZ_EVEN);
    emit(as, OP_SHR1);
    emit2(as, OP_STORE, N);
    jump(as, OP_JMP, COLLATZ_INNER);
    label(as, COLLATZ_NEXT);
    emit2(as, OP_INC, I);
    jump(as, OP_JMP, COLLATZ_OUTER);
    label(as, COLLATZ_DONE);
    emit2(as, OP_LOAD, TOTAL);
    emit(as, OP_OUT);

    /* count = 0; for (i = 2; i < PRIME_LIMIT; ++i) { for (d = 2; d * d <= i;
     * ++d) if (i % d == 0) goto not; ++count; not:; } out(count) */
    emit2(as, OP_PUSH, 0);
    emit2(as, OP_STORE, COUNT);
    emit2(as, OP_PUSH, 2);
    emit2(as, OP_STORE, I);
    label(as, PRIME_OUTER);
    emit2(as, OP_LOAD, I);
    emit2(as, OP_PUSH, PRIME_LIMIT);
    emit(as, OP_LT);
    jump(as, OP_JZ, PRIME_DONE);
    emit2(as, OP_PUSH, 2);
    emit2(as, OP_STORE, D);
    label(as, PRIME_INNER);
    emit2(as, OP_LOAD, I);
    emit2(as, OP_LOAD, D);
    emit(as, OP_DUP);
    emit(as, OP_MUL);
    emit(as, OP_LT);
    jump(as, OP_JNZ, PRIME_IS);
    emit2(as, OP_LOAD, I);
    emit2(as, OP_LOAD, D);
    emit(as, OP_REM);
    jump(as, OP_JZ, PRIME_NOT);
    emit2(as, OP_INC, D);
    jump(as, OP_JMP, PRIME_INNER);
    label(as, PRIME_IS);
    emit2(as, OP_INC, COUNT);
    label(as, PRIME_NOT);
    emit2(as, OP_INC, I);
    jump(as, OP_JMP, PRIME_OUTER);
    label(as, PRIME_DONE);
    emit2(as, OP_LOAD, COUNT);
    emit(as, OP_OUT);
    emit(as, OP_HALT);
    resolve_labels(as);
}

static uint32_t collatz_total(uint32_t limit) {
    uint32_t total = 0;
    for (uint32_t i = 1; i <= limit; ++i)
        for (uint32_t n = i; n != 1; ++total) n = (n & 1) ? 3 * n + 1 : n >> 1;
    return total;
}

static uint32_t primes_below(uint32_t limit) {
    uint32_t count = 0;
    for (uint32_t i = 2; i < limit; ++i) {
        uint32_t d = 2;
        while (d * d <= i && i % d != 0) ++d;
        count += d * d > i;
    }
    return count;
}

int main(void) {
    static struct assembler as BENCH_PAGE_ALIGNED;
    static struct vm vm BENCH_PAGE_ALIGNED;
    uint32_t limit = bench_opaque_u32(BENCH_SCALE);
    assemble(&as, limit);
    run(&vm, as.code);

    int ok = 1;
    ok &= bench_expect("interp", "results produced", vm.outputs, 2);
    ok &= bench_expect("interp", "Collatz total", vm.output[0], collatz_total(limit));
    ok &= bench_expect("interp", "primes below PRIME_LIMIT", vm.output[1], primes_below(PRIME_LIMIT));
    uint64_t checksum = bench_fold(bench_fold(bench_fold(0, vm.output[0]), vm.output[1]), vm.executed);
    return bench_report("interp", checksum, ok);
}
