/* float_state: the F/D state around the arithmetic. mstatus.FS
 * (privileged spec 3.1.6.6): with FS = Off every F/D instruction and every
 * fcsr access is illegal; writing f registers or fcsr makes FS Dirty, and
 * SD reads as FS == Dirty. fcsr's fields (unprivileged ISA 11.2), the
 * reserved rounding modes, NaN-boxing (12.2) and the compressed FP loads and
 * stores (16.3, 16.4).
 *
 * What the spec leaves open is not asserted but printed, so the comparison
 * with QEMU covers it: mtval of an illegal instruction (zero or the bits),
 * and whether FS stays Clean after an instruction that changes no FP state
 * (implementations may report Dirty conservatively). */
#include "expect.h"

static const char NAME[] = "float_state";

#define MSTATUS_FS (3UL << 13)
#define FS_OFF (0UL << 13)
#define FS_INITIAL (1UL << 13)
#define FS_CLEAN (2UL << 13)
#define FS_DIRTY (3UL << 13)
#define MSTATUS_SD ((ureg)1 << (XLEN - 1))
#define CAUSE_ILLEGAL 2
#define MISA_D (1UL << 3)
#define MISA_F (1UL << 5)

#define FFLAGS_NV 0x10
#define FFLAGS_DZ 0x08
#define FFLAGS_NX 0x01

static volatile int armed;
static volatile unsigned traps_taken;
static volatile ureg last_cause;
static volatile ureg last_tval;
static volatile ureg last_bits;

static unsigned instruction_length(ureg pc) { return (*(volatile uint16_t *)pc & 3) == 3 ? 4 : 2; }

static ureg instruction_bits(ureg pc) {
    volatile uint16_t *half = (volatile uint16_t *)pc;
    return instruction_length(pc) == 4 ? (ureg)half[0] | (ureg)half[1] << 16 : half[0];
}

/* Records the exception and skips the instruction that raised it. */
void guest_trap_handler(struct trap_frame *frame) {
    if (!armed) {
        guest_unexpected_trap(frame);
    }
    ++traps_taken;
    last_cause = frame->mcause;
    last_tval = CSR_READ(mtval);
    last_bits = instruction_bits(frame->mepc);
    frame->mepc += instruction_length(frame->mepc);
}

/* Runs `statement` (one asm) and requires exactly one illegal-instruction
 * trap from it; mtval may be zero or the instruction (privileged 3.1.16). */
#define EXPECT_ILLEGAL(statement) do { \
        const unsigned before_ = traps_taken; \
        armed = 1; \
        statement; \
        armed = 0; \
        EXPECT_EQ(traps_taken - before_, 1); \
        EXPECT_EQ(last_cause, CAUSE_ILLEGAL); \
        EXPECT_TRUE(last_tval == 0 || last_tval == last_bits); \
    } while (0)

#define ASM(text, ...) __asm__ volatile(".option push\n.option norvc\n" text "\n.option pop" __VA_ARGS__)

static void set_fs(ureg fs) {
    CSR_CLEAR(mstatus, MSTATUS_FS);
    CSR_SET(mstatus, fs);
}

static ureg fs_now(void) { return CSR_READ(mstatus) & MSTATUS_FS; }

static void print_fs(const char *after) {
    guest_puts(NAME);
    guest_puts(": FS after ");
    guest_puts(after);
    guest_puts(" from Clean: ");
    guest_put_dec((int64_t)(fs_now() >> 13));
    guest_putc('\n');
}

static uint64_t buffer[4];

