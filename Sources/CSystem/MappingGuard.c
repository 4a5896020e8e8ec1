// A file mapped into memory and then truncated by someone else raises SIGBUS when a page past the new end
// is read. For the mappings registered here, the handler maps a page of zeros over the faulting page and
// lets the read go on: the snapshot reader then finds that page's checksum wrong, treats the snapshot as
// damaged, and answers from the log. A fault anywhere else goes to the handler that was there before.
#define _GNU_SOURCE
#include <signal.h>
#include <stdatomic.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include "CSystem.h"

#define HOTEL_GUARDED_MAPPINGS 64

static struct {
    _Atomic(uintptr_t) start;
    _Atomic(size_t) length;
    _Atomic(int) faults;
} guarded[HOTEL_GUARDED_MAPPINGS];

static struct sigaction previous;
static atomic_int installed;
static uintptr_t page_size;

static void on_sigbus(int signal, siginfo_t *info, void *context) {
    uintptr_t address = (uintptr_t)info->si_addr;
    for (int i = 0; i < HOTEL_GUARDED_MAPPINGS; i++) {
        uintptr_t start = atomic_load(&guarded[i].start);
        size_t length = atomic_load(&guarded[i].length);
        if (start != 0 && address >= start && address < start + length) {
            void *page = (void *)(address & ~(page_size - 1));
            if (mmap(page, page_size, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0) != MAP_FAILED) {
                atomic_fetch_add(&guarded[i].faults, 1);
                return;
            }
        }
    }
    // Not a guarded mapping: the fault is handled as it would have been without this handler.
    sigaction(SIGBUS, &previous, NULL);
    (void)signal;
    (void)context;
}

int hotel_guard_mapping(const void *start, size_t length) {
    // Returns the slot + 1, or 0 if every slot is taken.
    if (atomic_exchange(&installed, 1) == 0) {
        page_size = (uintptr_t)sysconf(_SC_PAGESIZE);
        struct sigaction action;
        memset(&action, 0, sizeof action);
        action.sa_sigaction = on_sigbus;
        action.sa_flags = SA_SIGINFO | SA_NODEFER;
        sigemptyset(&action.sa_mask);
        sigaction(SIGBUS, &action, &previous);
    }
    for (int i = 0; i < HOTEL_GUARDED_MAPPINGS; i++) {
        uintptr_t empty = 0;
        if (atomic_compare_exchange_strong(&guarded[i].start, &empty, (uintptr_t)start)) {
            atomic_store(&guarded[i].faults, 0);
            atomic_store(&guarded[i].length, length);
            return i + 1;
        }
    }
    return 0;
}

int hotel_guard_faults(int slot) {
    return slot > 0 && slot <= HOTEL_GUARDED_MAPPINGS ? atomic_load(&guarded[slot - 1].faults) : 0;
}

void hotel_unguard_mapping(int slot) {
    if (slot <= 0 || slot > HOTEL_GUARDED_MAPPINGS) return;
    atomic_store(&guarded[slot - 1].length, 0);
    atomic_store(&guarded[slot - 1].start, 0);
}
