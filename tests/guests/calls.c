/* calls: calls and returns in the shapes a translator that pairs guest
 * calls with host calls must still get right (Glasshart's does; see
 * BlockEmitter::emitCall): recursion deeper than its return-address stack,
 * returns that skip frames, returns through the alternate link register t0,
 * calls through function pointers, and a callee that rewrites the code its
 * caller goes on with. */
#include "encoders.h"
#include "expect.h"

static const char NAME[] = "calls";

/* Stores after each call keep the compiler from turning recursion into loops. */
static volatile ureg sink;

/* Deeper than the translator's 2048 return frames, inside the runtime's stack. */
#define DEEP 3000

static __attribute__((noinline)) ureg depth(ureg n) {
    if (n == 0) return 0;
    const ureg below = depth(n - 1);
    sink = below;
    return below + 1;
}

static void test_deep_recursion(void) {
    for (ureg n = DEEP - 2; n <= DEEP; ++n) EXPECT_EQ(depth(n), n);
    /* Shallow again after the deep ones. */
    EXPECT_EQ(depth(5), 5);
}

static void *jump_buffer[5];

static __attribute__((noinline)) void unwind(ureg n) {
    if (n == 0) __builtin_longjmp(jump_buffer, 1);
    unwind(n - 1);
    sink = n;
}

static void test_returns_that_skip_frames(void) {
    volatile int landed = 0; /* __builtin_setjmp returns twice */
    for (ureg frames = 0; frames < 40; ++frames) {
        if (__builtin_setjmp(jump_buffer) == 0) {
            unwind(frames);
            EXPECT_EQ(0, 1); /* not reached: unwind always jumps out */
        } else {
            landed = landed + 1;
        }
        EXPECT_EQ(depth(frames), frames);
    }
    EXPECT_EQ(landed, 40);
}

/* A millicode-style routine called through t0, as -msave-restore does. */
__asm__(".text\n"
        ".align 2\n"
        "calls_double_through_t0:\n"
        "    add a0, a0, a0\n"
        "    jr t0\n");

static ureg double_through_t0(ureg value) {
    register ureg a0 __asm__("a0") = value;
    __asm__ volatile("jal t0, calls_double_through_t0" : "+r"(a0) : : "t0", "memory");
    return a0;
}

static void test_alternate_link_register(void) {
    for (ureg i = 0; i < 100; ++i) EXPECT_EQ(double_through_t0(i * 7 + 1), (i * 7 + 1) * 2);
}

static __attribute__((noinline)) ureg add_one(ureg x) { return x + 1; }
static __attribute__((noinline)) ureg times_three(ureg x) { return x * 3; }
static __attribute__((noinline)) ureg apply_twice(ureg (*f)(ureg), ureg x) {
    const ureg once = f(x);
    sink = once;
    return f(once);
}

static void test_function_pointers(void) {
    ureg (*const functions[])(ureg) = {add_one, times_three};
    ureg sum = 0;
    for (ureg i = 0; i < 200; ++i) sum += apply_twice(functions[i % 2], i);
    /* Even i: i + 2; odd i: 9i. */
    ureg expected = 0;
    for (ureg i = 0; i < 200; ++i) expected += i % 2 == 0 ? i + 2 : 9 * i;
    EXPECT_EQ(sum, expected);
}

static uint32_t caller_code[8] __attribute__((aligned(64)));
#define REWRITTEN_SLOT 3

/* Called from caller_code: rewrites the instruction it returns to. */
static ureg rewrite_return_site(ureg x) {
    ((volatile uint32_t *)caller_code)[REWRITTEN_SLOT] = addi(REG_A0, REG_A0, (int32_t)(x % 1000));
    fence_i();
    return x;
}

static void test_callee_rewrites_return_site(void) {
    volatile uint32_t *code = caller_code;
    code[0] = addi(REG_SP, REG_SP, -16);
    code[1] = store_register(REG_RA, REG_SP);
    code[2] = jalr(REG_RA, REG_A1); /* rewrite_return_site(a0) */
    code[REWRITTEN_SLOT] = addi(REG_A0, REG_A0, 1);
    code[4] = load_register(REG_RA, REG_SP);
    code[5] = addi(REG_SP, REG_SP, 16);
    code[6] = jalr(0, REG_RA);
    fence_i();
    ureg (*const call)(ureg, ureg (*)(ureg)) = (ureg(*)(ureg, ureg (*)(ureg)))(ureg)caller_code;
    for (ureg x = 1000; x < 1100; x += 3) EXPECT_EQ(call(x, rewrite_return_site), x + x % 1000);
}

int main(void) {
    test_deep_recursion();
    test_returns_that_skip_frames();
    test_alternate_link_register();
    test_function_pointers();
    test_callee_rewrites_return_site();
    return finish(NAME);
}
