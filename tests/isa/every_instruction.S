/* Every instruction of Instructions.def, every alias binutils 2.40 prints,
   the compressed forms including HINTs, and reserved encodings, assembled for
   RV32 and RV64. Never executed: DisassemblerVsObjdumpTest compares objdump's
   listing of it with Glasshart's decoder and disassembler.

   Raw encodings use .insn so that the assembler marks them as code (a .word
   would be data, which objdump prints as such). */

#if __riscv_xlen == 64
#define RV64(...) __VA_ARGS__
#else
#define RV64(...)
#endif

    .section .text.start, "ax"
    .globl _start
_start:
    .option push
    .option norvc
    .option norelax

/* ---- RV32I / RV64I, register-immediate (unprivileged ISA 2.4.1) ---- */
    addi    a0, a1, 5
    addi    a0, a1, -1
    addi    a0, a1, 2047
    addi    a0, a1, -2048
    addi    zero, zero, 0           /* nop */
    addi    zero, zero, 5           /* HINT: li zero,5 */
    addi    zero, a0, 5             /* HINT */
    addi    a0, zero, 0             /* li a0,0 */
    addi    a0, zero, -2048         /* li */
    addi    a0, a1, 0               /* mv */
    addi    zero, a1, 0             /* mv zero,a1 */
    addi    sp, sp, -16
    slti    a0, a1, -1
    slti    a0, zero, 0
    sltiu   a0, a1, 1               /* seqz */
    sltiu   a0, a1, 2047
    sltiu   a0, a1, -1
    xori    a0, a1, -1              /* not */
    xori    a0, a1, 255
    xori    a0, zero, 0
    ori     a0, a1, -2048
    ori     a0, a1, 0
    andi    a0, a1, 255             /* zext.b */
    andi    a0, a1, 254
    andi    a0, a1, -1
    slli    a0, a1, 0
    slli    a0, a1, 1
    slli    a0, a1, 31
    srli    a0, a1, 0
    srli    a0, a1, 31
    srai    a0, a1, 1
    srai    a0, a1, 31
RV64(slli   a0, a1, 32)
RV64(slli   a0, a1, 63)
RV64(srli   a0, a1, 63)
RV64(srai   a0, a1, 32)
RV64(srai   t6, t5, 63)
    lui     a0, 0
    lui     a0, 1
    lui     a0, 0x80000
    lui     a0, 0xfffff
    lui     zero, 0x12345           /* HINT */
    auipc   a0, 0
    auipc   ra, 0x80000
    auipc   t6, 0xfffff

/* ---- register-register ---- */
    add     a0, a1, a2
    add     zero, zero, zero        /* HINT */
    add     a0, zero, a1
    add     s11, t6, t5
    sub     a0, a1, a2
    sub     a0, zero, a1            /* neg */
    sub     zero, zero, zero
    sll     a0, a1, a2
    slt     a0, a1, a2
    slt     a0, a1, zero            /* sltz */
    slt     a0, zero, a1            /* sgtz */
    slt     zero, zero, zero
    sltu    a0, a1, a2
    sltu    a0, zero, a1            /* snez */
    sltu    a0, a1, zero
    xor     a0, a1, a2
    srl     a0, a1, a2
    sra     a0, a1, a2
    or      a0, a1, a2
    and     a0, a1, a2

/* ---- RV64I word operations ---- */
RV64(addiw  a0, a1, 0)              /* sext.w */
RV64(addiw  a0, a1, 1)
RV64(addiw  a0, a1, -2048)
RV64(addiw  zero, zero, 0)
RV64(slliw  a0, a1, 0)
RV64(slliw  a0, a1, 31)
RV64(srliw  a0, a1, 31)
RV64(sraiw  a0, a1, 31)
RV64(addw   a0, a1, a2)
RV64(subw   a0, a1, a2)
RV64(subw   a0, zero, a1)           /* negw */
RV64(sllw   a0, a1, a2)
RV64(srlw   a0, a1, a2)
RV64(sraw   a0, a1, a2)

