/* smc: self-modifying code. Instructions are stored into memory, made
 * visible to instruction fetch with fence.i (Zifencei, unprivileged spec
 * chapter 3), then executed, over and over at the same addresses with
 * different contents, so an emulator that keeps translated code without
 * invalidating it returns the previous round's result. */
#include "encoders.h"
#include "expect.h"

static const char NAME[] = "smc";

/* Where the functions are assembled: ordinary RAM, executable because the
 * virt machine has no PMP entries and M-mode fetches from anywhere. */
static uint32_t code_buffer[16] __attribute__((aligned(64)));

typedef ureg (*function)(ureg);

static void test_rewrite_buffer(void) {
    volatile uint32_t *words = code_buffer;
    volatile uint16_t *halves = (volatile uint16_t *)code_buffer;
    volatile uint8_t *bytes = (volatile uint8_t *)code_buffer;
    function f = (function)(ureg)code_buffer;
    int rounds = 0;
    for (int i = 0; i < 200; ++i) {
        ureg input = 1000 + (ureg)i;
        ureg expected;
        int k = i % 31 - 15;
        switch (i % 5) {
        case 0:
            words[0] = addi(REG_A0, REG_A0, k * 100);
            words[1] = ret();
            expected = input + (ureg)(k * 100);
            break;
        case 1:
            words[0] = xori(REG_A0, REG_A0, k);
            words[1] = ret();
            expected = input ^ (ureg)(long)k;
            break;
        case 2:
            words[0] = slli(REG_A0, REG_A0, (uint32_t)i % XLEN);
            words[1] = addi(REG_A0, REG_A0, 1);
            words[2] = ret();
            expected = (input << (i % XLEN)) + 1;
            break;
        case 3:
            /* Compressed: the old 32-bit words become two 16-bit ones each. */
            halves[0] = c_addi(REG_A0, k);
            halves[1] = c_slli(REG_A0, 1);
            halves[2] = C_RET;
            expected = (input + (ureg)(long)k) << 1;
            break;
        default: {
            /* Written a byte at a time. */
            uint32_t first = addi(REG_A0, 0, k * 7);
            uint32_t second = ret();
            for (int b = 0; b < 4; ++b) {
                bytes[b] = (uint8_t)(first >> (8 * b));
                bytes[4 + b] = (uint8_t)(second >> (8 * b));
            }
            expected = (ureg)(long)(k * 7);
            break;
        }
        }
        fence_i();
        /* Several calls per version so it is well and truly translated. */
        for (int call = 0; call < 3; ++call) EXPECT_EQ(f(input), expected);
        ++rounds;
    }
    guest_puts("smc: ");
    guest_put_dec(rounds);
    guest_puts(" rewrites of a function in a RAM buffer\n");
}

/* A function in .text whose first instruction gets patched. */
__asm__(
    ".text\n"
    ".balign 4\n"
    "patchable:\n"
    ".option push\n.option norvc\n"
    "addi a0, zero, 0\n"
    "ret\n"
    ".option pop\n");
extern char patchable[];

static void test_patch_text(void) {
    volatile uint32_t *first = (volatile uint32_t *)(ureg)patchable;
    function f = (function)(ureg)patchable;
    for (int k = 0; k < 100; ++k) {
        *first = addi(REG_A0, 0, k - 50);
        fence_i();
        EXPECT_EQ(f(0), (ureg)(long)(k - 50));
        EXPECT_EQ(f(0), (ureg)(long)(k - 50));
    }
    say(NAME, "100 patches of a function in .text");
}

/* The patched instruction follows the store and the fence.i in the very
 * same straight-line run, so a translator that fetched past the fence.i
 * before executing the store has the old instruction in hand. */
static void test_patch_next(void) {
    for (int k = 0; k < 100; ++k) {
        uint32_t insn = addi(REG_A0, 0, 3 * k - 150);
        ureg result;
        __asm__ volatile(
            ".option push\n.option norvc\n"
            "la t0, 1f\n"
            "sw %1, 0(t0)\n"
            "fence.i\n"
            "1: addi a0, zero, -1\n"
            "mv %0, a0\n"
            ".option pop"
            : "=r"(result) : "r"((ureg)insn) : "t0", "a0", "memory");
        EXPECT_EQ(result, (ureg)(long)(3 * k - 150));
    }
    say(NAME, "100 patches of the instruction right after the fence.i");
}

int main(void) {
    test_rewrite_buffer();
    test_patch_text();
    test_patch_next();
    return finish(NAME);
}
