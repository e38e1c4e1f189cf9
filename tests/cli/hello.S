/* Prints "hi\n" on the UART (waiting for THRE before each byte) and passes
 * through the finisher. */
    .section .text.start, "ax"
    .globl _start
_start:
    li t0, 0x10000000      /* ns16550a UART */
    la t1, message
next:
    lbu t2, 0(t1)
    beqz t2, done
wait:
    lbu t3, 5(t0)
    andi t3, t3, 0x20
    beqz t3, wait
    sb t2, 0(t0)
    addi t1, t1, 1
    j next
done:
    li t0, 0x100000        /* sifive_test finisher */
    li t1, 0x5555
    sw t1, 0(t0)
1:  j 1b

    .section .rodata
message:
    .asciz "hi\n"
