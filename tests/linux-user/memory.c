// malloc, calloc, realloc and free in every size class glibc has: the
// program break for small blocks, mmap for large ones, mremap for growing
// them; mmap, mprotect and munmap directly. Prints checksums.
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

static uint32_t checksum(const unsigned char* bytes, size_t length) {
    uint32_t sum = 2166136261u;
    for (size_t i = 0; i < length; ++i) sum = (sum ^ bytes[i]) * 16777619u;
    return sum;
}

int main(void) {
    enum { kBlocks = 200 };
    unsigned char* blocks[kBlocks];
    size_t sizes[kBlocks];
    uint32_t total = 0;
    for (int i = 0; i < kBlocks; ++i) {
        sizes[i] = (size_t)(i * i * 37 % 5000) + 1;
        blocks[i] = malloc(sizes[i]);
        for (size_t j = 0; j < sizes[i]; ++j) blocks[i][j] = (unsigned char)(i + j);
    }
    for (int i = 0; i < kBlocks; i += 2) free(blocks[i]);
    for (int i = 1; i < kBlocks; i += 2) total ^= checksum(blocks[i], sizes[i]);
    printf("small blocks: %08x\n", total);

    unsigned char* zeroed = calloc(100000, 3);
    size_t nonzero = 0;
    for (size_t i = 0; i < 300000; ++i) nonzero += zeroed[i] != 0;
    printf("calloc'd bytes not zero: %zu\n", nonzero);
    memset(zeroed, 0x5a, 300000);
    free(zeroed);

    unsigned char* growing = malloc(16);
    size_t size = 16;
    for (int step = 0; step < 16; ++step) {
        growing = realloc(growing, size * 2);
        memset(growing + size, step, size);
        size *= 2;
    }
    printf("realloc'd to %zu bytes: %08x\n", size, checksum(growing, size));
    free(growing);

    const size_t length = 5 * 4096;
    unsigned char* mapped = mmap(NULL, length, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (mapped == MAP_FAILED) return 1;
    size_t stale = 0;
    for (size_t i = 0; i < length; ++i) stale += mapped[i] != 0;
    printf("fresh mapping bytes not zero: %zu\n", stale);
    memset(mapped, 1, length);
    printf("mprotect: %d\n", mprotect(mapped, 4096, PROT_READ));
    printf("munmap middle: %d\n", munmap(mapped + 4096, 4096));
    printf("munmap rest: %d\n", munmap(mapped, length));
    printf("munmap unaligned: %d\n", munmap(mapped + 1, 4096));
    return 0;
}
