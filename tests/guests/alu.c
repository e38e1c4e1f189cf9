/* alu: the RV32I/RV64I integer instructions (unprivileged ISA chapters 2 and
 * 5) and their compressed forms (chapter 16), each run on operands chosen at
 * the edges: sign boundaries, shift amounts 0 and XLEN-1, immediates at the
 * ends of their ranges, branches taken and not taken, x0 as a destination.
 * Every instruction is written out in inline assembly so the compiler can
 * neither fold nor replace it. */
#include "expect.h"

static const char NAME[] = "alu";

#if XLEN == 64
#define XLEN_MINUS_1_STR "63"
#define LOAD_WORD_UNSIGNED "lwu"
#else
#define XLEN_MINUS_1_STR "31"
#define LOAD_WORD_UNSIGNED "lw"
#endif

static void test_add_sub(void) {
    EXPECT_EQ(OP_RR("add", 1, 2), 3);
    EXPECT_EQ(OP_RR("add", REG_MAX, 1), REG_MIN);    /* wraps, no overflow trap */
    EXPECT_EQ(OP_RR("add", ONES, 1), 0);
    EXPECT_EQ(OP_RR("sub", 0, 1), ONES);
    EXPECT_EQ(OP_RR("sub", REG_MIN, 1), REG_MAX);
    EXPECT_EQ(OP_RR("sub", 5, 5), 0);
    /* 12-bit immediates are sign-extended (2.3). */
    EXPECT_EQ(OP_RI("addi", 0, -2048), (ureg)-2048);
    EXPECT_EQ(OP_RI("addi", 0, 2047), 2047);
    EXPECT_EQ(OP_RI("addi", ONES, 1), 0);
    EXPECT_EQ(OP_RI("addi", REG_MIN, -1), REG_MAX);
    say(NAME, "add sub addi");
}

static void test_compare(void) {
    EXPECT_EQ(OP_RR("slt", ONES, 0), 1);
    EXPECT_EQ(OP_RR("sltu", ONES, 0), 0);
    EXPECT_EQ(OP_RR("slt", REG_MIN, REG_MAX), 1);
    EXPECT_EQ(OP_RR("sltu", REG_MIN, REG_MAX), 0);
    EXPECT_EQ(OP_RR("slt", 7, 7), 0);
    EXPECT_EQ(OP_RR("sltu", 7, 7), 0);
    EXPECT_EQ(OP_RR("sltu", 0, 1), 1);
    EXPECT_EQ(OP_RR("slt", REG_MAX, REG_MIN), 0);
    EXPECT_EQ(OP_RI("slti", (ureg)-5, -4), 1);
    EXPECT_EQ(OP_RI("slti", REG_MAX, -1), 0);
    EXPECT_EQ(OP_RI("slti", REG_MIN, -2048), 1);
    /* sltiu sign-extends its immediate, then compares unsigned (2.4):
     * "sltiu rd, rs1, -1" is true for everything but all ones. */
    EXPECT_EQ(OP_RI("sltiu", 5, -1), 1);
    EXPECT_EQ(OP_RI("sltiu", ONES, -1), 0);
    EXPECT_EQ(OP_RI("sltiu", 0, 1), 1);              /* seqz */
    EXPECT_EQ(OP_RI("sltiu", 1, 1), 0);
    EXPECT_EQ(OP_RR("sltu", 0, 5), 1);                /* snez */
#if XLEN == 64
    /* Values that differ only above bit 31. */
    EXPECT_EQ(OP_RR("slt", 0xffffffffUL, 0x100000000UL), 1);
    EXPECT_EQ(OP_RR("sltu", 0x100000000UL, 0xffffffffUL), 0);
#endif
    say(NAME, "slt sltu slti sltiu");
}

