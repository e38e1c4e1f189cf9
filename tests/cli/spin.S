/* Loops forever in a three-instruction block, so an instruction limit
 * usually falls in the middle of a block. */
    .section .text.start, "ax"
    .globl _start
_start:
    li t0, 0
    li t1, 0
1:  addi t0, t0, 1
    add t1, t1, t0
    j 1b
