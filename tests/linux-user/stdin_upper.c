// Copies standard input to standard output in upper case with read() and
// write(), then reports the byte count on standard error.
#include <ctype.h>
#include <stdio.h>
#include <unistd.h>

int main(void) {
    char buffer[100];
    long total = 0;
    ssize_t got;
    while ((got = read(0, buffer, sizeof buffer)) > 0) {
        for (ssize_t i = 0; i < got; ++i) buffer[i] = (char)toupper((unsigned char)buffer[i]);
        if (write(1, buffer, (size_t)got) != got) return 1;
        total += got;
    }
    fprintf(stderr, "%ld bytes\n", total);
    return got < 0 ? 2 : 0;
}