static void test_logic(void) {
    EXPECT_EQ(OP_RR("and", 0xf0f0, 0xff00), 0xf000);
    EXPECT_EQ(OP_RR("or", 0xf0f0, 0xff00), 0xfff0);
    EXPECT_EQ(OP_RR("xor", 0xf0f0, 0xff00), 0x0ff0);
    EXPECT_EQ(OP_RR("xor", ONES, REG_MIN), REG_MAX);
    EXPECT_EQ(OP_RI("xori", 0x1234, -1), ~(ureg)0x1234);  /* not */
    EXPECT_EQ(OP_RI("andi", ONES, -256), (ureg)-256);      /* imm sign-extended */
    EXPECT_EQ(OP_RI("andi", ONES, 2047), 2047);
    EXPECT_EQ(OP_RI("ori", 0, -2048), (ureg)-2048);
    EXPECT_EQ(OP_RI("ori", 0x1000, 0x7ff), 0x17ff);
    say(NAME, "and or xor andi ori xori");
}

static void test_shifts(void) {
    EXPECT_EQ(OP_RR("sll", 1, 0), 1);
    EXPECT_EQ(OP_RR("sll", 1, XLEN - 1), REG_MIN);
    /* Register shifts use only the low log2(XLEN) bits of rs2 (2.4, 5.2.2). */
    EXPECT_EQ(OP_RR("sll", 1, XLEN), 1);
    EXPECT_EQ(OP_RR("sll", 3, XLEN + 1), 6);
    EXPECT_EQ(OP_RR("sll", 1, ONES), REG_MIN);
    EXPECT_EQ(OP_RR("srl", REG_MIN, XLEN - 1), 1);
    EXPECT_EQ(OP_RR("srl", ONES, 1), REG_MAX);
    EXPECT_EQ(OP_RR("srl", ONES, 0), ONES);
    EXPECT_EQ(OP_RR("sra", REG_MIN, XLEN - 1), ONES);
    EXPECT_EQ(OP_RR("sra", REG_MIN, 0), REG_MIN);
    EXPECT_EQ(OP_RR("sra", (ureg)-16, 2), (ureg)-4);
    EXPECT_EQ(OP_RR("sra", REG_MAX, XLEN - 1), 0);
    EXPECT_EQ(OP_RR("sra", (ureg)-16, XLEN + 2), (ureg)-4);
    EXPECT_EQ(OP_RI("slli", 0x5a, 0), 0x5a);
    EXPECT_EQ(OP_RI("slli", 1, 31), (ureg)1 << 31);    /* no sign extension on RV64 */
    EXPECT_EQ(OP_RI("srli", ONES, 31), ONES >> 31);
    EXPECT_EQ(OP_RI("srai", REG_MIN, 31), (ureg)((long)REG_MIN >> 31));
    EXPECT_EQ(OP_RI("srai", (ureg)-1, 0), ONES);
    EXPECT_EQ(OP_RI("srli", REG_MIN, 0), REG_MIN);
#if XLEN == 64
    EXPECT_EQ(OP_RI("slli", 1, 63), REG_MIN);
    EXPECT_EQ(OP_RI("srli", REG_MIN, 63), 1);
    EXPECT_EQ(OP_RI("srai", REG_MIN, 63), ONES);
    EXPECT_EQ(OP_RI("srai", 0x8000000000000000UL, 32), 0xffffffff80000000UL);
    EXPECT_EQ(OP_RI("srli", 0x8000000000000000UL, 32), 0x80000000UL);
#endif
    say(NAME, "sll srl sra slli srli srai");
}

#define LUI(imm) ({ ureg r_; __asm__ volatile("lui %0, %1" : "=r"(r_) : "i"(imm)); r_; })

