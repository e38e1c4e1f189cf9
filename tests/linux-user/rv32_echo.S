# An RV32 Linux program with no C library (Debian has no riscv32 Linux
# compiler): prints its arguments one per line with write(2), reads its
# page size from the auxiliary vector, uses brk(2), and exits with argc
# through exit_group(2). The system-call numbers are the generic ones.
    .equ SYS_write, 64
    .equ SYS_exit_group, 94
    .equ SYS_brk, 214
    .equ AT_PAGESZ, 6

    .text
    .globl _start
_start:
    lw s0, 0(sp)            # argc
    addi s1, sp, 4          # argv
    li s2, 1                # skip argv[0]
1:  bge s2, s0, 2f
    slli t0, s2, 2
    add t0, s1, t0
    lw a0, 0(t0)
    call print_line
    addi s2, s2, 1
    j 1b
2:  # envp follows argv's NULL; the auxiliary vector follows envp's.
    slli t0, s0, 2
    add t0, s1, t0
    addi t0, t0, 4
3:  lw t1, 0(t0)
    addi t0, t0, 4
    bnez t1, 3b
4:  lw t1, 0(t0)
    lw t2, 4(t0)
    addi t0, t0, 8
    beqz t1, 5f
    li t3, AT_PAGESZ
    bne t1, t3, 4b
    li t3, 4096
    bne t2, t3, fail
5:  li a0, 0
    li a7, SYS_brk
    ecall
    beqz a0, fail
    mv s3, a0
    addi a0, s3, 64
    li a7, SYS_brk
    ecall
    addi t0, s3, 64
    bne a0, t0, fail
    li t1, 'o'              # the new memory is usable
    sb t1, 0(s3)
    li t1, 'k'
    sb t1, 1(s3)
    sb zero, 2(s3)
    mv a0, s3
    call print_line
    mv a0, s0
    li a7, SYS_exit_group
    ecall
fail:
    li a0, 99
    li a7, SYS_exit_group
    ecall

# print_line(a0 = string): the string and a newline on standard output.
print_line:
    mv t0, a0
1:  lbu t1, 0(t0)
    beqz t1, 2f
    addi t0, t0, 1
    j 1b
2:  sub a2, t0, a0
    mv a1, a0
    li a0, 1
    li a7, SYS_write
    ecall
    li a0, 1
    la a1, newline
    li a2, 1
    li a7, SYS_write
    ecall
    ret

    .section .rodata
newline:
    .byte 10
