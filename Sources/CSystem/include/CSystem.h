// What the C library has that Swift's Glibc module does not show: functions behind _GNU_SOURCE.
#ifndef HOTEL_CSYSTEM_H
#define HOTEL_CSYSTEM_H

#include <stddef.h>

/// The first occurrence of the `needle_length` bytes at `needle` in the `length` bytes at `haystack`, or NULL:
/// the C library's memmem, which scans many bytes at a time.
void *hotel_memmem(const void *haystack, size_t length, const void *needle, size_t needle_length);

#endif