/* ---- loads and stores ---- */
    lb      a0, 0(a1)
    lb      a0, -2048(a1)
    lh      a0, 2047(sp)
    lw      a0, -1(s0)
    lbu     a0, 16(gp)
    lhu     a0, 0(tp)
    lw      zero, 0(zero)
RV64(ld     a0, 8(a1))
RV64(lwu    a0, -8(a1))
RV64(ld     t6, 2047(t6))
    sb      a0, 0(a1)
    sh      a0, -2048(a1)
    sw      a0, 2047(sp)
    sw      zero, 0(zero)
RV64(sd     a0, -8(sp))

/* ---- control transfer ---- */
backward:
    jal     zero, backward          /* j */
    jal     ra, backward            /* jal */
    jal     a0, backward
    jal     t0, forward
    jalr    zero, 0(ra)             /* ret */
    jalr    zero, 0(a0)             /* jr a0 */
    jalr    ra, 0(a0)               /* jalr a0 */
    jalr    zero, 4(a0)             /* jr 4(a0) */
    jalr    ra, -4(a0)              /* jalr -4(a0) */
    jalr    a1, 0(a0)               /* jalr a1,a0 */
    jalr    a1, 2047(a0)
    jalr    zero, 0(zero)
    jalr    ra, 0(ra)
    jalr    t0, -2048(t1)
    beq     a0, a1, backward
    beq     a0, zero, backward      /* beqz */
    beq     zero, a0, backward
    beq     zero, zero, forward
    bne     a0, a1, forward
    bne     a0, zero, forward       /* bnez */
    blt     a0, a1, forward
    blt     a0, zero, forward       /* bltz */
    blt     zero, a0, forward       /* bgtz */
    blt     zero, zero, forward
    bge     a0, a1, forward
    bge     a0, zero, forward       /* bgez */
    bge     zero, a0, forward       /* blez */
    bge     zero, zero, forward
    bltu    a0, a1, forward
    bltu    zero, a0, forward
    bltu    a0, zero, forward
    bgeu    a0, a1, forward
    bgeu    a0, zero, forward
    bgeu    zero, a0, forward
forward:
    /* the branch and jump offsets' extremes */
    .insn 4, 0x80b50063             /* beq a0,a1,. - 4096 */
    .insn 4, 0x7eb51fe3             /* bne a0,a1,. + 4094 */
    .insn 4, 0x8000006f             /* j . - 1048576 */
    .insn 4, 0x7ffff0ef             /* jal . + 1048574 */
    .insn 4, 0x0020056f             /* jal a0,. + 2 */

/* ---- fences (2.7, chapter 3) ---- */
    fence
    fence   iorw, iorw
    fence   rw, rw
    fence   r, w
    fence   i, o
    fence   io, rw
    fence   w, r
    fence.tso
    fence.i
    .insn 4, 0x0000000f             /* fence with empty sets */
    .insn 4, 0x0100000f             /* pause: fence w,0 */
    .insn 4, 0x0ff0050f             /* rd != 0: reserved field */
    .insn 4, 0x0ff5800f             /* rs1 != 0 */
    .insn 4, 0x1ff0000f             /* fm = 0001 */
    .insn 4, 0x8ff0000f             /* fm = 1000 without rw,rw */
    .insn 4, 0x8330050f             /* fence.tso with rd != 0 */
    .insn 4, 0x0010100f             /* fence.i with imm != 0 */
    .insn 4, 0x0000150f             /* fence.i with rd != 0 */

/* ---- system ---- */
    ecall
    ebreak
    mret
    wfi
    .insn 4, 0x00000873             /* ecall with rd != 0: illegal */
    .insn 4, 0x00108073             /* ebreak with rs1 != 0: illegal */

