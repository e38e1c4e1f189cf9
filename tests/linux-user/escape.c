// Tries to read each path given and to create files: for the --root
// tests. Prints one line per attempt: "read PATH: ok <first line>" or
// "read PATH: <error name>", "create PATH: ok" or the error.
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static const char* errorName(int error) {
    switch (error) {
    case ENOENT: return "ENOENT";
    case EROFS: return "EROFS";
    case EACCES: return "EACCES";
    case EXDEV: return "EXDEV";
    case ELOOP: return "ELOOP";
    case ENOTDIR: return "ENOTDIR";
    default: return strerror(error);
    }
}

int main(int argc, char** argv) {
    for (int i = 1; i + 1 < argc; i += 2) {
        const char* path = argv[i + 1];
        if (strcmp(argv[i], "read") == 0) {
            const int fd = open(path, O_RDONLY);
            if (fd < 0) {
                printf("read %s: %s\n", path, errorName(errno));
                continue;
            }
            char line[128] = {0};
            const ssize_t got = read(fd, line, sizeof line - 1);
            line[got > 0 ? strcspn(line, "\n") : 0] = '\0';
            printf("read %s: ok %s\n", path, line);
            close(fd);
        } else if (strcmp(argv[i], "create") == 0) {
            const int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
            if (fd < 0) {
                printf("create %s: %s\n", path, errorName(errno));
                continue;
            }
            const ssize_t put = write(fd, "written by the guest\n", 21);
            printf("create %s: ok %zd\n", path, put);
            close(fd);
        } else if (strcmp(argv[i], "remove") == 0) {
            printf("remove %s: %s\n", path, unlink(path) == 0 ? "ok" : errorName(errno));
        } else if (strcmp(argv[i], "cwd") == 0) {
            char where[256];
            printf("chdir %s: %s\n", path, chdir(path) == 0 ? "ok" : errorName(errno));
            printf("getcwd: %s\n", getcwd(where, sizeof where) ? where : errorName(errno));
        }
    }
    return 0;
}