static void test_upper_immediates(void) {
    /* lui places imm << 12 and sign-extends from bit 31 on RV64 (5.2.1). */
    EXPECT_EQ(LUI(0), 0);
    EXPECT_EQ(LUI(0x7ffff), 0x7ffff000UL);
    EXPECT_EQ(LUI(0x80000), (ureg)(long)(int32_t)0x80000000u);
    EXPECT_EQ(LUI(0xfffff), (ureg)-4096);
    EXPECT_EQ(LUI(0x12345), 0x12345000UL);

    /* auipc adds to its own address; jal's link (an independent way to learn
     * the pc) names the auipc that follows it. */
    ureg here, got, got_far, got_neg;
    __asm__ volatile(
        ".option push\n.option norvc\n"
        "jal %0, 1f\n"
        "1: auipc %1, 0\n"
        "auipc %2, 1\n"
        "auipc %3, 0x80000\n"
        ".option pop"
        : "=&r"(here), "=&r"(got), "=&r"(got_far), "=&r"(got_neg));
    EXPECT_TRUE(got == here);
    EXPECT_TRUE(got_far == here + 4 + 0x1000);
    /* The immediate 0x80000 << 12 is negative: pc - 2^31 on both XLENs. */
    EXPECT_TRUE(got_neg == here + 8 + (ureg)(long)(int32_t)0x80000000u);
    say(NAME, "lui auipc");
}

#if XLEN == 64
static void test_word_ops(void) {
    /* RV64I's *W instructions compute on the low 32 bits and sign-extend the
     * 32-bit result (5.2); the upper source bits are ignored. */
    EXPECT_EQ(OP_RR("addw", 0x7fffffffUL, 1), 0xffffffff80000000UL);
    EXPECT_EQ(OP_RR("addw", 0xffffffffUL, 1), 0);
    EXPECT_EQ(OP_RR("addw", 0x100000001UL, 1), 2);
    EXPECT_EQ(OP_RR("subw", 0, 1), ONES);
    EXPECT_EQ(OP_RR("subw", 0x80000000UL, 1), 0x7fffffffUL);
    EXPECT_EQ(OP_RR("subw", 0x500000000UL, 0x100000000UL), 0);
    EXPECT_EQ(OP_RI("addiw", 0x7fffffffUL, 1), 0xffffffff80000000UL);
    EXPECT_EQ(OP_RI("addiw", 0x123456789UL, 0), 0x23456789UL);     /* sext.w */
    EXPECT_EQ(OP_RI("addiw", 0x80000000UL, 0), 0xffffffff80000000UL);
    EXPECT_EQ(OP_RI("addiw", 0, -2048), (ureg)-2048);
    /* Word shifts use 5 bits of the shift amount. */
    EXPECT_EQ(OP_RR("sllw", 1, 31), 0xffffffff80000000UL);
    EXPECT_EQ(OP_RR("sllw", 1, 32), 1);
    EXPECT_EQ(OP_RR("sllw", 0xffffffff00000001UL, 0), 1);
    EXPECT_EQ(OP_RR("srlw", 0x80000000UL, 0), 0xffffffff80000000UL);
    EXPECT_EQ(OP_RR("srlw", 0xffffffff80000000UL, 31), 1);
    EXPECT_EQ(OP_RR("srlw", 0x80000000UL, 1), 0x40000000UL);
    EXPECT_EQ(OP_RR("srlw", 0x1ffffffffUL, 33), 0x7fffffffUL);
    EXPECT_EQ(OP_RR("sraw", 0x80000000UL, 31), ONES);
    EXPECT_EQ(OP_RR("sraw", 0x80000000UL, 1), 0xffffffffc0000000UL);
    EXPECT_EQ(OP_RR("sraw", 0x7fffffff00000000UL, 4), 0);
    EXPECT_EQ(OP_RI("slliw", 1, 31), 0xffffffff80000000UL);
    EXPECT_EQ(OP_RI("slliw", 0x123456789UL, 0), 0x23456789UL);
    EXPECT_EQ(OP_RI("srliw", 0xffffffffUL, 0), ONES);
    EXPECT_EQ(OP_RI("srliw", 0xffffffffUL, 31), 1);
    EXPECT_EQ(OP_RI("srliw", 0xffffffff00000000UL, 4), 0);
    EXPECT_EQ(OP_RI("sraiw", 0x7fffffffUL, 31), 0);
    EXPECT_EQ(OP_RI("sraiw", 0x80000000UL, 0), 0xffffffff80000000UL);
    EXPECT_EQ(OP_RI("sraiw", 0x80000000UL, 31), ONES);
    say(NAME, "addw subw addiw sllw srlw sraw slliw srliw sraiw");
}
#endif

