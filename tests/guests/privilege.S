/* run_in and the S-mode trap handler of privilege.h. */
#if __riscv_xlen == 64
#define STORE sd
#define LOAD ld
#define REGBYTES 8
#else
#define STORE sw
#define LOAD lw
#define REGBYTES 4
#endif
#define RUN_IN_RETURN 0x5e5e
/* struct trap_log: count (4 bytes, padded to a register), cause, epc, tval, status. */
#define LOG_COUNT 0
#define LOG_CAUSE (1 * REGBYTES)
#define LOG_EPC (2 * REGBYTES)
#define LOG_TVAL (3 * REGBYTES)
#define LOG_STATUS (4 * REGBYTES)

    .option norvc

    .bss
    .balign 8
    .globl m_trap, s_trap
m_trap: .space 5 * REGBYTES
s_trap: .space 5 * REGBYTES
s_trap_save: .space 2 * REGBYTES

    .text
/* ureg run_in(mode, entry, fn, a, b) */
    .globl run_in
run_in:
    addi sp, sp, -16
    STORE ra, 0(sp)
    li t0, 3 << 11
    csrc mstatus, t0
    slli t0, a0, 11
    csrs mstatus, t0
    csrw mepc, a1
    mv t2, a2
    mv a0, a3
    mv a1, a4
    mret

/* Where the lower mode starts: calls fn(a, b), then asks M to return. */
    .globl lower_entry
lower_entry:
    jalr t2
    li a7, RUN_IN_RETURN
    ecall
    .globl run_in_return
run_in_return:
    LOAD ra, 0(sp)
    addi sp, sp, 16
    ret

/* The S-mode handler: records the trap in s_trap and resumes. An
 * interrupt is acknowledged by clearing what raised it (SSIP, or STIE for
 * the timer, whose pending bit only M can clear). A run_in return from U is
 * passed on to M with an ecall of its own. */
    .balign 4
    .globl s_trap_entry
s_trap_entry:
    csrw sscratch, t0
    la t0, s_trap_save
    STORE t1, 0(t0)
    STORE t2, REGBYTES(t0)
    csrr t1, scause
    li t2, 8
    bne t1, t2, 1f
    li t2, RUN_IN_RETURN
    bne a7, t2, 1f
    LOAD t1, 0(t0)
    LOAD t2, REGBYTES(t0)
    csrr t0, sscratch
    ecall
1:  la t0, s_trap
    lw t2, LOG_COUNT(t0)
    addi t2, t2, 1
    sw t2, LOG_COUNT(t0)
    STORE t1, LOG_CAUSE(t0)
    csrr t2, sepc
    STORE t2, LOG_EPC(t0)
    csrr t2, stval
    STORE t2, LOG_TVAL(t0)
    csrr t2, sstatus
    STORE t2, LOG_STATUS(t0)
    bltz t1, 4f
    li t2, 1
    beq t1, t2, 2f
    li t2, 12
    beq t1, t2, 2f
    csrr t2, sepc
    addi t2, t2, 4
    csrw sepc, t2
    j 5f
2:  csrw sepc, ra
    j 5f
4:  andi t1, t1, 0x3f
    li t2, 1
    bne t1, t2, 6f
    li t2, 2              /* SSIP */
    csrc sip, t2
    j 5f
6:  li t2, 32             /* STIE */
    csrc sie, t2
5:  la t0, s_trap_save
    LOAD t1, 0(t0)
    LOAD t2, REGBYTES(t0)
    csrr t0, sscratch
    sret
