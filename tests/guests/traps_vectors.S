/* A vector table for mtvec's vectored mode (privileged spec 3.1.7): an
 * interrupt with cause n enters at BASE + 4n, every exception at BASE.
 * Each slot records its own number in trap_vector_slot and continues into
 * the runtime's guest_trap_entry, so traps.c sees which slot was used. */
#if __riscv_xlen == 64
#define STORE sd
#define LOAD ld
#else
#define STORE sw
#define LOAD lw
#endif

    .data
    .balign 4
    .globl trap_vector_slot
trap_vector_slot:
    .word -1

    .text
    .option push
    .option norvc
    /* 3.1.7 lets an implementation demand more than 4-byte alignment of a
     * vectored BASE; 256 covers every slot a 64-bit mcause could pick here. */
    .balign 256
    .globl trap_vector_table
trap_vector_table:
    .irp n, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15
    j trap_vector_slot_\n
    .endr

    .irp n, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15
trap_vector_slot_\n:
    addi sp, sp, -16
    STORE t0, 0(sp)
    STORE t1, 8(sp)
    li t0, \n
    la t1, trap_vector_slot
    sw t0, 0(t1)
    LOAD t0, 0(sp)
    LOAD t1, 8(sp)
    addi sp, sp, 16
    j guest_trap_entry
    .endr
    .option pop
