/* float_ops: every F and D computational instruction (unprivileged ISA
 * chapters 11 and 12) on a table of interesting operands, under each static
 * rounding mode and under the dynamic mode with each valid frm. Each line
 * is "<instruction> <mode>: <results> results, hash <h>" where the hash
 * covers every result's register image (64 bits, so NaN-boxing shows) and
 * its fflags. Nothing is checked here: GuestProgramsTest requires the
 * output to be byte-identical to QEMU's, which makes QEMU the oracle for
 * every one of these results. Build with -DFLOAT_TRACE to print each result.
 *
 * Static modes run with frm set to some other mode, so an instruction that
 * wrongly used frm would show. */
#include "expect.h"

static const char NAME[] = "float_ops";

#define BOX(single) (0xffffffff00000000ULL | (single))

/* Register images of singles. The first FMA_COUNT also feed the fused
 * operations (all triples); the rest are for the one- and two-operand
 * instructions. The last two are not NaN-boxed: as singles they read as the
 * canonical NaN (12.2). */
static const uint64_t SINGLES[] = {
    BOX(0x00000000), BOX(0x80000000), /* +0, -0 */
    BOX(0x00000001), BOX(0x807fffff), /* smallest subnormal, -largest subnormal */
    BOX(0x00800000), BOX(0x3f800000), /* smallest normal, 1 */
    BOX(0xbf800000), BOX(0x3fc00000), /* -1, 1.5 */
    BOX(0x7f7fffff), BOX(0xff7fffff), /* largest finite, its negation */
    BOX(0x7f800000), BOX(0xff800000), /* +inf, -inf */
    BOX(0x7fc00000), BOX(0x7f800001), /* canonical qNaN, sNaN */
    BOX(0x3f800001), BOX(0x33800000), /* 1 + ulp, 2^-24 = half an ulp of 1 */
    BOX(0x34000000), BOX(0x3f7fffff), /* 2^-23, 1 - 2^-24 */
    BOX(0x40400000), BOX(0x3dcccccd), /* 3, 0.1 */
    BOX(0xc0200000), BOX(0x3f000000), /* -2.5, 0.5 */
    BOX(0x40200000), BOX(0x3fa00000), /* 2.5, 1.25 */
    BOX(0x4b800001), BOX(0x4effffff), /* 2^24 + 2, largest below 2^31 */
    BOX(0x4f000000), BOX(0xcf000000), /* 2^31, -2^31 */
    BOX(0x4f800000), BOX(0x5f000000), /* 2^32, 2^63 */
    BOX(0xdf000000), BOX(0x5f800000), /* -2^63, 2^64 */
    BOX(0xbf000000), BOX(0xcf000001), /* -0.5, just below -2^31 */
    BOX(0xffc12345), BOX(0x7fa00000), /* negative qNaN with payload, sNaN */
    BOX(0x1a000000), BOX(0x99800000), /* 2^-75, -2^-76: their product is 2^-151 */
    BOX(0x0c000000), BOX(0x00400000), /* 2^-103, 2^-127 */
    0x000000003f800000ULL, 0x3ff0000000000000ULL,
};

