#ifndef EARSHOT_ATOMIC_SWAP_H
#define EARSHOT_ATOMIC_SWAP_H
/// Atomically exchanges two paths (Linux renameat2 with RENAME_EXCHANGE). Returns 0, or -1 with errno set
/// (EINVAL/ENOSYS where the file system or kernel cannot exchange).
int earshot_exchange_paths(const char *a, const char *b);
#endif
