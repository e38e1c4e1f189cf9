/* Start-up and trap entry for Glasshart's bare-metal guests (M-mode). */
#if __riscv_xlen == 64
#define STORE sd
#define LOAD ld
#define REGBYTES 8
#else
#define STORE sw
#define LOAD lw
#define REGBYTES 4
#endif

    .section .text.start, "ax"
    .globl _start
_start:
    .option push
    .option norelax
    la gp, __global_pointer$
    .option pop
    la sp, __stack_top
    la t0, __bss_start
    la t1, __bss_end
1:  bgeu t0, t1, 2f
    sb zero, 0(t0)
    addi t0, t0, 1
    j 1b
2:  la t0, guest_trap_entry
    csrw mtvec, t0
    /* mstatus.FS = Initial (privileged spec 3.1.6.6): the FP unit is on, so
       code built with F/D runs. A hart without F keeps FS read-only zero. */
    li t0, 1 << 13
    csrs mstatus, t0
    call main
    call guest_exit
3:  j 3b

/* Saves every integer register into a struct trap_frame on the stack, calls
   guest_trap_handler(frame) and returns to frame->mepc. */
    .text
    .balign 4
    .globl guest_trap_entry
guest_trap_entry:
    addi sp, sp, -34*REGBYTES
    .irp n, 1,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
    STORE x\n, \n*REGBYTES(sp)
    .endr
    addi t0, sp, 34*REGBYTES
    STORE t0, 2*REGBYTES(sp)          /* the interrupted sp */
    csrr t0, mepc
    STORE t0, 32*REGBYTES(sp)
    csrr t0, mcause
    STORE t0, 33*REGBYTES(sp)
    mv a0, sp
    call guest_trap_handler
    LOAD t0, 32*REGBYTES(sp)
    csrw mepc, t0
    .irp n, 1,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
    LOAD x\n, \n*REGBYTES(sp)
    .endr
    addi sp, sp, 34*REGBYTES
    mret
