#pragma once

#include "db/storeerror.h"

#include <QCoreApplication>
#include <QString>

namespace cp::cli {

// The process exit status of commandpost-cli. Modelled on BSD sysexits(3) so that shell
// scripts can tell a typo from a busy database from a damaged file. Documented in docs/cli.md
// and in --help; the numbers are a stable interface.
enum class ExitCode : int
{
    Ok = 0,
    Usage = 64,        // the command line itself is wrong (unknown command, missing option, bad value)
    DataError = 65,    // the request was refused (empty text, a time in the future, empty title)
    NotFound = 66,     // no such incident or entry, or the database file does not exist
    Busy = 69,         // another program held the write lock past --busy-timeout; nothing was saved
    Internal = 70,     // an unexpected failure: a bug, please report it
    CannotWrite = 73,  // the database (or its folder) cannot be created or written
    IoError = 74,      // input/output error or disk full (reading the database or writing the output)
    NeedsUpgrade = 75, // an older database layout that a read-only command cannot upgrade: run init
    BadDatabase = 76,  // not a CommandPost database: damaged, foreign, too new, empty, a folder
    Unreachable = 68,  // team mode: the server cannot be reached
    Denied = 77,       // team mode: the server refused the login or the change
};

class ExitCodes
{
    Q_DECLARE_TR_FUNCTIONS(cp::cli::ExitCodes)
public:
    static ExitCode forError(StoreError::Code code);
    static int value(ExitCode code) { return static_cast<int>(code); }
    // The table printed at the end of --help.
    static QString helpTable();
};

} // namespace cp::cli