static uint8_t memory_bytes[16] __attribute__((aligned(16)));

#define LOAD(insn, base, offset) ({ ureg r_; __asm__ volatile( \
    insn " %0, %2(%1)" : "=r"(r_) : "r"(base), "i"(offset), "m"(memory_bytes)); r_; })
#define STORE(insn, value, base, offset) __asm__ volatile( \
    insn " %0, %2(%1)" :: "r"((ureg)(value)), "r"(base), "i"(offset) : "memory")

static void test_loads_stores(void) {
    static const uint8_t pattern[16] = {0x80, 0x7f, 0xff, 0x01, 0x23, 0x45, 0x67, 0x89,
                                        0xfe, 0xdc, 0xba, 0x98, 0x76, 0x54, 0x32, 0x10};
    volatile uint8_t *bytes = memory_bytes;
    for (int i = 0; i < 16; ++i) bytes[i] = pattern[i];
    uint8_t *base = memory_bytes;
    uint8_t *middle = memory_bytes + 8;

    /* Narrow loads sign- or zero-extend (2.6, 5.3). */
    EXPECT_EQ(LOAD("lb", base, 0), (ureg)-128);
    EXPECT_EQ(LOAD("lbu", base, 0), 0x80);
    EXPECT_EQ(LOAD("lb", base, 1), 0x7f);
    EXPECT_EQ(LOAD("lb", base, 2), ONES);
    EXPECT_EQ(LOAD("lbu", base, 2), 0xff);
    EXPECT_EQ(LOAD("lh", base, 0), 0x7f80);
    EXPECT_EQ(LOAD("lh", base, 6), (ureg)(long)(int16_t)0x8967);
    EXPECT_EQ(LOAD("lhu", base, 6), 0x8967);
    EXPECT_EQ(LOAD("lw", base, 0), 0x01ff7f80);
    EXPECT_EQ(LOAD("lw", base, 4), (ureg)(long)(int32_t)0x89674523u);
    EXPECT_EQ(LOAD("lb", middle, -8), (ureg)-128);     /* negative offsets */
    EXPECT_EQ(LOAD("lhu", middle, -2), 0x8967);
    EXPECT_EQ(LOAD("lw", middle, 4), 0x10325476);
#if XLEN == 64
    EXPECT_EQ(LOAD("lwu", base, 4), 0x89674523UL);
    EXPECT_EQ(LOAD("lwu", base, 0), 0x01ff7f80UL);
    EXPECT_EQ(LOAD("ld", base, 0), 0x8967452301ff7f80UL);
    EXPECT_EQ(LOAD("ld", middle, 0), 0x1032547698badcfeUL);
    EXPECT_EQ(LOAD("ld", middle, -8), 0x8967452301ff7f80UL);
#endif

    /* Stores write exactly their width (2.6). */
    STORE("sb", 0xaa55, base, 3);
    EXPECT_EQ(bytes[2], 0xff);
    EXPECT_EQ(bytes[3], 0x55);
    EXPECT_EQ(bytes[4], 0x23);
    STORE("sh", 0x12345678, base, 4);
    EXPECT_EQ(bytes[4], 0x78);
    EXPECT_EQ(bytes[5], 0x56);
    EXPECT_EQ(bytes[6], 0x67);
    STORE("sw", (ureg)0xcafef00d, middle, -4);
    EXPECT_EQ(bytes[3], 0x55);
    EXPECT_EQ(LOAD(LOAD_WORD_UNSIGNED, base, 4), 0xcafef00dUL);
    EXPECT_EQ(bytes[8], 0xfe);
#if XLEN == 64
    STORE("sd", 0x0123456789abcdefUL, middle, 0);
    EXPECT_EQ(LOAD("ld", middle, 0), 0x0123456789abcdefUL);
    EXPECT_EQ(LOAD("lw", middle, 4), 0x01234567);
    EXPECT_EQ(LOAD("lw", middle, 0), (ureg)(long)(int32_t)0x89abcdefu);
    EXPECT_EQ(bytes[7], 0xca);
#endif
    say(NAME, "loads and stores of every width");
}

