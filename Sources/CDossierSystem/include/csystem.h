#ifndef DOSSIER_CSYSTEM_H
#define DOSSIER_CSYSTEM_H

/// Atomically exchanges the directory entries at `a` and `b` (Linux
/// renameat2 with RENAME_EXCHANGE). Returns 0 on success, -1 with errno set
/// otherwise (ENOSYS or EINVAL where the kernel or file system lacks it).
int dossier_exchange_paths(const char *a, const char *b);

#endif
