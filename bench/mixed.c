/* mixed: a small all-round workload in the spirit of CoreMark (our own
 * design): every round works a linked list, multiplies small matrices, runs
 * a tokenizer's state machine over a text, and folds the results into a
 * CRC-16. All of it fits in a few KiB, so it measures the core, not memory.
 *
 *   - list: 256 records with 8-bit keys, changed every round, then searched
 *     for probe keys, merge-sorted by key through a comparison function
 *     pointer, reversed, and sorted back into their original order;
 *   - matrix: C = A B for 16x16 matrices of 16-bit values into 32-bit
 *     sums, A changed every round, then a field of bits taken from C;
 *   - state machine: a tokenizer (identifiers, decimal and hexadecimal
 *     numbers, operators, strings, malformed tokens) over 2 KiB of text,
 *     a switch on the state per character, with the numbers' values;
 *   - CRC: CRC-16/CCITT-FALSE, bit by bit, over each part's results.
 *
 * Self-check, independent of each part's own computation:
 *   - list: every probe's count must match a histogram taken while the
 *     keys were changed; the sorted list must be in order and hold the same
 *     keys (count, sum, xor); after reversing and sorting by position every
 *     record must be back in its place in the array;
 *   - matrix: the sum of C's entries must equal sum over k of (column k of
 *     A's sum) times (row k of B's sum);
 *   - tokenizer: the count of every token kind and the sum of the numbers
 *     must match what the generator of the text put in;
 *   - CRC: the CRC-16/CCITT-FALSE check value of "123456789", 0x29B1. */
#include <stddef.h>

#include "bench.h"

/* Size parameter: rounds of all four parts. */
#ifndef BENCH_SCALE
#define BENCH_SCALE 7000
#endif

/* CRC-16/CCITT-FALSE: polynomial 0x1021, initial value 0xFFFF, not reflected. */
static uint16_t crc16_byte(uint16_t crc, uint8_t byte) {
    crc ^= (uint16_t)(byte << 8);
    for (int bit = 0; bit < 8; ++bit) crc = (crc & 0x8000u) ? (uint16_t)((crc << 1) ^ 0x1021u) : (uint16_t)(crc << 1);
    return crc;
}

static uint16_t crc16_u32(uint16_t crc, uint32_t value) {
    for (int shift = 24; shift >= 0; shift -= 8) crc = crc16_byte(crc, (uint8_t)(value >> shift));
    return crc;
}

/* --- list ---------------------------------------------------------------- */

#define ITEMS 256u
#define KEYS 256u
#define PROBES 16u

struct item {
    struct item *next;
    uint32_t key;
    uint32_t position; /* index in items[] */
};

static struct item items[ITEMS] BENCH_PAGE_ALIGNED;
static uint32_t histogram[KEYS];

typedef int (*item_order)(const struct item *, const struct item *);

static int by_key(const struct item *a, const struct item *b) { return (a->key > b->key) - (a->key < b->key); }
static int by_position(const struct item *a, const struct item *b) {
    return (a->position > b->position) - (a->position < b->position);
}

/* Stable: on a tie the element of a comes first. */
static struct item *merge(struct item *a, struct item *b, item_order order) {
    struct item first;
    struct item *tail = &first;
    while (a != NULL && b != NULL) {
        if (order(b, a) < 0) {
            tail->next = b;
            b = b->next;
        } else {
            tail->next = a;
            a = a->next;
        }
        tail = tail->next;
    }
    tail->next = a != NULL ? a : b;
    return first.next;
}

static struct item *sort_list(struct item *list, item_order order) {
    if (list == NULL || list->next == NULL) return list;
    struct item *slow = list, *fast = list->next;
    while (fast != NULL && fast->next != NULL) {
        slow = slow->next;
        fast = fast->next->next;
    }
    struct item *second = slow->next;
    slow->next = NULL;
    return merge(sort_list(list, order), sort_list(second, order), order);
}

static struct item *reverse_list(struct item *list) {
    struct item *done = NULL;
    while (list != NULL) {
        struct item *next = list->next;
        list->next = done;
        done = list;
        list = next;
    }
    return done;
}

static uint32_t count_key(const struct item *list, uint32_t key) {
    uint32_t count = 0;
    for (; list != NULL; list = list->next) count += list->key == key;
    return count;
}

static void link_in_order(void) {
    for (uint32_t i = 0; i < ITEMS; ++i) items[i].next = i + 1 < ITEMS ? &items[i + 1] : NULL;
}