/* 1 if the branch is taken. */
#define BR(insn, a, b) ({ ureg t_ = 1; __asm__ volatile( \
    ".option push\n.option norvc\n" insn " %1, %2, 1f\nli %0, 0\n1:\n.option pop" \
    : "+r"(t_) : "r"((ureg)(a)), "r"((ureg)(b))); t_; })

static void test_branches(void) {
    EXPECT_EQ(BR("beq", 5, 5), 1);
    EXPECT_EQ(BR("beq", 5, 6), 0);
    EXPECT_EQ(BR("beq", REG_MIN, REG_MIN), 1);
    EXPECT_EQ(BR("bne", 5, 6), 1);
    EXPECT_EQ(BR("bne", ONES, ONES), 0);
    EXPECT_EQ(BR("blt", ONES, 0), 1);
    EXPECT_EQ(BR("blt", 0, ONES), 0);
    EXPECT_EQ(BR("blt", REG_MIN, REG_MAX), 1);
    EXPECT_EQ(BR("blt", REG_MAX, REG_MIN), 0);
    EXPECT_EQ(BR("blt", 5, 5), 0);
    EXPECT_EQ(BR("bge", 5, 5), 1);
    EXPECT_EQ(BR("bge", 0, ONES), 1);
    EXPECT_EQ(BR("bge", REG_MIN, REG_MAX), 0);
    EXPECT_EQ(BR("bge", REG_MAX, REG_MIN), 1);
    EXPECT_EQ(BR("bltu", 0, ONES), 1);
    EXPECT_EQ(BR("bltu", ONES, 0), 0);
    EXPECT_EQ(BR("bltu", REG_MIN, REG_MAX), 0);
    EXPECT_EQ(BR("bltu", REG_MAX, REG_MIN), 1);
    EXPECT_EQ(BR("bltu", 5, 5), 0);
    EXPECT_EQ(BR("bgeu", 5, 5), 1);
    EXPECT_EQ(BR("bgeu", ONES, 0), 1);
    EXPECT_EQ(BR("bgeu", 0, ONES), 0);
    EXPECT_EQ(BR("bgeu", REG_MIN, REG_MAX), 1);
#if XLEN == 64
    EXPECT_EQ(BR("blt", 0x100000000UL, 0xffffffffUL), 0);
    EXPECT_EQ(BR("bltu", 0xffffffffUL, 0x100000000UL), 1);
    EXPECT_EQ(BR("beq", 0x100000000UL, 0), 0);
#endif

    /* A backward branch closing a loop. */
    ureg iterations;
    __asm__ volatile(
        ".option push\n.option norvc\n"
        "li t0, 7\n"
        "li %0, 0\n"
        "1: addi %0, %0, 1\n"
        "addi t0, t0, -1\n"
        "bnez t0, 1b\n"
        ".option pop"
        : "=&r"(iterations) :: "t0");
    EXPECT_EQ(iterations, 7);

    /* The B-type immediate reaches -4096 and +4094 (2.5). The assembler
     * turns a branch near its range limit into an inverted branch around a
     * jal, so these two are spelled out as words:
     *   0x80000063  beq zero, zero, -4096
     *   0x7e501fe3  bne zero, t0, +4094
     * The skipped bytes are zero, an illegal instruction, so a branch that
     * lands short traps. */
    ureg far = 0;
    __asm__ volatile(
        ".option push\n.option norvc\n"
        "li t0, 1\n"
        "j 2f\n"
        "1: j 3f\n"
        ".skip 4092\n"
        "2: .4byte 0x80000063\n"
        "3: .4byte 0x7e501fe3\n"
        ".skip 4090\n"
        "addi %0, %0, 1\n"
        ".option pop"
        : "+r"(far) :: "t0");
    EXPECT_EQ(far, 1);
    say(NAME, "beq bne blt bge bltu bgeu, taken and not, at the offset limits");
}