static const uint64_t DOUBLES[] = {
    0x0000000000000000ULL, 0x8000000000000000ULL, /* +0, -0 */
    0x0000000000000001ULL, 0x800fffffffffffffULL, /* smallest subnormal, -largest subnormal */
    0x0010000000000000ULL, 0x3ff0000000000000ULL, /* smallest normal, 1 */
    0xbff0000000000000ULL, 0x3ff8000000000000ULL, /* -1, 1.5 */
    0x7fefffffffffffffULL, 0xffefffffffffffffULL, /* largest finite, its negation */
    0x7ff0000000000000ULL, 0xfff0000000000000ULL, /* +inf, -inf */
    0x7ff8000000000000ULL, 0x7ff0000000000001ULL, /* canonical qNaN, sNaN */
    0x3ff0000000000001ULL, 0x3ca0000000000000ULL, /* 1 + ulp, 2^-53 */
    0x3cb0000000000000ULL, 0x3fefffffffffffffULL, /* 2^-52, 1 - 2^-53 */
    0x4008000000000000ULL, 0x3fb999999999999aULL, /* 3, 0.1 */
    0xc004000000000000ULL, 0x3fe0000000000000ULL, /* -2.5, 0.5 */
    0x4004000000000000ULL, 0xbfe0000000000000ULL, /* 2.5, -0.5 */
    0x41dfffffffc00000ULL, 0x41dfffffffe00000ULL, /* 2^31 - 1, 2^31 - 0.5 */
    0x41e0000000000000ULL, 0xc1e0000000000000ULL, /* 2^31, -2^31 */
    0xc1e0000000100000ULL, 0x41efffffffe00000ULL, /* -2^31 - 0.5, 2^32 - 1 */
    0x41f0000000000000ULL, 0x43e0000000000000ULL, /* 2^32, 2^63 */
    0xc3e0000000000000ULL, 0x43f0000000000000ULL, /* -2^63, 2^64 */
    0x43efffffffffffffULL, 0x4340000000000001ULL, /* largest below 2^64, 2^54 + 2 */
    0x380ffffff0000000ULL, 0x36a0000000000000ULL, /* 2^-126 - 2^-151, 2^-149 */
    0x3690000000000000ULL, 0x47efffffe0000000ULL, /* 2^-150, largest single */
    0x47effffff0000000ULL, 0x7e37e43c8800759cULL, /* largest single + half an ulp, 1e300 */
    0x3ff0000010000000ULL, 0x3ff0000030000000ULL, /* 1 + 2^-24 (a single tie), 1 + 3 * 2^-24 */
    0xfff8000000012345ULL, 0x7ff4000000000000ULL, /* negative qNaN with payload, sNaN */
    0x1e60000000000000ULL, 0x9e50000000000000ULL, /* 2^-537, -2^-538: their product is 2^-1075 */
};

static const uint64_t INTEGERS[] = {
    0, 1, 0xffffffffffffffffULL, 2, 3, 16777217, 0xfffffffffeffffffULL, 0x7fffffff, 0x80000000,
    0xffffffff, 0x100000001ULL, 0x20000000000001ULL, 0x7fffffffffffffffULL, 0x8000000000000000ULL,
    0xfffffffffffffffeULL, 0x0123456789abcdefULL, 0xfedcba9876543210ULL, 0x7fffff80, 0x7fffffc0,
};

#define FMA_COUNT 14

/* Fused triples that need values beyond the first FMA_COUNT: single
 * rounding, tininess after rounding, a tiny addend nudging the rounding. */
static const uint64_t FMA_SINGLES[][3] = {
    {BOX(0x1a000000), BOX(0x99800000), BOX(0x00800000)}, /* 2^-126 - 2^-151 */
    {BOX(0x3f800800), BOX(0x3f800800), BOX(0xbf800000)}, /* (1 + 2^-12)^2 - 1 */
    {BOX(0x3f800000), BOX(0x3f800000), BOX(0x00000001)},
    {BOX(0x3f800000), BOX(0x3f800000), BOX(0x80000001)},
    {BOX(0x3fc00000), BOX(0x33800000), BOX(0x3f800000)}, /* 1 + 1.5 * 2^-24 */
    {0x000000003f800000ULL, BOX(0x3f800000), BOX(0x3f800000)},
};
static const uint64_t FMA_DOUBLES[][3] = {
    {0x1e60000000000000ULL, 0x9e50000000000000ULL, 0x0010000000000000ULL},
    {0x3ff0000002000000ULL, 0x3ff0000002000000ULL, 0xbff0000000000000ULL},
    {0x3ff0000000000000ULL, 0x3ff0000000000000ULL, 0x0000000000000001ULL},
    {0x3ff0000000000000ULL, 0x3ff0000000000000ULL, 0x8000000000000001ULL},
    {0x3ff8000000000000ULL, 0x3ca0000000000000ULL, 0x3ff0000000000000ULL},
};

/* ---- one instruction, operands in ft0-ft2 (or in[0] as an integer) ---- */

typedef void (*op_fn)(int mode, const uint64_t *in, uint64_t *out);

#define PROLOGUE "fld ft0, 0(%[in])\n\tfld ft1, 8(%[in])\n\tfld ft2, 16(%[in])\n\tcsrwi fflags, 0\n\t"
/* Result in ft3, stored whole. */
#define TO_F(body) __asm__ volatile(PROLOGUE body "\n\tfsd ft3, 0(%[out])\n\tcsrr %[fl], fflags" \
    : [fl] "=&r"(fl) : [in] "r"(in), [out] "r"(out), [xa] "r"(xa) : "ft0", "ft1", "ft2", "ft3", "memory")
