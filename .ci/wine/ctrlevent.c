/*
 * Test helper for .ci/windows-test.sh: starts a program on this console, sends the console a
 * control event after a delay (as another program, or a person pressing the keys, would), and
 * exits with the program's exit code (124 if it did not end within 10 seconds).
 *
 * Usage: ctrlevent.exe c|break DELAY_MS PROGRAM [ARGS...]   (arguments without spaces)
 *
 * "c" sends CTRL_C_EVENT to every process on the console (this helper ignores it); "break"
 * starts the program in a process group of its own and sends that group CTRL_BREAK_EVENT.
 * Wine 8 delivers CTRL_C_EVENT to console handlers but turns CTRL_BREAK_EVENT into a SIGQUIT
 * that ends one thread, so under Wine the test uses "c"; on Windows both reach the handler.
 */
#include <windows.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static BOOL WINAPI keep_running(DWORD event)
{
    (void)event;
    return TRUE;
}

int main(int argc, char **argv)
{
    char cmd[4096] = "";
    STARTUPINFOA si;
    PROCESS_INFORMATION pi;
    DWORD code = 0;
    int brk, i;

    if (argc < 4 || (strcmp(argv[1], "c") != 0 && strcmp(argv[1], "break") != 0)) {
        fprintf(stderr, "usage: ctrlevent c|break DELAY_MS PROGRAM [ARGS...]\n");
        return 2;
    }
    brk = strcmp(argv[1], "break") == 0;
    for (i = 3; i < argc; i++) {
        if (strlen(cmd) + strlen(argv[i]) + 2 >= sizeof cmd)
            return 2;
        if (i > 3)
            strcat(cmd, " ");
        strcat(cmd, argv[i]);
    }
    SetConsoleCtrlHandler(keep_running, TRUE);
    memset(&si, 0, sizeof si);
    si.cb = sizeof si;
    if (!CreateProcessA(NULL, cmd, NULL, NULL, TRUE, brk ? CREATE_NEW_PROCESS_GROUP : 0, NULL,
                        NULL, &si, &pi)) {
        fprintf(stderr, "ctrlevent: cannot start %s (error %lu)\n", cmd, GetLastError());
        return 2;
    }
    Sleep((DWORD)atoi(argv[2]));
    if (!GenerateConsoleCtrlEvent(brk ? CTRL_BREAK_EVENT : CTRL_C_EVENT, brk ? pi.dwProcessId : 0))
        fprintf(stderr, "ctrlevent: GenerateConsoleCtrlEvent failed (error %lu)\n",
                GetLastError());
    if (WaitForSingleObject(pi.hProcess, 10000) != WAIT_OBJECT_0) {
        TerminateProcess(pi.hProcess, 124);
        return 124;
    }
    GetExitCodeProcess(pi.hProcess, &code);
    return (int)code;
}