static void test_jumps(void) {
    ureg link, expected, path;

    /* jal links pc+4; the second jal, 8 bytes further on, links its own
     * pc+4 before jumping back. */
    ureg second_link;
    __asm__ volatile(
        ".option push\n.option norvc\n"
        "jal %0, 1f\n"
        "2: j 3f\n"
        "1: jal %1, 2b\n"
        "3: la %2, 2b\n"
        ".option pop"
        : "=&r"(link), "=&r"(second_link), "=&r"(expected));
    EXPECT_TRUE(link == expected);
    EXPECT_TRUE(second_link == expected + 8);

    /* jalr clears bit 0 of the target (2.5). */
    path = 0;
    __asm__ volatile(
        ".option push\n.option norvc\n"
        "la t0, 1f\n"
        "addi t0, t0, 1\n"
        "jalr %0, 0(t0)\n"
        "2: li %2, 1\n"
        "j 3f\n"
        "1: li %2, 2\n"
        "3: la %1, 2b\n"
        ".option pop"
        : "=&r"(link), "=&r"(expected), "+r"(path) :: "t0");
    EXPECT_EQ(path, 2);
    EXPECT_TRUE(link == expected);

    /* jalr with a negative offset, and with rd == rs1: the target is
     * computed from the old register value. */
    path = 0;
    __asm__ volatile(
        ".option push\n.option norvc\n"
        "la t0, 1f + 16\n"
        "jalr t0, -16(t0)\n"
        "2: li %2, 1\n"
        "j 3f\n"
        "1: li %2, 2\n"
        "3: mv %0, t0\n"
        "la %1, 2b\n"
        ".option pop"
        : "=&r"(link), "=&r"(expected), "+r"(path) :: "t0");
    EXPECT_EQ(path, 2);
    EXPECT_TRUE(link == expected);
    say(NAME, "jal jalr");
}

static void test_x0(void) {
    ureg r;
    ureg scratch = 0x1234;
    /* Writes to x0 are discarded (2.1), even from instructions with side
     * effects such as loads and jumps. */
    __asm__ volatile("addi x0, x0, 5\n add %0, x0, x0" : "=r"(r));
    EXPECT_EQ(r, 0);
    __asm__ volatile("li t0, 7\n add x0, t0, t0\n or %0, x0, x0" : "=r"(r) :: "t0");
    EXPECT_EQ(r, 0);
    __asm__ volatile("lui x0, 0x12345\n addi %0, x0, 0" : "=r"(r));
    EXPECT_EQ(r, 0);
    __asm__ volatile("auipc x0, 1\n sub %0, x0, x0" : "=r"(r));
    EXPECT_EQ(r, 0);
    __asm__ volatile("lw x0, 0(%1)\n xor %0, x0, x0" : "=r"(r) : "r"(&scratch), "m"(scratch));
    EXPECT_EQ(r, 0);
    __asm__ volatile(".option push\n.option norvc\n jal x0, 1f\n 1: sltu %0, x0, x0\n .option pop" : "=r"(r));
    EXPECT_EQ(r, 0);
    __asm__ volatile("slli x0, %1, 3\n or %0, x0, x0" : "=r"(r) : "r"(scratch));
    EXPECT_EQ(r, 0);
    say(NAME, "x0 stays zero");
}