/* Result in an integer register. */
#define TO_X(body) __asm__ volatile(PROLOGUE body "\n\tcsrr %[fl], fflags" \
    : [fl] "=&r"(fl), [xr] "=&r"(xr) : [in] "r"(in), [xa] "r"(xa) : "ft0", "ft1", "ft2", "memory")

/* Modes 0-4 are the static rm values, anything else is dyn. */
#define BY_MODE(KIND, head) switch (mode) { \
    case 0: KIND(head "rne"); break; \
    case 1: KIND(head "rtz"); break; \
    case 2: KIND(head "rdn"); break; \
    case 3: KIND(head "rup"); break; \
    case 4: KIND(head "rmm"); break; \
    default: KIND(head "dyn"); break; }

#define FN_F_RM(fn, head) static void fn(int mode, const uint64_t *in, uint64_t *out) { \
    ureg fl, xa = (ureg)in[0]; BY_MODE(TO_F, head) out[1] = fl; }
#define FN_F(fn, body) static void fn(int mode, const uint64_t *in, uint64_t *out) { \
    ureg fl, xa = (ureg)in[0]; (void)mode; TO_F(body); out[1] = fl; }
#define FN_X_RM(fn, head) static void fn(int mode, const uint64_t *in, uint64_t *out) { \
    ureg fl, xr, xa = (ureg)in[0]; BY_MODE(TO_X, head) out[0] = xr; out[1] = fl; }
#define FN_X(fn, body) static void fn(int mode, const uint64_t *in, uint64_t *out) { \
    ureg fl, xr, xa = (ureg)in[0]; (void)mode; TO_X(body); out[0] = xr; out[1] = fl; }

