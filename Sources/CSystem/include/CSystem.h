// What the C library has that Swift's Glibc module does not show: functions behind _GNU_SOURCE.
#ifndef HOTEL_CSYSTEM_H
#define HOTEL_CSYSTEM_H

#include <stddef.h>

/// The first occurrence of the `needle_length` bytes at `needle` in the `length` bytes at `haystack`, or NULL:
/// the C library's memmem, which scans many bytes at a time.
void *hotel_memmem(const void *haystack, size_t length, const void *needle, size_t needle_length);

/// Registers the mapped range `start..<start + length`: a read past the end of its file (truncated while
/// mapped) then reads a page of zeros instead of raising SIGBUS, and is counted. Returns the range's slot
/// (from 1), or 0 if no more ranges can be registered (at most 64 at once): the mapping is then unguarded.
int hotel_guard_mapping(const void *start, size_t length);

/// How many reads past its file's end the range in `slot` has met.
int hotel_guard_faults(int slot);

/// Forgets the range in `slot`, before it is unmapped.
void hotel_unguard_mapping(int slot);

#endif