static void test_fences(void) {
    /* Memory ordering instructions have no visible effect on one hart
     * (2.7); the pred/succ sets, fence.tso and the pause hint (a fence with
     * pred = W, succ = 0) must all execute as such. */
    ureg value = 5;
    __asm__ volatile(
        "fence\n"
        "fence rw, rw\n"
        "fence iorw, iorw\n"
        "fence r, w\n"
        "fence.tso\n"
        ".4byte 0x0100000f\n"      /* pause */
        "addi %0, %0, 1"
        : "+r"(value) :: "memory");
    EXPECT_EQ(value, 6);
    say(NAME, "fence, fence.tso, pause");
}

/* Compressed instructions (chapter 16), written with explicit registers
 * because most need x8..x15. The sequence leaves its result in a0. */
#define C_SEQ(...) ({ ureg r_; __asm__ volatile(__VA_ARGS__ "\nmv %0, a0" \
    : "=r"(r_) :: "a0", "a1", "t1", "memory"); r_; })

static void test_compressed(void) {
    EXPECT_EQ(C_SEQ("c.li a0, -32"), (ureg)-32);
    EXPECT_EQ(C_SEQ("c.li a0, 31"), 31);
    EXPECT_EQ(C_SEQ("c.lui a0, 0x1f"), 0x1f000);
    EXPECT_EQ(C_SEQ("c.lui a0, 0xfffe0"), (ureg)(long)(int32_t)0xfffe0000u);
    EXPECT_EQ(C_SEQ("c.li a0, 0\n c.addi a0, -1"), ONES);
    EXPECT_EQ(C_SEQ("c.li a0, 10\n c.addi a0, 31"), 41);
    EXPECT_EQ(C_SEQ("mv t1, sp\n c.addi16sp sp, -64\n sub a0, t1, sp\n c.addi16sp sp, 64"), 64);
    EXPECT_EQ(C_SEQ("c.addi4spn a0, sp, 1020\n sub a0, a0, sp"), 1020);
    EXPECT_EQ(C_SEQ("c.li a0, 1\n c.slli a0, 31"), (ureg)1 << 31);
    EXPECT_EQ(C_SEQ("c.li a0, -1\n c.srli a0, 1"), REG_MAX);
    EXPECT_EQ(C_SEQ("c.li a0, -2\n c.srai a0, 1"), ONES);
    EXPECT_EQ(C_SEQ("c.li a0, 1\n c.slli a0, " XLEN_MINUS_1_STR "\n c.srai a0, " XLEN_MINUS_1_STR), ONES);
    EXPECT_EQ(C_SEQ("c.li a0, -1\n c.andi a0, -32"), (ureg)-32);
    EXPECT_EQ(C_SEQ("c.li a0, 29\n c.andi a0, 12"), 12);
    EXPECT_EQ(C_SEQ("c.li a1, 9\n c.mv a0, a1"), 9);
    EXPECT_EQ(C_SEQ("c.li a0, 9\n c.li a1, -10\n c.add a0, a1"), ONES);
    EXPECT_EQ(C_SEQ("c.li a0, 3\n c.li a1, 5\n c.sub a0, a1"), (ureg)-2);
    EXPECT_EQ(C_SEQ("c.li a0, 12\n c.li a1, 10\n c.xor a0, a1"), 6);
    EXPECT_EQ(C_SEQ("c.li a0, 12\n c.li a1, 10\n c.or a0, a1"), 14);
    EXPECT_EQ(C_SEQ("c.li a0, 12\n c.li a1, 10\n c.and a0, a1"), 8);
#if XLEN == 64
    EXPECT_EQ(C_SEQ("c.li a0, 1\n c.slli a0, 63\n c.srli a0, 63"), 1);
    EXPECT_EQ(C_SEQ("li a0, 0x7fffffff\n c.addiw a0, 1"), 0xffffffff80000000UL);
    EXPECT_EQ(C_SEQ("li a0, 0x180000000\n c.addiw a0, 0"), 0xffffffff80000000UL);
    EXPECT_EQ(C_SEQ("li a0, 0x7fffffff\n c.li a1, 1\n c.addw a0, a1"), 0xffffffff80000000UL);
    EXPECT_EQ(C_SEQ("c.li a0, 0\n c.li a1, 1\n c.subw a0, a1"), ONES);
    EXPECT_EQ(C_SEQ("li a0, 0x100000000\n c.li a1, 0\n c.subw a0, a1"), 0);
#endif

    /* Loads and stores relative to a register and to sp. */
    static ureg slots[4];
    ureg r;
    __asm__ volatile(
        "mv a1, %1\n"
        "c.li a0, -7\n"
        "c.sw a0, 4(a1)\n"
        "c.lw a0, 4(a1)\n"
        "mv %0, a0"
        : "=r"(r) : "r"(slots) : "a0", "a1", "memory");
    EXPECT_EQ(r, (ureg)-7);
    r = C_SEQ("c.addi16sp sp, -32\n c.li a1, -9\n c.swsp a1, 12(sp)\n c.lwsp a0, 12(sp)\n c.addi16sp sp, 32");
    EXPECT_EQ(r, (ureg)-9);
#if XLEN == 64
    __asm__ volatile(
        "mv a1, %1\n"
        "li a0, 0x123456789a\n"
        "c.sd a0, 8(a1)\n"
        "c.ld a0, 8(a1)\n"
        "mv %0, a0"
        : "=r"(r) : "r"(slots) : "a0", "a1", "memory");
    EXPECT_EQ(r, 0x123456789aUL);
    r = C_SEQ("c.addi16sp sp, -32\n li a1, -0x123456789\n c.sdsp a1, 24(sp)\n c.ldsp a0, 24(sp)\n c.addi16sp sp, 32");
    EXPECT_EQ(r, (ureg)-0x123456789L);
#endif

    /* Branches and jumps; c.jalr (and c.jal on RV32) link pc+2 (16.4). */
    EXPECT_EQ(C_SEQ("c.li a0, 0\n c.beqz a0, 1f\n c.li a0, 5\n 1:"), 0);
    EXPECT_EQ(C_SEQ("c.li a0, 3\n c.beqz a0, 1f\n c.li a0, 5\n 1:"), 5);
    EXPECT_EQ(C_SEQ("c.li a0, 3\n c.bnez a0, 1f\n c.li a0, 5\n 1:"), 3);
    EXPECT_EQ(C_SEQ("c.li a0, 0\n c.bnez a0, 1f\n c.li a0, 5\n 1:"), 5);
    EXPECT_EQ(C_SEQ("c.li a0, 1\n c.j 1f\n c.li a0, 2\n 1:"), 1);
    EXPECT_EQ(C_SEQ("c.li a0, 1\n la a1, 1f\n c.jr a1\n c.li a0, 2\n 1:"), 1);
    /* c.jalr: a0 = link - address of the instruction after the c.jalr. */
    EXPECT_EQ(C_SEQ("mv t1, ra\n la a1, 1f\n c.jalr a1\n 2: c.nop\n 1: la a0, 2b\n sub a0, ra, a0\n mv ra, t1"), 0);
#if XLEN == 32
    EXPECT_EQ(C_SEQ("mv t1, ra\n c.jal 1f\n 2: c.nop\n 1: la a0, 2b\n sub a0, ra, a0\n mv ra, t1"), 0);
#endif
    EXPECT_EQ(C_SEQ("c.li a0, 4\n c.nop\n c.addi a0, 1"), 5);
    say(NAME, "compressed instructions");
}

int main(void) {
    test_add_sub();
    test_compare();
    test_logic();
    test_shifts();
    test_upper_immediates();
#if XLEN == 64
    test_word_ops();
#endif
    test_loads_stores();
    test_branches();
    test_jumps();
    test_x0();
    test_fences();
    test_compressed();
    return finish(NAME);
}
