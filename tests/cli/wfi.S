/* Waits for an interrupt with every interrupt disabled in mie: nothing can
 * ever wake the hart. glasshart-cli must exit 123. */
    .section .text.start, "ax"
    .globl _start
_start:
    csrw mie, zero
    csrci mstatus, 8
1:  wfi
    j 1b