/* ---- Zicsr (chapter 9) ---- */
    csrrw   a0, mstatus, a1
    csrrw   zero, mstatus, a1       /* csrw */
    csrrw   zero, cycle, zero       /* unimp */
    unimp
    csrrw   zero, time, zero
    csrrw   a0, cycle, zero
    csrrs   a0, mstatus, zero       /* csrr */
    csrrs   zero, mstatus, zero     /* csrr zero */
    csrrs   zero, mstatus, a1       /* csrs */
    csrrs   a0, mstatus, a1
    csrrc   zero, mie, a1           /* csrc */
    csrrc   a0, mie, a1
    csrrc   a0, mie, zero
    csrrwi  zero, mtvec, 31         /* csrw imm */
    csrrwi  a0, mtvec, 0
    csrrsi  zero, mip, 1
    csrrsi  a0, mip, 0
    csrrci  zero, mip, 8
    csrrci  a0, mip, 31
    rdcycle a0
    rdtime  a1
    rdinstret a2
    csrrs   a0, cycleh, zero        /* rdcycleh only on RV32 */
    csrrs   a0, timeh, zero
    csrrs   a0, instreth, zero
    csrrs   a0, cycle, a1
    csrrs   a0, 0x7c0, zero         /* no name: printed as a number */
    csrrw   zero, 0xfff, a0
    csrrs   a0, fflags, zero
    csrrs   a0, frm, zero
    csrrs   a0, fcsr, zero
    csrrs   a0, pmpcfg0, zero
    csrrs   a0, pmpcfg15, zero
    csrrs   a0, pmpaddr0, zero
    csrrs   a0, pmpaddr63, zero
    /* every CSR number, so each name in Csrs.def is checked */
    .set    .Lcsr, 0
    .rept   4096
    .insn 4, 0x00002573 | (.Lcsr << 20)  /* csrrs a0,csr,zero */
    .set    .Lcsr, .Lcsr + 1
    .endr

/* ---- M (chapter 7) ---- */
    mul     a0, a1, a2
    mulh    a0, a1, a2
    mulhsu  a0, a1, a2
    mulhu   a0, a1, a2
    div     a0, a1, a2
    divu    a0, a1, a2
    rem     a0, a1, a2
    remu    a0, a1, a2
    mul     zero, zero, zero
RV64(mulw   a0, a1, a2)
RV64(divw   a0, a1, a2)
RV64(divuw  a0, a1, a2)
RV64(remw   a0, a1, a2)
RV64(remuw  a0, a1, a2)

/* ---- A (chapter 8) ---- */
    lr.w        a0, (a1)
    lr.w.aq     a0, (a1)
    lr.w.rl     a0, (a1)
    lr.w.aqrl   a0, (a1)
    sc.w        a0, a2, (a1)
    sc.w.aq     a0, a2, (a1)
    sc.w.rl     a0, a2, (a1)
    sc.w.aqrl   a0, a2, (a1)
    amoswap.w   a0, a2, (a1)
    amoadd.w    a0, a2, (a1)
    amoxor.w.aq a0, a2, (a1)
    amoand.w.rl a0, a2, (a1)
    amoor.w.aqrl a0, a2, (a1)
    amomin.w    a0, a2, (a1)
    amomax.w    zero, zero, (zero)
    amominu.w   a0, a2, (a1)
    amomaxu.w   a0, a2, (a1)
    .insn 4, 0x1005a52f | (3 << 20) /* lr.w with rs2 != 0: illegal */
RV64(lr.d       a0, (a1))
RV64(lr.d.aqrl  a0, (a1))
RV64(sc.d       a0, a2, (a1))
RV64(sc.d.aq    a0, a2, (a1))
RV64(amoswap.d  a0, a2, (a1))
RV64(amoadd.d   a0, a2, (a1))
RV64(amoxor.d   a0, a2, (a1))
RV64(amoand.d   a0, a2, (a1))
RV64(amoor.d    a0, a2, (a1))
RV64(amomin.d   a0, a2, (a1))
RV64(amomax.d.rl a0, a2, (a1))
RV64(amominu.d  a0, a2, (a1))
RV64(amomaxu.d.aqrl a0, a2, (a1))

