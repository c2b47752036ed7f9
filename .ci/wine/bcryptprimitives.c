/*
 * Test-only shim for Wine 8, which lacks bcryptprimitives.dll. Rust's standard library imports
 * ProcessPrng from it (Windows 10 and 11 have it), so without this no Rust .exe starts under
 * that Wine (exit 53). ProcessPrng fills the buffer through SystemFunction036 (RtlGenRandom)
 * from advapi32, which Wine has. Built and used by .ci/windows-test.sh only: it is never
 * shipped in the zip.
 */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    while (length > 0) {
        ULONG chunk = length > 0x10000000 ? 0x10000000 : (ULONG)length;
        if (!SystemFunction036(data, chunk))
            return FALSE;
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