struct list_result {
    uint16_t crc;
    uint32_t bad;
};

static struct list_result list_round(struct item *list, uint32_t round, uint16_t crc) {
    uint32_t key_sum = 0, key_xor = 0, bad = 0;
    for (uint32_t k = 0; k < KEYS; ++k) histogram[k] = 0;
    for (uint32_t i = 0; i < ITEMS; ++i) {
        uint32_t key = (items[i].key * 5u + round + (i >> 4)) % KEYS;
        items[i].key = key;
        ++histogram[key];
        key_sum += key;
        key_xor ^= key;
    }
    for (uint32_t p = 0; p < PROBES; ++p) {
        uint32_t key = (round * 17u + p * 31u) % KEYS;
        uint32_t count = count_key(list, key);
        bad += count != histogram[key];
        crc = crc16_byte(crc, (uint8_t)count);
    }

    list = sort_list(list, by_key);
    uint32_t count = 0, sum = 0, xor = 0, previous = 0;
    for (const struct item *it = list; it != NULL; it = it->next) {
        bad += count > 0 && it->key < previous;
        previous = it->key;
        sum += it->key;
        xor ^= it->key;
        ++count;
        crc = crc16_byte(crc, (uint8_t)it->key);
    }
    bad += count != ITEMS || sum != key_sum || xor != key_xor;

    list = sort_list(reverse_list(list), by_position);
    for (uint32_t i = 0; i < ITEMS; ++i) {
        bad += list != &items[i];
        if (list != NULL) list = list->next;
    }
    bad += list != NULL;
    if (bad != 0) link_in_order(); /* so a failed round does not derail the next */
    return (struct list_result){crc, bad};
}

/* --- matrix -------------------------------------------------------------- */

#define N 16u

static int16_t matrix_a[N][N] BENCH_PAGE_ALIGNED, matrix_b[N][N];
static int32_t matrix_c[N][N];

struct matrix_result {
    uint16_t crc;
    uint32_t bad;
};

static struct matrix_result matrix_round(uint32_t round, uint16_t crc) {
    const int16_t add = (int16_t)((round % 7u) - 3);
    for (uint32_t i = 0; i < N; ++i)
        for (uint32_t j = 0; j < N; ++j) matrix_a[i][j] = (int16_t)((matrix_a[i][j] + add) & 0x7ff) - 0x400;

    for (uint32_t i = 0; i < N; ++i)
        for (uint32_t j = 0; j < N; ++j) {
            int32_t sum = 0;
            for (uint32_t k = 0; k < N; ++k) sum += (int32_t)matrix_a[i][k] * matrix_b[k][j];
            matrix_c[i][j] = sum;
        }

    /* Sums modulo 2^32 (unsigned) so that nothing overflows a signed type. */
    uint32_t total = 0, bits = 0;
    for (uint32_t i = 0; i < N; ++i)
        for (uint32_t j = 0; j < N; ++j) {
            total += (uint32_t)matrix_c[i][j];
            bits += ((uint32_t)matrix_c[i][j] >> 5) & 0x7fu;
        }
    uint32_t expected = 0;
    for (uint32_t k = 0; k < N; ++k) {
        uint32_t column = 0, row = 0;
        for (uint32_t i = 0; i < N; ++i) column += (uint32_t)(int32_t)matrix_a[i][k];
        for (uint32_t j = 0; j < N; ++j) row += (uint32_t)(int32_t)matrix_b[k][j];
        expected += column * row;
    }
    crc = crc16_u32(crc16_u32(crc, total), bits);
    return (struct matrix_result){crc, total != expected};
}

/* --- tokenizer ----------------------------------------------------------- */

#define TEXT_BYTES 2048u

enum token { IDENTIFIER, NUMBER, HEX, OPERATOR, STRING, MALFORMED, TOKEN_KINDS };
enum state { START, IN_IDENTIFIER, ZERO, IN_NUMBER, HEX_PREFIX, IN_HEX, IN_STRING, IN_MALFORMED };

static char text[TEXT_BYTES + 64u] BENCH_PAGE_ALIGNED;
static uint32_t generated[TOKEN_KINDS], generated_value_sum;

