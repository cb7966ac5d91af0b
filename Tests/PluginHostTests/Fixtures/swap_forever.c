// swap_forever A B SECONDS: exchanges the two paths atomically (renameat2 RENAME_EXCHANGE) in a tight loop, the
// attack on a sha256 pin that hashes by path and then loads by path. Stops after SECONDS, or when its parent dies.
// Compiled by PinSwapRaceTests.
#define _GNU_SOURCE
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char **argv) {
    if (argc != 4) return 64;
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    // Lowest priority: it only has to run while a load hashes and opens the file, not starve other tests.
    if (nice(19) == -1) return 1;
    time_t end = time(NULL) + atoi(argv[3]);
    while (time(NULL) < end) {
        for (int round = 0; round < 1000; round++) {
            if (syscall(SYS_renameat2, AT_FDCWD, argv[1], AT_FDCWD, argv[2], 2 /* RENAME_EXCHANGE */) != 0) return 1;
        }
    }
    return 0;
}
