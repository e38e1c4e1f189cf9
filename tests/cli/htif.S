/* Ends the simulation through HTIF with exit code EXIT_CODE (a compiler
 * option): device 0, command 0, payload (code << 1) | 1 stored to tohost. */
    .section .text.start, "ax"
    .globl _start
_start:
    la t0, tohost
    li t1, (EXIT_CODE << 1) | 1
#if __riscv_xlen == 64
    sd t1, 0(t0)
#else
    sw t1, 0(t0)
    sw zero, 4(t0)
#endif
1:  j 1b

    .section .tohost, "aw", @progbits
    .balign 64
    .globl tohost
tohost:
    .dword 0
    .balign 64
    .globl fromhost
fromhost:
    .dword 0
