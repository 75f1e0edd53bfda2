// System calls the C library declares only for GNU sources, which Swift's Glibc module does not show.
#ifndef TCREVIEW_CPOSIXSHIMS_H
#define TCREVIEW_CPOSIXSHIMS_H

/// syncfs(2): flushes the whole file system `fd` is on.
int tc_syncfs(int fd);

/// renameat2(2) with RENAME_EXCHANGE: swaps two names at once.
int tc_rename_exchange(const char *first, const char *second);

#endif