static void fs_off_makes_everything_illegal(void) {
    ureg value = 0;
    set_fs(FS_OFF);
    EXPECT_EQ(fs_now(), FS_OFF);
    EXPECT_ILLEGAL(ASM("fadd.s ft0, ft1, ft2"));
    EXPECT_ILLEGAL(ASM("fmadd.d ft0, ft1, ft2, ft3"));
    EXPECT_ILLEGAL(ASM("fsgnj.d ft0, ft1, ft2"));
    EXPECT_ILLEGAL(ASM("flw ft0, 0(%0)", :: "r"(buffer) : "memory"));
    EXPECT_ILLEGAL(ASM("fld ft0, 0(%0)", :: "r"(buffer) : "memory"));
    EXPECT_ILLEGAL(ASM("fsw ft0, 0(%0)", :: "r"(buffer) : "memory"));
    EXPECT_ILLEGAL(ASM("fsd ft0, 0(%0)", :: "r"(buffer) : "memory"));
    EXPECT_ILLEGAL(ASM("fmv.x.w %0, ft0", : "=r"(value)));
    EXPECT_ILLEGAL(ASM("fmv.w.x ft0, %0", :: "r"(value)));
    EXPECT_ILLEGAL(ASM("fcvt.w.d %0, ft0, rtz", : "=r"(value)));
    EXPECT_ILLEGAL(ASM("feq.s %0, ft0, ft1", : "=r"(value)));
    EXPECT_ILLEGAL(ASM("fclass.d %0, ft0", : "=r"(value)));
    EXPECT_ILLEGAL(ASM("csrr %0, fflags", : "=r"(value)));
    EXPECT_ILLEGAL(ASM("csrr %0, frm", : "=r"(value)));
    EXPECT_ILLEGAL(ASM("csrr %0, fcsr", : "=r"(value)));
    EXPECT_ILLEGAL(ASM("csrw frm, %0", :: "r"(value)));
    EXPECT_ILLEGAL(ASM("csrwi fflags, 1"));
    /* The compressed forms need x8-x15, so the asm picks a0 itself. */
    EXPECT_ILLEGAL(__asm__ volatile("mv a0, %0\n\tc.fld fa1, 0(a0)" :: "r"(buffer) : "a0", "memory"));
    EXPECT_ILLEGAL(__asm__ volatile("mv a0, %0\n\tc.fsd fa1, 8(a0)" :: "r"(buffer) : "a0", "memory"));
    EXPECT_EQ(fs_now(), FS_OFF);
    set_fs(FS_INITIAL);
}

static void writes_make_fs_dirty(void) {
    ureg value = 0;
    set_fs(FS_INITIAL);
    EXPECT_EQ(CSR_READ(mstatus) & MSTATUS_SD, 0);
    ASM("fadd.s ft0, ft1, ft2");
    EXPECT_EQ(fs_now(), FS_DIRTY);
    EXPECT_EQ(CSR_READ(mstatus) & MSTATUS_SD, MSTATUS_SD);

    set_fs(FS_CLEAN);
    EXPECT_EQ(CSR_READ(mstatus) & MSTATUS_SD, 0);
    ASM("fld ft0, 0(%0)", :: "r"(buffer) : "memory");
    EXPECT_EQ(fs_now(), FS_DIRTY);
    set_fs(FS_CLEAN);
    ASM("fmv.w.x ft0, %0", :: "r"(value));
    EXPECT_EQ(fs_now(), FS_DIRTY);
    set_fs(FS_CLEAN);
    ASM("csrwi fflags, 0");
    EXPECT_EQ(fs_now(), FS_DIRTY);
    set_fs(FS_CLEAN);
    ASM("csrw frm, %0", :: "r"(value));
    EXPECT_EQ(fs_now(), FS_DIRTY);
    set_fs(FS_CLEAN);
    ASM("fcvt.d.w ft0, %0", :: "r"(value));
    EXPECT_EQ(fs_now(), FS_DIRTY);

    /* No FP state changes: Clean may stay Clean or turn Dirty. */
    set_fs(FS_CLEAN);
    ASM("fsd ft0, 0(%0)", :: "r"(buffer) : "memory");
    print_fs("fsd");
    set_fs(FS_CLEAN);
    ASM("csrr %0, fcsr", : "=r"(value));
    print_fs("csrr fcsr");
    set_fs(FS_CLEAN);
    ASM("fmv.x.w %0, ft0", : "=r"(value));
    print_fs("fmv.x.w");

    /* FS is a plain read/write field with SD derived from it. */
    set_fs(FS_DIRTY);
    EXPECT_EQ(CSR_READ(mstatus) & (MSTATUS_FS | MSTATUS_SD), FS_DIRTY | MSTATUS_SD);
    set_fs(FS_INITIAL);
    EXPECT_EQ(CSR_READ(mstatus) & (MSTATUS_FS | MSTATUS_SD), FS_INITIAL);
}

