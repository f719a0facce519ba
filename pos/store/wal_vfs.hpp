// A thin SQLite VFS over the platform's own that gathers a transaction's writes to the WAL file
// into one buffer and hands them to the kernel in one write, instead of two per page (a frame
// header, then the page). On this project's 2-core VM a 5-line sale writes about 20 pages: 40
// system calls become one or two, before the fsync that makes the sale durable.
//
// What reaches the disk, and in which order, is unchanged:
//   - every buffered write is flushed before the file is synced, read, truncated, sized, closed
//     or written anywhere but right after the buffer, so the file always sees the writes in
//     SQLite's order, and before any fsync;
//   - the buffer is flushed right after a commit frame (a frame header whose "database size after
//     commit" is set), so another connection never finds a committed frame missing from the file,
//     whatever `synchronous` says;
//   - a process killed with writes still buffered loses only frames of a transaction that had not
//     committed — the same as being killed a moment earlier.
// The database file, its shared-memory index and every other file go straight to the platform VFS.
#pragma once

namespace waserda::store {

// Registers the VFS once (not as the default) and returns its name for sqlite3_open_v2.
const char* wal_batching_vfs();

}  // namespace waserda::store