/* ---- F and D (chapters 11 and 12) ---- */
    flw     fa0, 8(a0)
    flw     ft0, -2048(zero)
    fsw     ft11, 2047(sp)
    fld     fs11, -8(s0)
    fsd     fa7, 0(a1)
    fmadd.s fa0, fa1, fa2, fa3
    fmadd.s fa0, fa1, fa2, fa3, rne
    fmsub.s ft0, ft1, ft2, ft3, rtz
    fnmsub.s fs0, fs1, fs2, fs3, rdn
    fnmadd.s ft8, ft9, ft10, ft11, rup
    fmadd.d fa0, fa1, fa2, fa3, rmm
    fmsub.d fa0, fa1, fa2, fa3
    fnmsub.d fa0, fa1, fa2, fa3, dyn
    fnmadd.d fa0, fa1, fa2, fa3, rtz
    fadd.s  fa0, fa1, fa2
    fadd.s  fa0, fa1, fa2, rne
    fsub.s  fa0, fa1, fa2, rtz
    fmul.s  fa0, fa1, fa2, rdn
    fdiv.s  fa0, fa1, fa2, rup
    fsqrt.s fa0, fa1, rmm
    fsqrt.s fa0, fa1
    fadd.d  fa0, fa1, fa2, rmm
    fsub.d  fa0, fa1, fa2
    fmul.d  fa0, fa1, fa2, rtz
    fdiv.d  fa0, fa1, fa2
    fsqrt.d fa0, fa1, rne
    fsgnj.s fa0, fa1, fa2
    fsgnj.s fa0, fa1, fa1           /* fmv.s */
    fsgnjn.s fa0, fa1, fa2
    fsgnjn.s fa0, fa1, fa1          /* fneg.s */
    fsgnjx.s fa0, fa1, fa2
    fsgnjx.s fa0, fa1, fa1          /* fabs.s */
    fsgnj.d fa0, fa1, fa2
    fsgnj.d fa0, fa1, fa1
    fsgnjn.d fa0, fa1, fa2
    fsgnjn.d fa0, fa1, fa1
    fsgnjx.d fa0, fa1, fa2
    fsgnjx.d fa0, fa1, fa1
    fmin.s  fa0, fa1, fa2
    fmax.s  fa0, fa1, fa2
    fmin.d  fa0, fa1, fa2
    fmax.d  fa0, fa1, fa2
    feq.s   a0, fa1, fa2
    flt.s   a0, fa1, fa2
    fle.s   zero, fa1, fa2
    feq.d   a0, fa1, fa2
    flt.d   a0, fa1, fa2
    fle.d   t6, ft11, ft10
    fclass.s a0, fa0
    fclass.d a0, fa0
    fmv.x.w a0, fa0
    fmv.w.x fa0, a0
    fcvt.w.s a0, fa0
    fcvt.w.s a0, fa0, rtz
    fcvt.wu.s a0, fa0, rne
    fcvt.s.w fa0, a0
    fcvt.s.w fa0, a0, rmm
    fcvt.s.wu fa0, a0, rdn
    fcvt.w.d a0, fa0, rtz
    fcvt.wu.d a0, fa0
    fcvt.d.w fa0, a0
    fcvt.d.wu fa0, a0
    fcvt.s.d fa0, fa1
    fcvt.s.d fa0, fa1, rup
    fcvt.d.s fa0, fa1
