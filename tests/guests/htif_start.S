/* Start-up for the htif guest, which runs without the shared runtime: no
 * UART and no sifive_test finisher, only Spike's host-target interface.
 * The host finds the two HTIF words through the ELF symbols tohost and
 * fromhost; by Spike's convention each sits in section .tohost on its own
 * 64-byte line. */
    .section .text.start, "ax"
    .globl _start
_start:
    .option push
    .option norelax
    la gp, __global_pointer$
    .option pop
    la sp, __stack_top
    la t0, htif_trap
    csrw mtvec, t0
    la t0, __bss_start
    la t1, __bss_end
1:  bgeu t0, t1, 2f
    sb zero, 0(t0)
    addi t0, t0, 1
    j 1b
2:  call main
    call htif_exit

/* Any trap ends the run with a code no check uses. */
    .balign 4
htif_trap:
    li a0, 100
    call htif_exit

    .section .tohost, "aw", @progbits
    .balign 64
    .globl tohost
    .type tohost, @object
tohost:
    .dword 0
    .size tohost, 8
    .balign 64
    .globl fromhost
    .type fromhost, @object
fromhost:
    .dword 0
    .size fromhost, 8
