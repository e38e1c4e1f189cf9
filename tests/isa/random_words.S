/* Pseudo-random 32-bit instruction words for DisassemblerVsObjdumpTest:
   operand fields take arbitrary values, which hand-written tests never
   reach. Each random word is emitted once per major opcode Glasshart
   decodes (unprivileged ISA, table 24.1), and again with the funct7 or
   funct5 values of the register-register, atomic and floating-point
   instructions, so most words land on real instructions. The generator is
   xorshift32 with a fixed seed, evaluated by the assembler: the file is the
   same on every build. */

    .section .text.start, "ax"
    .globl _start
_start:
    .set    .Lstate, 0x2545f491
    .rept   1500
    .set    .Lstate, .Lstate ^ ((.Lstate << 13) & 0xffffffff)
    .set    .Lstate, .Lstate ^ (.Lstate >> 17)
    .set    .Lstate, .Lstate ^ ((.Lstate << 5) & 0xffffffff)
    /* LOAD, MISC-MEM, OP-IMM, AUIPC, OP-IMM-32, STORE, AMO, OP, LUI, OP-32,
       BRANCH, JALR, JAL, SYSTEM */
    .irp    major, 0x03, 0x0f, 0x13, 0x17, 0x1b, 0x23, 0x2f, 0x33, 0x37, 0x3b, 0x63, 0x67, 0x6f, 0x73
    .insn 4, (.Lstate & 0xffffff80) | \major
    .endr
    /* OP, OP-32 and the shifts of OP-IMM(-32) with funct7 = base, alternate, M */
    .irp    funct7, 0x00, 0x20, 0x01
    .irp    major, 0x13, 0x1b, 0x33, 0x3b
    .insn 4, (.Lstate & 0x01ffff80) | (\funct7 << 25) | \major
    .endr
    .endr
    /* LOAD-FP, STORE-FP, MADD, MSUB, NMSUB, NMADD, OP-FP */
    .irp    major, 0x07, 0x27, 0x43, 0x47, 0x4b, 0x4f, 0x53
    .insn 4, (.Lstate & 0xffffff80) | \major
    .endr
    /* OP-FP with each funct5 of F and D, in both fmt S and D */
    .irp    funct5, 0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x08, 0x0b, 0x14, 0x18, 0x1a, 0x1c, 0x1e
    .insn 4, (.Lstate & 0x03ffff80) | (\funct5 << 27) | 0x53
    .insn 4, (.Lstate & 0x01ffff80) | (\funct5 << 27) | (1 << 25) | 0x53
    .endr
    /* AMO with each funct5 of the A extension */
    .irp    funct5, 0x00, 0x01, 0x02, 0x03, 0x04, 0x08, 0x0c, 0x10, 0x14, 0x18, 0x1c
    .insn 4, (.Lstate & 0x07ffff80) | (\funct5 << 27) | 0x2f
    .endr
    .endr
