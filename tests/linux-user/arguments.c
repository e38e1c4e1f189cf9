// Prints its arguments and a few environment variables, then exits with
// the number of arguments: the initial stack as the kernel lays it out.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>

int main(int argc, char** argv, char** envp) {
    printf("argc=%d\n", argc);
    for (int i = 1; i < argc; ++i) printf("argv[%d]=\"%s\"\n", i, argv[i]);
    if (argv[argc] != NULL) printf("argv is not NULL-terminated\n");
    const char* names[] = {"GLASSHART_ONE", "GLASSHART_TWO", "GLASSHART_UNSET", "GLASSHART_EMPTY"};
    for (unsigned i = 0; i < sizeof names / sizeof names[0]; ++i) {
        const char* value = getenv(names[i]);
        printf("%s=%s\n", names[i], value ? value : "(unset)");
    }
    int count = 0;
    for (char** entry = envp; *entry != NULL; ++entry) {
        if (strncmp(*entry, "GLASSHART_", 10) == 0) ++count;
    }
    printf("GLASSHART_* variables: %d\n", count);
    printf("AT_PAGESZ=%lu\n", getauxval(AT_PAGESZ));
    printf("AT_ENTRY is main's program: %s\n", getauxval(AT_ENTRY) != 0 ? "yes" : "no");
    printf("AT_SECURE=%lu\n", getauxval(AT_SECURE));
    const unsigned char* random = (const unsigned char*)getauxval(AT_RANDOM);
    printf("AT_RANDOM given: %s\n", random != NULL ? "yes" : "no");
    return argc;
}
