/* A deterministic workload of many small blocks: sums the Collatz step
 * counts of 1..3000 (a call, data-dependent branches, a loop in a loop) and
 * exits through the finisher with code 1 + sum % 200. It runs for more
 * than 2^20 instructions, longer than one of glasshart-cli's run slices. */
    .section .text.start, "ax"
    .globl _start
_start:
    li s0, 1            /* n */
    li s1, 0            /* sum of step counts */
    li s2, 3000
outer:
    mv a0, s0
    call collatz_steps
    add s1, s1, a0
    addi s0, s0, 1
    bleu s0, s2, outer
    li t0, 200
    remu t0, s1, t0
    addi t0, t0, 1
    slli t0, t0, 16
    li t1, 0x3333          /* fail, with the code in bits 31:16 */
    or t0, t0, t1
    li t1, 0x100000        /* sifive_test finisher */
    sw t0, 0(t1)
1:  j 1b

/* a0 = number of Collatz steps from a0 down to 1 */
collatz_steps:
    li t0, 0
    li t2, 1
step:
    beq a0, t2, finished
    andi t1, a0, 1
    bnez t1, odd
    srli a0, a0, 1
    j counted
odd:
    slli t1, a0, 1
    add a0, a0, t1
    addi a0, a0, 1
counted:
    addi t0, t0, 1
    j step
finished:
    mv a0, t0
    ret
