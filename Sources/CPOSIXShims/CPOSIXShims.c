#define _GNU_SOURCE
#include <unistd.h>
#include "CPOSIXShims.h"

int tc_syncfs(int fd) {
    return syncfs(fd);
}
