// Reads files and directories given on the command line with stdio,
// POSIX calls and stat: "file PATH" prints size, line count and checksum,
// "dir PATH" lists the entries sorted, "missing PATH" prints the error.
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int compare(const void* a, const void* b) { return strcmp(*(char* const*)a, *(char* const*)b); }

static void showFile(const char* path) {
    FILE* file = fopen(path, "r");
    if (file == NULL) {
        printf("%s: cannot open: %s\n", path, strerror(errno));
        return;
    }
    char line[512];
    unsigned lines = 0;
    uint32_t sum = 0;
    while (fgets(line, sizeof line, file) != NULL) {
        ++lines;
        for (char* c = line; *c; ++c) sum = sum * 31 + (unsigned char)*c;
    }
    fseek(file, 0, SEEK_END);
    printf("%s: %ld bytes, %u lines, checksum %08x\n", path, ftell(file), lines, sum);
    fclose(file);

    struct stat status;
    if (stat(path, &status) == 0) printf("stat: regular=%d size=%lld\n", S_ISREG(status.st_mode), (long long)status.st_size);
    int fd = open(path, O_RDONLY);
    char head[16] = {0};
    ssize_t got = pread(fd, head, 8, 2);
    printf("pread at 2: %zd \"%.8s\"\n", got, head);
    printf("lseek end: %lld\n", (long long)lseek(fd, 0, SEEK_END));
    close(fd);
}

static void showDirectory(const char* path) {
    DIR* directory = opendir(path);
    if (directory == NULL) {
        printf("%s: cannot open directory: %s\n", path, strerror(errno));
        return;
    }
    char* names[256];
    int count = 0;
    struct dirent* entry;
    while ((entry = readdir(directory)) != NULL && count < 256) {
        if (strcmp(entry->d_name, ".") != 0 && strcmp(entry->d_name, "..") != 0) names[count++] = strdup(entry->d_name);
    }
    closedir(directory);
    qsort(names, (size_t)count, sizeof names[0], compare);
    printf("%s: %d entries\n", path, count);
    for (int i = 0; i < count; ++i) printf("  %s\n", names[i]);
}

int main(int argc, char** argv) {
    for (int i = 1; i + 1 < argc; i += 2) {
        if (strcmp(argv[i], "file") == 0) showFile(argv[i + 1]);
        if (strcmp(argv[i], "dir") == 0) showDirectory(argv[i + 1]);
        if (strcmp(argv[i], "missing") == 0) {
            printf("%s: open %s\n", argv[i + 1], open(argv[i + 1], O_RDONLY) < 0 ? strerror(errno) : "succeeded");
        }
    }
    return 0;
}
