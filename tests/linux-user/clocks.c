// The clocks and the machine's name: values differ from run to run, so it
// prints only what must hold.
#include <stdio.h>
#include <sys/sysinfo.h>
#include <sys/time.h>
#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>

int main(void) {
    struct timespec first, second, realtime;
    clock_gettime(CLOCK_MONOTONIC, &first);
    volatile unsigned long spin = 0;
    for (unsigned long i = 0; i < 100000; ++i) spin += i;
    clock_gettime(CLOCK_MONOTONIC, &second);
    clock_gettime(CLOCK_REALTIME, &realtime);
    const long long elapsed = (second.tv_sec - first.tv_sec) * 1000000000LL + (second.tv_nsec - first.tv_nsec);
    printf("monotonic moves forward: %s\n", elapsed >= 0 ? "yes" : "no");
    printf("realtime after 2020: %s\n", realtime.tv_sec > 1577836800 ? "yes" : "no");
    struct timeval now;
    gettimeofday(&now, NULL);
    printf("gettimeofday agrees: %s\n", now.tv_sec - realtime.tv_sec <= 2 ? "yes" : "no");
    printf("time() agrees: %s\n", time(NULL) - realtime.tv_sec <= 2 ? "yes" : "no");
    struct utsname name;
    uname(&name);
    printf("sysname %s, machine %s\n", name.sysname, name.machine);
    printf("pid positive: %s, getppid positive: %s\n", getpid() > 0 ? "yes" : "no", getppid() > 0 ? "yes" : "no");
    printf("page size %ld\n", sysconf(_SC_PAGESIZE));
    struct sysinfo info;
    printf("sysinfo: %d, memory reported: %s\n", sysinfo(&info), info.totalram > 0 && info.mem_unit > 0 ? "yes" : "no");
    printf("fsync(stdout): %d\n", fsync(1));
    return 0;
}
