/* Every 16-bit parcel (low bits not 11), in order, for
   DisassemblerVsObjdumpTest: checks the compressed expansion, its reserved
   and HINT encodings, and their disassembly against objdump exhaustively. */

    .section .text.start, "ax"
    .globl _start
_start:
    .option rvc
    .set    .Lparcel, 0
    .rept   0x10000
    .if     (.Lparcel & 3) != 3
    .insn 2, .Lparcel
    .endif
    .set    .Lparcel, .Lparcel + 1
    .endr