RV64(fcvt.l.s   a0, fa0, rtz)
RV64(fcvt.lu.s  a0, fa0)
RV64(fcvt.s.l   fa0, a0, rne)
RV64(fcvt.s.lu  fa0, a0)
RV64(fcvt.l.d   a0, fa0)
RV64(fcvt.lu.d  a0, fa0, rmm)
RV64(fcvt.d.l   fa0, a0, rtz)
RV64(fcvt.d.lu  fa0, a0)
RV64(fmv.x.d    a0, fa0)
RV64(fmv.d.x    fa0, a0)
    /* the reserved rounding modes 5 and 6 decode (and trap when executed) */
    .insn 4, 0x00c5d553             /* fadd.s fa0,fa1,fa2 with rm = 5 */
    .insn 4, 0x68c5e543             /* fmadd.s with rm = 6 */
    .insn 4, 0xc0055553             /* fcvt.w.s with rm = 5 */
    /* exact conversions with rm != 000: binutils 2.40 only knows rm = 000 */
    .insn 4, 0x42059553             /* fcvt.d.s, rm = rtz */
    .insn 4, 0x4205f553             /* fcvt.d.s, rm = dyn */
    .insn 4, 0xd2057553             /* fcvt.d.w, rm = dyn */
    .insn 4, 0xd2151553             /* fcvt.d.wu, rm = rtz */
    /* not instructions */
    .insn 4, 0x5815f553             /* fsqrt.s with rs2 != 0 */
    .insn 4, 0xe0151553             /* fclass.s with rs2 != 0 */
    .insn 4, 0x20c5b553             /* fsgnj.s funct3 = 011 */
    .insn 4, 0x28c5a553             /* fmin.s funct3 = 010 */
    .insn 4, 0xa0c5b553             /* feq.s funct3 = 011 */
    .insn 4, 0x06c5f553             /* fadd with fmt = 11 (Q) */
    .insn 4, 0x00004007             /* LOAD-FP funct3 = 100 (flq) */
    .insn 4, 0x0000102b             /* STORE-FP funct3 = 001 */
    /* the F CSR pseudo-instructions */
    frcsr   a0
    fscsr   a0
    fscsr   a1, a0
    frrm    a0
    fsrm    a0
    fsrm    a1, a0
    frflags a0
    fsflags a0
    fsflags a1, a0
    fsrmi   1
    fsrmi   a0, 4
    fsflagsi 3
    fsflagsi a0, 31
    csrrs   zero, fflags, zero      /* frflags zero */
    csrrw   zero, fcsr, zero        /* fscsr zero */
    csrrwi  a0, fcsr, 3
    csrrwi  zero, fcsr, 3
    csrrsi  a0, fflags, 3
    csrrsi  zero, frm, 3
    csrrci  zero, frm, 3
    csrrs   a0, fcsr, a1
    csrrc   a0, fflags, a1

/* ---- encodings that are not instructions ---- */
    .insn 4, 0xffffff7b             /* custom-3, every other bit set */
    .insn 4, 0x00000033 | (1 << 30) | (1 << 12) /* funct7 = 0100000 with sll */
    .insn 4, 0x00007003             /* load funct3 = 111 */
    .insn 4, 0x00004023             /* store funct3 = 100 */
    .insn 4, 0x00002063             /* branch funct3 = 010 */
    .insn 4, 0x00001067             /* jalr funct3 != 0 */
    .insn 4, 0x0000001b | (2 << 12) /* OP-IMM-32 funct3 = 010 */
    .insn 4, 0x0000000b             /* custom-0 */
    .insn 4, 0x00000007             /* LOAD-FP funct3 = 000 */
    .insn 4, 0x00000053             /* OP-FP: fadd.s ft0,ft0,ft0,rne */
    .insn 4, 0x00000057             /* OP-V: no V */
    .insn 4, 0x00100013 | (1 << 25) | (1 << 12) /* slli, shamt[5] set (RV64 only) */
    /* 16-bit parcels where the mapping symbol's ISA has no C */
    .insn 2, 0x4501
    .insn 2, 0x0000
    .option pop

/* ---- compressed (chapter 16), in the assembler's own spelling ---- */
    .option push
    .option rvc
    .option norelax
compressed:
    c.addi4spn  a0, sp, 4
    c.addi4spn  s0, sp, 1020
    c.lw        a0, 0(a1)
    c.lw        s1, 124(a5)
    c.sw        a0, 124(a1)
    c.nop
    c.addi      a0, 1
    c.addi      sp, -32
    c.addi      t6, 31
    c.li        a0, 0
    c.li        a0, -32
    c.li        ra, 31
    c.addi16sp  sp, -512
    c.addi16sp  sp, 496
    c.addi16sp  sp, 16
    c.lui       a0, 1
    c.lui       ra, 0x1f
    c.lui       t6, 0xfffe0
    c.lui       s0, 0xfffff
    c.srli      a0, 1
    c.srai      s1, 31
    c.andi      a0, -32
    c.andi      a5, 31
    c.andi      a5, 0
    c.sub       a0, a1
    c.xor       s0, s1
    c.or        a4, a5
    c.and       a0, a0
    c.j         compressed
    c.j         compressed_end
    c.beqz      a0, compressed
    c.bnez      s1, compressed_end
    c.slli      a0, 1
    c.slli      ra, 31
    c.lwsp      a0, 0(sp)
    c.lwsp      ra, 252(sp)
    c.swsp      a0, 252(sp)
    c.swsp      zero, 0(sp)
    c.jr        ra
    c.jr        a0
    c.jalr      a0
    c.jalr      ra
    c.mv        a0, a1
    c.mv        ra, t6
    c.add       a0, a1
    c.add       sp, sp
    c.ebreak
    c.fld       fa0, 8(a0)
    c.fld       fs0, 248(a5)
    c.fsd       fa5, 0(s1)
    c.fldsp     fa0, 504(sp)
    c.fldsp     ft11, 0(sp)
    c.fsdsp     fs11, 8(sp)
