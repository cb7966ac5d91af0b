// swap_forever A B: exchanges the two paths atomically (renameat2 RENAME_EXCHANGE) in a tight loop until killed,
// the attack on a sha256 pin that hashes by path and then loads by path. Compiled by ChecksumPinTests.
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(int argc, char **argv) {
    if (argc != 3) return 64;
    printf("swapping\n");
    fflush(stdout);
    for (;;) {
        if (syscall(SYS_renameat2, AT_FDCWD, argv[1], AT_FDCWD, argv[2], 2 /* RENAME_EXCHANGE */) != 0) return 1;
    }
}
