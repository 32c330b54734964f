#include "exitcode.h"

namespace cp::cli {

ExitCode ExitCodes::forError(StoreError::Code code)
{
    using Code = StoreError::Code;
    switch (code) {
    case Code::None:
        return ExitCode::Ok;
    case Code::Invalid:
        return ExitCode::DataError;
    case Code::NotFound:
    case Code::FileMissing:
        return ExitCode::NotFound;
    case Code::Busy:
        return ExitCode::Busy;
    case Code::ReadOnly:
        return ExitCode::CannotWrite;
    case Code::DiskFull:
    case Code::Io:
        return ExitCode::IoError;
    case Code::TooOld:
        return ExitCode::NeedsUpgrade;
    case Code::IsDirectory:
    case Code::EmptyFile:
    case Code::NotSqlite:
    case Code::Truncated:
    case Code::Corrupt:
    case Code::Foreign:
    case Code::TooNew:
        return ExitCode::BadDatabase;
    case Code::NotOpen:
    case Code::Internal:
        return ExitCode::Internal;
    case Code::Unreachable:
        return ExitCode::Unreachable;
    case Code::Denied:
        return ExitCode::Denied;
    }
    return ExitCode::Internal;
}

QString ExitCodes::helpTable()
{
    return tr("Exit codes:\n"
              "  0   success\n"
              "  64  usage error: unknown command or option, missing or malformed value\n"
              "  65  refused input: empty text or title, a time in the future, a bad line in a CSV import,\n"
              "      a role already held, a name that fits several people\n"
              "  66  not found: no such incident, entry, role, person, template or import file,\n"
              "      or the database file does not exist\n"
              "  68  the team server cannot be reached\n"
              "  69  busy: another program held the database past --busy-timeout; nothing was saved\n"
              "  70  internal error (a bug)\n"
              "  73  cannot create or write the database (read-only file or folder)\n"
              "  74  input/output error or disk full\n"
              "  75  the database uses an older layout: run 'commandpost-cli init' to upgrade it\n"
              "  76  not a usable CommandPost database: damaged, foreign, too new, empty or a folder\n"
              "  77  the team server refused the login or the change (its permissions)\n"
              "Every error prints exactly one line on stderr: 'commandpost-cli: <reason>: <message>',\n"
              "where <reason> is 'usage' or a stable code such as busy, not-found, corrupt, foreign.\n");
}

} // namespace cp::cli