#define ARITHMETIC(p) \
    FN_F_RM(fadd_##p, "fadd." #p " ft3, ft0, ft1, ") \
    FN_F_RM(fsub_##p, "fsub." #p " ft3, ft0, ft1, ") \
    FN_F_RM(fmul_##p, "fmul." #p " ft3, ft0, ft1, ") \
    FN_F_RM(fdiv_##p, "fdiv." #p " ft3, ft0, ft1, ") \
    FN_F_RM(fsqrt_##p, "fsqrt." #p " ft3, ft0, ") \
    FN_F_RM(fmadd_##p, "fmadd." #p " ft3, ft0, ft1, ft2, ") \
    FN_F_RM(fmsub_##p, "fmsub." #p " ft3, ft0, ft1, ft2, ") \
    FN_F_RM(fnmsub_##p, "fnmsub." #p " ft3, ft0, ft1, ft2, ") \
    FN_F_RM(fnmadd_##p, "fnmadd." #p " ft3, ft0, ft1, ft2, ") \
    FN_F(fsgnj_##p, "fsgnj." #p " ft3, ft0, ft1") \
    FN_F(fsgnjn_##p, "fsgnjn." #p " ft3, ft0, ft1") \
    FN_F(fsgnjx_##p, "fsgnjx." #p " ft3, ft0, ft1") \
    FN_F(fmin_##p, "fmin." #p " ft3, ft0, ft1") \
    FN_F(fmax_##p, "fmax." #p " ft3, ft0, ft1") \
    FN_X(feq_##p, "feq." #p " %[xr], ft0, ft1") \
    FN_X(flt_##p, "flt." #p " %[xr], ft0, ft1") \
    FN_X(fle_##p, "fle." #p " %[xr], ft0, ft1") \
    FN_X(fclass_##p, "fclass." #p " %[xr], ft0") \
    FN_X_RM(fcvt_w_##p, "fcvt.w." #p " %[xr], ft0, ") \
    FN_X_RM(fcvt_wu_##p, "fcvt.wu." #p " %[xr], ft0, ")

ARITHMETIC(s)
ARITHMETIC(d)
FN_F_RM(fcvt_s_w, "fcvt.s.w ft3, %[xa], ")
FN_F_RM(fcvt_s_wu, "fcvt.s.wu ft3, %[xa], ")
/* The exact conversions take no rounding mode in GNU as. */
FN_F(fcvt_d_w, "fcvt.d.w ft3, %[xa]")
FN_F(fcvt_d_wu, "fcvt.d.wu ft3, %[xa]")
FN_F_RM(fcvt_s_d, "fcvt.s.d ft3, ft0, ")
FN_F(fcvt_d_s, "fcvt.d.s ft3, ft0")
FN_X(fmv_x_w, "fmv.x.w %[xr], ft0")
FN_F(fmv_w_x, "fmv.w.x ft3, %[xa]")
#if XLEN == 64
FN_X_RM(fcvt_l_s, "fcvt.l.s %[xr], ft0, ")
FN_X_RM(fcvt_lu_s, "fcvt.lu.s %[xr], ft0, ")
FN_X_RM(fcvt_l_d, "fcvt.l.d %[xr], ft0, ")
FN_X_RM(fcvt_lu_d, "fcvt.lu.d %[xr], ft0, ")
FN_F_RM(fcvt_s_l, "fcvt.s.l ft3, %[xa], ")
FN_F_RM(fcvt_s_lu, "fcvt.s.lu ft3, %[xa], ")
FN_F_RM(fcvt_d_l, "fcvt.d.l ft3, %[xa], ")
FN_F_RM(fcvt_d_lu, "fcvt.d.lu ft3, %[xa], ")
FN_X(fmv_x_d, "fmv.x.d %[xr], ft0")
FN_F(fmv_d_x, "fmv.d.x ft3, %[xa]")
#endif

/* ---- the table of instructions ---- */

enum inputs { IN_SINGLES, IN_DOUBLES, IN_INTEGERS };

struct op {
    const char *name;
    op_fn fn;
    enum inputs inputs;
    int arity;   /* floating-point operands taken from the table */
    int rounds;  /* has an rm field to vary */
};

#define OPS(p, IN) \
    {"fadd." #p, fadd_##p, IN, 2, 1}, {"fsub." #p, fsub_##p, IN, 2, 1}, \
    {"fmul." #p, fmul_##p, IN, 2, 1}, {"fdiv." #p, fdiv_##p, IN, 2, 1}, \
    {"fsqrt." #p, fsqrt_##p, IN, 1, 1}, {"fmadd." #p, fmadd_##p, IN, 3, 1}, \
    {"fmsub." #p, fmsub_##p, IN, 3, 1}, {"fnmsub." #p, fnmsub_##p, IN, 3, 1}, \
    {"fnmadd." #p, fnmadd_##p, IN, 3, 1}, {"fsgnj." #p, fsgnj_##p, IN, 2, 0}, \
    {"fsgnjn." #p, fsgnjn_##p, IN, 2, 0}, {"fsgnjx." #p, fsgnjx_##p, IN, 2, 0}, \
    {"fmin." #p, fmin_##p, IN, 2, 0}, {"fmax." #p, fmax_##p, IN, 2, 0}, \
    {"feq." #p, feq_##p, IN, 2, 0}, {"flt." #p, flt_##p, IN, 2, 0}, \
    {"fle." #p, fle_##p, IN, 2, 0}, {"fclass." #p, fclass_##p, IN, 1, 0}, \
    {"fcvt.w." #p, fcvt_w_##p, IN, 1, 1}, {"fcvt.wu." #p, fcvt_wu_##p, IN, 1, 1}

static const struct op OPERATIONS[] = {
    OPS(s, IN_SINGLES),
    OPS(d, IN_DOUBLES),
    {"fcvt.s.w", fcvt_s_w, IN_INTEGERS, 1, 1},
    {"fcvt.s.wu", fcvt_s_wu, IN_INTEGERS, 1, 1},
    {"fcvt.d.w", fcvt_d_w, IN_INTEGERS, 1, 0},
    {"fcvt.d.wu", fcvt_d_wu, IN_INTEGERS, 1, 0},
    {"fcvt.s.d", fcvt_s_d, IN_DOUBLES, 1, 1},
    {"fcvt.d.s", fcvt_d_s, IN_SINGLES, 1, 0},
    {"fmv.x.w", fmv_x_w, IN_SINGLES, 1, 0},
    {"fmv.x.w of doubles", fmv_x_w, IN_DOUBLES, 1, 0},
    {"fmv.w.x", fmv_w_x, IN_INTEGERS, 1, 0},
#if XLEN == 64
    {"fcvt.l.s", fcvt_l_s, IN_SINGLES, 1, 1},
    {"fcvt.lu.s", fcvt_lu_s, IN_SINGLES, 1, 1},
    {"fcvt.l.d", fcvt_l_d, IN_DOUBLES, 1, 1},
    {"fcvt.lu.d", fcvt_lu_d, IN_DOUBLES, 1, 1},
    {"fcvt.s.l", fcvt_s_l, IN_INTEGERS, 1, 1},
    {"fcvt.s.lu", fcvt_s_lu, IN_INTEGERS, 1, 1},
    {"fcvt.d.l", fcvt_d_l, IN_INTEGERS, 1, 1},
    {"fcvt.d.lu", fcvt_d_lu, IN_INTEGERS, 1, 1},
    {"fmv.x.d", fmv_x_d, IN_DOUBLES, 1, 0},
    {"fmv.d.x", fmv_d_x, IN_INTEGERS, 1, 0},
#endif
};

#define COUNT(array) (sizeof(array) / sizeof((array)[0]))

/* rne rtz rdn rup rmm, then dyn with frm = rne ... rmm. */
#define MODE_COUNT 10
static const char *const MODE_NAMES[MODE_COUNT] = {
    "rne", "rtz", "rdn", "rup", "rmm", "dyn/rne", "dyn/rtz", "dyn/rdn", "dyn/rup", "dyn/rmm",
};

static uint64_t line_hash;
static unsigned line_count;

static void record(const uint64_t *in, const uint64_t *out) {
    line_hash = (line_hash ^ out[0]) * 0x100000001b3ULL;
    line_hash = (line_hash ^ out[1]) * 0x100000001b3ULL;
    ++line_count;
#ifdef FLOAT_TRACE
    guest_put_hex(in[0]);
    guest_putc(' ');
    guest_put_hex(in[1]);
    guest_putc(' ');
    guest_put_hex(in[2]);
    guest_puts(" -> ");
    guest_put_hex(out[0]);
    guest_puts(" flags ");
    guest_put_hex(out[1]);
    guest_putc('\n');
#else
    (void)in;
#endif
}

static void run_triples(const struct op *op, int mode, const uint64_t (*triples)[3], unsigned count) {
    uint64_t out[2];
    for (unsigned i = 0; i < count; ++i) {
        op->fn(mode, triples[i], out);
        record(triples[i], out);
    }
}

static void run_mode(const struct op *op, int mode) {
    const uint64_t *values = op->inputs == IN_SINGLES ? SINGLES : op->inputs == IN_DOUBLES ? DOUBLES : INTEGERS;
    unsigned n = op->inputs == IN_SINGLES ? COUNT(SINGLES)
                 : op->inputs == IN_DOUBLES ? COUNT(DOUBLES) : COUNT(INTEGERS);
    if (op->arity == 3) n = FMA_COUNT;
    const unsigned nj = op->arity >= 2 ? n : 1;
    const unsigned nk = op->arity == 3 ? n : 1;
    uint64_t in[3], out[2];
    for (unsigned i = 0; i < n; ++i) {
        for (unsigned j = 0; j < nj; ++j) {
            for (unsigned k = 0; k < nk; ++k) {
                in[0] = values[i];
                in[1] = values[j];
                in[2] = values[k];
                op->fn(mode, in, out);
                record(in, out);
            }
        }
    }
    if (op->arity == 3) {
        if (op->inputs == IN_SINGLES) run_triples(op, mode, FMA_SINGLES, COUNT(FMA_SINGLES));
        else run_triples(op, mode, FMA_DOUBLES, COUNT(FMA_DOUBLES));
    }
}

static void run(const struct op *op) {
    const int modes = op->rounds ? MODE_COUNT : 1;
    for (int mode = 0; mode < modes; ++mode) {
        /* Static modes run under a different frm; dyn ones under theirs. */
        CSR_WRITE(frm, mode < 5 ? (mode + 2) % 5 : mode - 5);
        line_hash = 0xcbf29ce484222325ULL;
        line_count = 0;
        run_mode(op, mode);
        guest_puts(op->name);
        if (op->rounds) {
            guest_putc(' ');
            guest_puts(MODE_NAMES[mode]);
        }
        guest_puts(": ");
        guest_put_dec(line_count);
        guest_puts(" results, hash ");
        guest_put_hex(line_hash);
        guest_putc('\n');
        ++expect_count;
        expect_fold(line_hash);
    }
}

int main(void) {
    say(NAME, "F and D on edge operands, all rounding modes");
    for (unsigned i = 0; i < COUNT(OPERATIONS); ++i) run(&OPERATIONS[i]);
    return finish(NAME);
}
