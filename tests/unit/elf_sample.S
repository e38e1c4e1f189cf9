/* A small bare-metal program for ElfImageTest: functions, objects, labels,
   initialised data, .bss and the HTIF words, in one file that assembles for
   RV32 and RV64 alike. It is read, never run. */
#if __riscv_xlen == 64
#define WORD .dword
#else
#define WORD .word
#endif

    .section .text.start, "ax"
    .globl _start
    .type _start, @function
_start:
    la sp, __stack_top
    call main
spin:                           /* a local label: a NOTYPE symbol */
    j spin
    .size _start, . - _start

    .text
    .globl main
    .type main, @function
main:
    la a0, counter
    lw a1, 0(a0)
    addi a1, a1, 1
    sw a1, 0(a0)
    li a0, 0
    ret
    .size main, . - main

    .globl helper
    .type helper, @function
helper:
    addi a0, a0, 1
    ret
    .size helper, . - helper

    .section .rodata
    .globl message
    .type message, @object
message:
    .asciz "glasshart"
    .size message, . - message

    .data
    .balign 8
    .globl counter
    .type counter, @object
counter:
    .dword 0x1122334455667788
    .size counter, 8
    .globl pointer
    .type pointer, @object
pointer:
    WORD main
    .size pointer, . - pointer

    .section .tohost, "aw", @progbits
    .balign 64
    .globl tohost
tohost:
    .dword 0
    .globl fromhost
fromhost:
    .dword 0

    .bss
    .balign 16
    .globl buffer
    .type buffer, @object
buffer:
    .zero 256
    .size buffer, 256
