/* Instruction encoders for the guest programs that write code at run time
 * (smc, calls): unprivileged spec 2.2 for the 32-bit formats, 16.2 for the
 * compressed ones. */
#ifndef GLASSHART_TESTS_ENCODERS_H
#define GLASSHART_TESTS_ENCODERS_H

#include <stdint.h>

#define REG_RA 1
#define REG_SP 2
#define REG_A0 10
#define REG_A1 11
#define OPCODE_LOAD 0x03
#define OPCODE_OP_IMM 0x13
#define OPCODE_STORE 0x23
#define OPCODE_JALR 0x67
/* funct3 of lw/sw or ld/sd: a whole register's load or store. */
#define FUNCT3_REGISTER_WIDTH (__riscv_xlen == 64 ? 3u : 2u)

static inline uint32_t encode_i(uint32_t opcode, uint32_t funct3, uint32_t rd, uint32_t rs1, int32_t imm) {
    return ((uint32_t)imm & 0xfff) << 20 | rs1 << 15 | funct3 << 12 | rd << 7 | opcode;
}
static inline uint32_t encode_s(uint32_t opcode, uint32_t funct3, uint32_t rs1, uint32_t rs2, int32_t imm) {
    const uint32_t bits = (uint32_t)imm & 0xfff;
    return (bits >> 5) << 25 | rs2 << 20 | rs1 << 15 | funct3 << 12 | (bits & 0x1f) << 7 | opcode;
}
static inline uint32_t addi(uint32_t rd, uint32_t rs1, int32_t imm) { return encode_i(OPCODE_OP_IMM, 0, rd, rs1, imm); }
static inline uint32_t xori(uint32_t rd, uint32_t rs1, int32_t imm) { return encode_i(OPCODE_OP_IMM, 4, rd, rs1, imm); }
static inline uint32_t slli(uint32_t rd, uint32_t rs1, uint32_t shamt) {
    return encode_i(OPCODE_OP_IMM, 1, rd, rs1, (int32_t)shamt);
}
static inline uint32_t jalr(uint32_t rd, uint32_t rs1) { return encode_i(OPCODE_JALR, 0, rd, rs1, 0); }
static inline uint32_t ret(void) { return jalr(0, REG_RA); }
/* lw/ld and sw/sd of a whole register at 0(rs1). */
static inline uint32_t load_register(uint32_t rd, uint32_t rs1) {
    return encode_i(OPCODE_LOAD, FUNCT3_REGISTER_WIDTH, rd, rs1, 0);
}
static inline uint32_t store_register(uint32_t rs2, uint32_t rs1) {
    return encode_s(OPCODE_STORE, FUNCT3_REGISTER_WIDTH, rs1, rs2, 0);
}
/* c.addi rd, imm: 000 imm[5] rd imm[4:0] 01 */
static inline uint16_t c_addi(uint32_t rd, int32_t imm) {
    return (uint16_t)(((imm >> 5) & 1) << 12 | rd << 7 | (imm & 0x1f) << 2 | 0x1);
}
/* c.slli rd, shamt: 000 shamt[5] rd shamt[4:0] 10 */
static inline uint16_t c_slli(uint32_t rd, uint32_t shamt) {
    return (uint16_t)(((shamt >> 5) & 1) << 12 | rd << 7 | (shamt & 0x1f) << 2 | 0x2);
}
static const uint16_t C_RET = 0x8082; /* c.jr ra */

static inline void fence_i(void) { __asm__ volatile("fence.i" ::: "memory"); }

#endif
