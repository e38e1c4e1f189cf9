// writev to standard output and readv from the file given: the pieces in
// order, an empty one among them, and what a short read leaves unfilled.
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/uio.h>
#include <unistd.h>

int main(int argc, char** argv) {
    char first[] = "gathered ";
    char second[] = "from three ";
    char third[] = "pieces\n";
    struct iovec out[] = {{first, strlen(first)}, {NULL, 0}, {second, strlen(second)}, {third, strlen(third)}};
    printf("writev: %zd\n", writev(1, out, 4));
    fflush(stdout);
    if (argc < 2) return 1;
    const int fd = open(argv[1], O_RDONLY);
    char a[6] = {0}, b[1] = {0}, c[11] = {0};
    struct iovec in[] = {{a, 5}, {b, 0}, {c, 10}};
    printf("readv: %zd \"%s\" \"%s\"\n", readv(fd, in, 3), a, c);
    lseek(fd, -4, SEEK_END);
    memset(c, '.', 10);
    printf("readv at the end: %zd \"%.4s\" \"%.10s\"\n", readv(fd, in, 3), a, c);
    struct iovec bad[] = {{a, 5}, {(void*)8, 10}};
    printf("readv into nowhere: %zd\n", readv(fd, bad, 2));
    close(fd);
    return 0;
}