static int is_space(char c) { return c == ' ' || c == '\n' || c == '\t'; }
static int is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
static int is_digit(char c) { return c >= '0' && c <= '9'; }
static int hex_digit(char c) { /* its value, or -1 */
    if (is_digit(c)) return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
}
static int is_operator(char c) {
    switch (c) {
    case '+': case '-': case '*': case '/': case '=': case '<': case '>': case '(': case ')': case ';':
        return 1;
    default:
        return 0;
    }
}

struct tokens {
    uint32_t count[TOKEN_KINDS];
    uint32_t value_sum;
};

/* The kind of token a state ends in when whitespace (or the end) follows. */
static enum token finished(enum state state) {
    switch (state) {
    case IN_IDENTIFIER: return IDENTIFIER;
    case ZERO: case IN_NUMBER: return NUMBER;
    case IN_HEX: return HEX;
    default: return MALFORMED; /* a "0x" with no digits, an open string */
    }
}

static struct tokens tokenize(const char *s) {
    struct tokens t = {{0}, 0};
    enum state state = START;
    uint32_t value = 0;
    for (;; ++s) {
        const char c = *s;
        if (state == IN_STRING) {
            if (c == '"') {
                ++t.count[STRING];
                state = START;
            } else if (c == '\0' || c == '\n') {
                ++t.count[MALFORMED];
                state = START;
            }
            if (c == '\0') break;
            continue;
        }
        if (c == '\0' || is_space(c)) {
            if (state != START) {
                enum token kind = finished(state);
                ++t.count[kind];
                if (kind == NUMBER || kind == HEX) t.value_sum += value;
                state = START;
            }
            if (c == '\0') break;
            continue;
        }
        switch (state) {
        case START:
            value = 0;
            if (is_letter(c)) state = IN_IDENTIFIER;
            else if (c == '0') state = ZERO;
            else if (is_digit(c)) { state = IN_NUMBER; value = (uint32_t)(c - '0'); }
            else if (c == '"') state = IN_STRING;
            else if (is_operator(c)) ++t.count[OPERATOR];
            else state = IN_MALFORMED;
            break;
        case IN_IDENTIFIER:
            if (!is_letter(c) && !is_digit(c)) state = IN_MALFORMED;
            break;
        case ZERO:
            if (c == 'x') state = HEX_PREFIX;
            else if (is_digit(c)) { state = IN_NUMBER; value = (uint32_t)(c - '0'); }
            else state = IN_MALFORMED;
            break;
        case IN_NUMBER:
            if (is_digit(c)) value = value * 10u + (uint32_t)(c - '0');
            else state = IN_MALFORMED;
            break;
        case HEX_PREFIX:
        case IN_HEX:
            if (hex_digit(c) >= 0) { state = IN_HEX; value = value * 16u + (uint32_t)hex_digit(c); }
            else state = IN_MALFORMED;
            break;
        case IN_STRING:
        case IN_MALFORMED:
            break;
        }
    }
    return t;
}

