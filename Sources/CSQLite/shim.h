#ifndef KIOSK_CSQLITE_SHIM_H
#define KIOSK_CSQLITE_SHIM_H
#include <sqlite3.h>
#endif
