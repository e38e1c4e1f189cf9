/* Jumps to address 0 with mtvec = 0: the fetch faults, and so does the
 * fetch of its trap handler. glasshart-cli must exit 125. */
    .section .text.start, "ax"
    .globl _start
_start:
    csrw mtvec, zero
    jalr zero, 0(zero)