/* Appends the characters of one token of the given kind; returns its length. */
static uint32_t emit_token(char *out, enum token kind, uint32_t *seed, uint32_t *value) {
    static const char letters[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_";
    static const char operators[] = "+-*/=<>();";
    static const char *const malformed[] = {"12a", "ab@", "0xz", "@", "0x", "\"open", "9_"};
    uint32_t r = bench_rand32(seed), n = 0;
    *value = 0;
    switch (kind) {
    case IDENTIFIER: {
        uint32_t length = 1u + r % 8u;
        out[n++] = letters[(r >> 8) % 53u];
        while (n < length) {
            uint32_t x = bench_rand32(seed) % 63u;
            out[n++] = x < 53u ? letters[x] : (char)('0' + (x - 53u));
        }
        break;
    }
    case NUMBER: {
        uint32_t length = 1u + r % 6u;
        for (; n < length; ++n) {
            uint32_t digit = (n == 0 ? 1u : 0u) + bench_rand32(seed) % (n == 0 ? 9u : 10u);
            out[n] = (char)('0' + digit);
            *value = *value * 10u + digit;
        }
        break;
    }
    case HEX: {
        uint32_t length = 1u + r % 4u;
        out[n++] = '0';
        out[n++] = 'x';
        for (uint32_t d = 0; d < length; ++d) {
            uint32_t digit = bench_rand32(seed) % 16u;
            out[n++] = "0123456789abcdef"[digit];
            *value = *value * 16u + digit;
        }
        break;
    }
    case OPERATOR:
        out[n++] = operators[r % 10u];
        break;
    case STRING: {
        uint32_t length = r % 9u;
        out[n++] = '"';
        for (uint32_t k = 0; k < length; ++k) {
            uint32_t x = bench_rand32(seed) % 27u;
            out[n++] = x < 26u ? (char)('a' + x) : ' ';
        }
        out[n++] = '"';
        break;
    }
    default: {
        const char *m = malformed[r % 7u];
        while (*m != '\0') out[n++] = *m++;
        break;
    }
    }
    return n;
}

/* Tokens separated by one or two whitespace characters, until the text is
 * nearly full; records what it put in. A malformed "open string" is last on
 * its line, so it ends at the newline. */
static void generate_text(uint32_t *seed) {
    uint32_t at = 0;
    for (int k = 0; k < TOKEN_KINDS; ++k) generated[k] = 0;
    generated_value_sum = 0;
    while (at < TEXT_BYTES - 32u) {
        uint32_t r = bench_rand32(seed) % 16u;
        enum token kind = r < 5u ? IDENTIFIER : r < 8u ? NUMBER : r < 10u ? HEX : r < 13u ? OPERATOR
                        : r < 15u ? STRING : MALFORMED;
        uint32_t value;
        uint32_t n = emit_token(&text[at], kind, seed, &value);
        int open_string = text[at] == '"' && kind == MALFORMED;
        at += n;
        ++generated[kind];
        if (kind == NUMBER || kind == HEX) generated_value_sum += value;
        text[at++] = open_string ? '\n' : " \n\t "[bench_rand32(seed) % 4u];
        if (bench_rand32(seed) % 4u == 0 && !open_string) text[at++] = ' ';
    }
    text[at] = '\0';
}

struct tokens_result {
    uint16_t crc;
    uint32_t bad;
};

static struct tokens_result tokens_round(uint16_t crc) {
    struct tokens t = tokenize(text);
    uint32_t bad = t.value_sum != generated_value_sum;
    for (int k = 0; k < TOKEN_KINDS; ++k) {
        bad += t.count[k] != generated[k];
        crc = crc16_u32(crc, t.count[k]);
    }
    crc = crc16_u32(crc, t.value_sum);
    return (struct tokens_result){crc, bad};
}

/* --- the rounds ---------------------------------------------------------- */

int main(void) {
    static const uint8_t check_input[] = {'1', '2', '3', '4', '5', '6', '7', '8', '9'};
    uint16_t check = 0xffffu;
    for (int i = 0; i < 9; ++i) check = crc16_byte(check, check_input[i]);
    int ok = bench_expect("mixed", "CRC-16/CCITT-FALSE check value", check, 0x29b1u);

    uint32_t seed = 0x3a11ed5u;
    for (uint32_t i = 0; i < ITEMS; ++i) {
        items[i].key = bench_rand32(&seed) % KEYS;
        items[i].position = i;
    }
    link_in_order();
    for (uint32_t i = 0; i < N; ++i)
        for (uint32_t j = 0; j < N; ++j) {
            matrix_a[i][j] = (int16_t)(bench_rand32(&seed) % 2048u) - 1024;
            matrix_b[i][j] = (int16_t)(bench_rand32(&seed) % 2048u) - 1024;
        }

    uint32_t rounds = bench_opaque_u32(BENCH_SCALE);
    uint64_t checksum = 0;
    uint32_t bad_lists = 0, bad_matrices = 0, bad_tokens = 0;
    for (uint32_t r = 0; r < rounds; ++r) {
        if (r % 32u == 0) generate_text(&seed);
        uint16_t crc = 0xffffu;
        struct list_result list = list_round(&items[0], r, crc);
        struct matrix_result matrix = matrix_round(r, list.crc);
        struct tokens_result tokens = tokens_round(matrix.crc);
        bad_lists += list.bad != 0;
        bad_matrices += matrix.bad != 0;
        bad_tokens += tokens.bad != 0;
        checksum = bench_fold(checksum, ((uint64_t)list.crc << 32) | ((uint32_t)matrix.crc << 16) | tokens.crc);
    }
    ok &= bench_expect("mixed", "rounds with a wrong list", bad_lists, 0);
    ok &= bench_expect("mixed", "rounds with a wrong matrix product", bad_matrices, 0);
    ok &= bench_expect("mixed", "rounds with a wrong token count", bad_tokens, 0);
    return bench_report("mixed", checksum, ok);
}
