/* A program whose loadable segment (2 MiB of .bss) is larger than 1 MiB of
 * RAM; with enough RAM it passes through the finisher. */
    .section .text.start, "ax"
    .globl _start
_start:
    la t0, big
    li t1, 1
    sw t1, 0(t0)
    li t0, 0x100000        /* sifive_test finisher */
    li t1, 0x5555
    sw t1, 0(t0)
1:  j 1b

    .bss
    .balign 16
big:
    .skip 2 * 1024 * 1024