static void fcsr_fields(void) {
    ureg old = 0;
    CSR_WRITE(fcsr, 0xff);
    EXPECT_EQ(CSR_READ(fcsr), 0xff);
    EXPECT_EQ(CSR_READ(frm), 7);
    EXPECT_EQ(CSR_READ(fflags), 0x1f);
    CSR_WRITE(fcsr, 0xfffffe00UL | 0x1a5);  /* bits above 7 are read-only zero */
    EXPECT_EQ(CSR_READ(fcsr), 0xa5);
    EXPECT_EQ(CSR_READ(frm), 5);
    EXPECT_EQ(CSR_READ(fflags), 0x05);
    CSR_WRITE(fflags, 0xff);
    EXPECT_EQ(CSR_READ(fcsr), 0xbf);
    CSR_WRITE(frm, 0xfa);
    EXPECT_EQ(CSR_READ(fcsr), 0x5f);
    __asm__ volatile("csrrw %0, fflags, %1" : "=r"(old) : "r"((ureg)0x3));  /* fsflags */
    EXPECT_EQ(old, 0x1f);
    __asm__ volatile("csrrci %0, fflags, 1" : "=r"(old));
    EXPECT_EQ(old, 0x3);
    EXPECT_EQ(CSR_READ(fflags), 0x2);
    __asm__ volatile("csrrsi %0, frm, 4" : "=r"(old));
    EXPECT_EQ(old, 2);
    EXPECT_EQ(CSR_READ(frm), 6);
    CSR_WRITE(fcsr, 0);

    /* Flags accrue: a division by zero, then an inexact sum. */
    uint64_t operands[2] = {0xffffffff3f800000ULL, 0xffffffff00000000ULL};
    ASM("fld ft0, 0(%0)\n\tfld ft1, 8(%0)\n\tfdiv.s ft2, ft0, ft1", :: "r"(operands) : "ft0", "ft1", "ft2", "memory");
    EXPECT_EQ(CSR_READ(fflags), FFLAGS_DZ);
    operands[1] = 0xffffffff33800000ULL;  /* 1 + 2^-24 is inexact */
    ASM("fld ft0, 0(%0)\n\tfld ft1, 8(%0)\n\tfadd.s ft2, ft0, ft1", :: "r"(operands) : "ft0", "ft1", "ft2", "memory");
    EXPECT_EQ(CSR_READ(fflags), FFLAGS_DZ | FFLAGS_NX);
    operands[1] = 0xffffffff7f800001ULL;  /* a signaling NaN: feq raises NV, quietly otherwise */
    ASM("fld ft0, 0(%1)\n\tfld ft1, 8(%1)\n\tfeq.s %0, ft0, ft1", : "=r"(old) : "r"(operands) : "ft0", "ft1", "memory");
    EXPECT_EQ(old, 0);
    EXPECT_EQ(CSR_READ(fflags), FFLAGS_DZ | FFLAGS_NX | FFLAGS_NV);
    CSR_WRITE(fflags, 0);
}

/* fadd.s ft0,ft1,ft2 and fcvt.d.s ft0,ft1 with a given rm field. */
#define FADD_S_RM(rm) ".insn 4, 0x002080d3 | (" #rm " << 12)"
#define FCVT_D_S_RM(rm) ".insn 4, 0x42008053 | (" #rm " << 12)"

static void reserved_rounding_modes(void) {
    CSR_WRITE(frm, 0);
    EXPECT_ILLEGAL(ASM(FADD_S_RM(5)));
    EXPECT_ILLEGAL(ASM(FADD_S_RM(6)));
    EXPECT_ILLEGAL(ASM(FCVT_D_S_RM(5)));
    for (ureg frm = 5; frm <= 7; ++frm) {
        CSR_WRITE(frm, frm);
        EXPECT_EQ(CSR_READ(frm), frm);  /* frm holds it; only its use traps */
        EXPECT_ILLEGAL(ASM(FADD_S_RM(7)));
        EXPECT_ILLEGAL(ASM(FCVT_D_S_RM(7)));
        /* Static modes and instructions without rm do not look at frm. */
        ASM(FADD_S_RM(1));
        ASM("fsgnj.s ft0, ft1, ft2\n\tfmin.d ft0, ft1, ft2");
    }
    CSR_WRITE(frm, 0);
    CSR_WRITE(fflags, 0);
}

