/* crc32: the reflected CRC-32 of IEEE 802.3 (polynomial 0xEDB88320, as used
 * by zlib, PNG and Ethernet), table-driven, one byte per step, over a
 * pseudo-random 64 KiB buffer that is lightly changed before every round.
 *
 * Stresses: byte loads, a dependent chain of shift / xor / table load per
 * byte, a tight loop with a single back edge.
 *
 * Self-check, independent of the fast path:
 *   - the bit-at-a-time CRC (no table) of "123456789" must be 0xCBF43926,
 *     the check value published with the CRC-32 parameter set;
 *   - the table-driven CRC of that string must agree with it;
 *   - the bit-at-a-time CRC of the whole buffer in the first and in the last
 *     round must equal the table-driven one. */
#include "bench.h"

/* Size parameter: rounds over the buffer. */
#ifndef BENCH_SCALE
#define BENCH_SCALE 4000
#endif

#define BUFFER_BYTES (64u * 1024u)

static uint8_t buffer[BUFFER_BYTES] BENCH_PAGE_ALIGNED;
static uint32_t table[256] BENCH_PAGE_ALIGNED;

static uint32_t crc32_bitwise(const uint8_t *data, uint32_t length) {
    uint32_t crc = 0xffffffffu;
    for (uint32_t i = 0; i < length; ++i) {
        crc ^= data[i];
        for (int bit = 0; bit < 8; ++bit) crc = (crc >> 1) ^ (0xedb88320u & (0u - (crc & 1u)));
    }
    return ~crc;
}

static void build_table(void) {
    for (uint32_t byte = 0; byte < 256; ++byte) {
        uint32_t crc = byte;
        for (int bit = 0; bit < 8; ++bit) crc = (crc & 1u) ? (crc >> 1) ^ 0xedb88320u : crc >> 1;
        table[byte] = crc;
    }
}

static uint32_t crc32_table(const uint8_t *data, uint32_t length) {
    uint32_t crc = 0xffffffffu;
    for (uint32_t i = 0; i < length; ++i) crc = (crc >> 8) ^ table[(crc ^ data[i]) & 0xffu];
    return ~crc;
}

int main(void) {
    static const uint8_t check_input[] = {'1', '2', '3', '4', '5', '6', '7', '8', '9'};
    int ok = 1;
    build_table();
    ok &= bench_expect("crc32", "bitwise check value", crc32_bitwise(check_input, 9), 0xcbf43926u);
    ok &= bench_expect("crc32", "table check value", crc32_table(check_input, 9), 0xcbf43926u);

    uint32_t seed = 0x1234567u;
    for (uint32_t i = 0; i < BUFFER_BYTES; ++i) buffer[i] = (uint8_t)(bench_rand32(&seed) >> 24);

    uint32_t rounds = bench_opaque_u32(BENCH_SCALE);
    uint64_t checksum = 0;
    for (uint32_t round = 0; round < rounds; ++round) {
        /* Change a few bytes so no two rounds see the same data. */
        for (int k = 0; k < 4; ++k) buffer[bench_rand32(&seed) % BUFFER_BYTES] ^= (uint8_t)(round + 1);
        uint32_t crc = crc32_table(buffer, BUFFER_BYTES);
        if (round == 0 || round + 1 == rounds)
            ok &= bench_expect("crc32", "bitwise CRC of the buffer", crc32_bitwise(buffer, BUFFER_BYTES), crc);
        checksum = bench_fold(checksum, crc);
    }
    return bench_report("crc32", checksum, ok);
}
