#define _GNU_SOURCE
#include <string.h>
#include "CSystem.h"

void *hotel_memmem(const void *haystack, size_t length, const void *needle, size_t needle_length) {
    return memmem(haystack, length, needle, needle_length);
}