static void nan_boxing(void) {
    uint64_t out = 0;
    ureg x = 0;
    uint32_t word = 0x3f800000;
    /* flw and fmv.w.x box; fsd shows all 64 bits. */
    ASM("flw ft0, 0(%1)\n\tfsd ft0, 0(%0)", :: "r"(&out), "r"(&word) : "ft0", "memory");
    EXPECT_EQ(out, 0xffffffff3f800000ULL);
    ASM("fmv.w.x ft0, %1\n\tfsd ft0, 0(%0)", :: "r"(&out), "r"((ureg)-0x21524111L) : "ft0", "memory");
    EXPECT_EQ(out >> 32, 0xffffffffUL);
    EXPECT_EQ((uint32_t)out, 0xdeadbeefUL);
    /* An unboxed value reads as the canonical NaN in single operations... */
    uint64_t unboxed = 0x123456789abcdef0ULL;
    ASM("fld ft0, 0(%1)\n\tfadd.s ft1, ft0, ft0\n\tfsd ft1, 0(%0)", :: "r"(&out), "r"(&unboxed) : "ft0", "ft1", "memory");
    EXPECT_EQ(out, 0xffffffff7fc00000ULL);
    ASM("fld ft0, 0(%1)\n\tfclass.s %0, ft0", : "=r"(x) : "r"(&unboxed) : "ft0", "memory");
    EXPECT_EQ(x, 1UL << 9);
    ASM("fld ft0, 0(%1)\n\tfcvt.d.s ft1, ft0\n\tfsd ft1, 0(%0)", :: "r"(&out), "r"(&unboxed) : "ft0", "ft1", "memory");
    EXPECT_EQ(out, 0x7ff8000000000000ULL);
    /* ...but the moves and stores pass its low bits through untouched. */
    ASM("fld ft0, 0(%1)\n\tfmv.x.w %0, ft0", : "=r"(x) : "r"(&unboxed) : "ft0", "memory");
    EXPECT_EQ(x, (ureg)(int32_t)0x9abcdef0);
    ASM("fld ft0, 0(%1)\n\tfsw ft0, 0(%0)", :: "r"(&word), "r"(&unboxed) : "ft0", "memory");
    EXPECT_EQ(word, 0x9abcdef0UL);
    /* A double's own operations see all 64 bits; singles written are boxed. */
    uint64_t one = 0x3ff0000000000000ULL;
    ASM("fld ft0, 0(%1)\n\tfcvt.s.d ft1, ft0\n\tfsd ft1, 0(%0)", :: "r"(&out), "r"(&one) : "ft0", "ft1", "memory");
    EXPECT_EQ(out, 0xffffffff3f800000ULL);
    CSR_WRITE(fflags, 0);
}

/* The compressed forms need x8-x15 (16.2), so each asm moves its base
 * pointers into a0 and a1 itself. */
static void compressed_loads_and_stores(void) {
    static uint64_t slots[4] = {0x400921fb54442d18ULL, 0, 0xffffffff40490fdbULL, 0};
    __asm__ volatile("mv a0, %0\n\tc.fld fa1, 0(a0)\n\tc.fsd fa1, 8(a0)" :: "r"(slots) : "a0", "fa1", "memory");
    EXPECT_EQ(slots[1], 0x400921fb54442d18ULL);
    __asm__ volatile("mv a0, %0\n\taddi sp, sp, -16\n\t"
                     "c.fld fa2, 16(a0)\n\tc.fsdsp fa2, 8(sp)\n\tc.fldsp fa3, 8(sp)\n\tc.fsd fa3, 24(a0)\n\t"
                     "addi sp, sp, 16" :: "r"(slots) : "a0", "fa2", "fa3", "memory");
    EXPECT_EQ(slots[3], 0xffffffff40490fdbULL);
#if XLEN == 32
    static uint32_t words[4] = {0x40490fdb, 0, 0, 0};
    __asm__ volatile("mv a0, %0\n\tmv a1, %1\n\t"
                     "c.flw fa4, 0(a1)\n\tc.fsw fa4, 4(a1)\n\t"
                     "addi sp, sp, -16\n\tc.fswsp fa4, 4(sp)\n\tc.flwsp fa5, 4(sp)\n\taddi sp, sp, 16\n\t"
                     "c.fsw fa5, 8(a1)\n\tc.fsd fa5, 16(a0)"
                     :: "r"(slots), "r"(words) : "a0", "a1", "fa4", "fa5", "memory");
    EXPECT_EQ(words[1], 0x40490fdbUL);
    EXPECT_EQ(words[2], 0x40490fdbUL);
    EXPECT_EQ(slots[2], 0xffffffff40490fdbULL);  /* c.flw boxes as flw does */
#endif
}

int main(void) {
    say(NAME, "mstatus.FS, fcsr, reserved rounding modes, NaN-boxing");
    EXPECT_EQ(CSR_READ(misa) & (MISA_F | MISA_D), MISA_F | MISA_D);
    fs_off_makes_everything_illegal();
    writes_make_fs_dirty();
    fcsr_fields();
    reserved_rounding_modes();
    nan_boxing();
    compressed_loads_and_stores();
    return finish(NAME);
}
