// libpq, PostgreSQL's official C client (Debian: libpq-dev), for the opt-in PostgreSQL store.
#include <libpq-fe.h>