#if __riscv_xlen == 64
    c.ld        a0, 0(a1)
    c.ld        s1, 248(a5)
    c.sd        a0, 248(a1)
    c.addiw     a0, 0
    c.addiw     a0, -32
    c.addiw     t6, 31
    c.subw      a0, a1
    c.addw      s0, s1
    c.srli      a0, 63
    c.srai      a0, 32
    c.slli      a0, 63
    c.ldsp      a0, 0(sp)
    c.ldsp      ra, 504(sp)
    c.sdsp      a0, 504(sp)
#else
    c.jal       compressed
    c.jal       compressed_end
    c.flw       fa0, 4(a0)
    c.flw       fs1, 124(a5)
    c.fsw       fa5, 0(s1)
    c.flwsp     ft0, 252(sp)
    c.flwsp     fs11, 0(sp)
    c.fswsp     fa0, 4(sp)
#endif
    /* HINTs (16.8): legal, executed as no-ops, printed with their c. name */
    .insn 2, 0x0005                 /* c.nop 1 */
    .insn 2, 0x1001                 /* c.nop -32 */
    .insn 2, 0x0501                 /* c.addi a0,0 */
    .insn 2, 0x4001                 /* c.li zero,0 */
    .insn 2, 0x507d                 /* c.li zero,-1 */
    .insn 2, 0x6005                 /* c.lui zero,1 */
    .insn 2, 0x7001                 /* c.lui zero,0xfffe0 */
    .insn 2, 0x8006                 /* c.mv zero,ra */
    .insn 2, 0x807e                 /* c.mv zero,t6 */
    .insn 2, 0x9006                 /* c.add zero,ra */
    .insn 2, 0x0002                 /* c.slli64 zero */
    .insn 2, 0x0502                 /* c.slli64 a0 */
    .insn 2, 0x000a                 /* c.slli zero,2 */
    .insn 2, 0x8101                 /* c.srli64 a0 */
    .insn 2, 0x8501                 /* c.srai64 a0 */
    /* reserved encodings (16.9 listings): illegal */
    .insn 2, 0x0000                 /* the all-zero parcel */
    .insn 2, 0x0004                 /* c.addi4spn, nzuimm = 0 */
    .insn 2, 0x0010
    .insn 2, 0x8000                 /* quadrant 0, funct3 = 100 */
    .insn 2, 0x6501                 /* c.lui a0,0 */
    .insn 2, 0x6001                 /* c.lui zero,0 */
    .insn 2, 0x8002                 /* c.jr zero */
    .insn 2, 0x4002                 /* c.lwsp zero */
    .insn 2, 0x9d41                 /* funct2 = 10 with bit 12 set */
    .insn 2, 0x9d61
    .insn 2, 0x2000                 /* c.fld ft0,0(s0) */
    .insn 2, 0xa000                 /* c.fsd */
    .insn 2, 0x2002                 /* c.fldsp ft0: f0 is allowed */
    .insn 2, 0xa002                 /* c.fsdsp */
    .insn 2, 0x9c01                 /* c.subw, reserved on RV32 */
    .insn 2, 0x2001                 /* c.jal on RV32, reserved c.addiw zero on RV64 */
    .insn 2, 0x6000                 /* c.ld on RV64, c.flw on RV32 */
    .insn 2, 0x6002                 /* c.ldsp zero on RV64, c.flwsp on RV32 */
    .insn 2, 0xe000                 /* c.sd on RV64, c.fsw on RV32 */
    .insn 2, 0xe002                 /* c.sdsp on RV64, c.fswsp on RV32 */
compressed_end:
    c.nop
    .option pop
