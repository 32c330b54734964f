#pragma once

#include "db/incidentstore.h"
#include "db/storeerror.h"
#include "exitcode.h"

#include <QCoreApplication>
#include <QFile>
#include <QTextStream>

#include <iosfwd>
#include <memory>

namespace cp::cli {

// What every command shares: the standard streams, the global options (--db, --busy-timeout)
// and the rules for reporting. A command writes its result to out() and reports a failure by
// returning fail()/usageError(), which print exactly one line on stderr and give the exit code.
// The streams are the process's own, or (for tests that run commands in-process) any devices.
class CliContext final
{
    Q_DECLARE_TR_FUNCTIONS(cp::cli::CliContext)
    Q_DISABLE_COPY_MOVE(CliContext)

public:
    // How a command opens the database.
    enum class Access
    {
        Create, // init: create the file if missing, upgrade its layout
        Write,  // the file must exist; upgrades its layout if older
        Read,   // read-only, never creates, never writes
        Check,  // read-only without the quick check on open: check runs the full one itself
        // As Write; a team server out of reach still opens (its link down), so what a command
        // writes can wait in the outbox ('log').
        WriteOrKeep,
    };

    static constexpr int DefaultBusyTimeoutMs = 5000;

    // The process's standard input, output and error.
    CliContext();
    // Other streams: out and err must be open for writing.
    CliContext(QIODevice &out, QIODevice &err, std::istream &in);
    ~CliContext();

    QTextStream &out() { return m_out; }
    // The raw stdout device, for writers that take a QIODevice (flush out() first).
    QIODevice &stdoutDevice() { return *m_out.device(); }
    // Standard input, read line by line as it arrives (log --stdin) or whole (import -).
    std::istream &in() { return m_in; }

    void setDatabasePath(const QString &path) { m_databasePath = path; }
    QString databasePath() const; // --db, else the GUI's default
    // --server SERVER (team mode); without it $COMMANDPOST_SERVER, unless --db names a file.
    void setServer(const QString &server) { m_server = server; }
    QString server() const;
    void setBusyTimeoutMs(int ms) { m_busyTimeoutMs = ms; }
    int busyTimeoutMs() const { return m_busyTimeoutMs; }

    Result<std::unique_ptr<IncidentStore>> openStore(Access access) const;

    // Reports an error as one line "commandpost-cli: <code-name>: <message>"; returns the exit code.
    int fail(const StoreError &error);
    // Reports a wrong command line; 'command' ("incident new") names the --help to point to.
    int usageError(const QString &message, const QString &command = QString());
    // Flushes stdout; a failed write (disk full, closed pipe) becomes an I/O error.
    int finish();
    // On a team server whose clock is noticeably off this machine's: one line on stderr.
    void noteServerClock(const StoreSession &session);
    // One line on stderr, "commandpost-cli: note: …": something the user should know; not an error.
    void note(const QString &message) { printError(QStringLiteral("note"), message); }

    // --author, else $COMMANDPOST_AUTHOR, else $USER, else "cli".
    static QString defaultAuthor();

private:
    void printError(const QString &reason, const QString &message);

    QFile m_stdout; // open only for the process's own streams
    QFile m_stderr;
    std::istream &m_in;
    QTextStream m_out;
    QTextStream m_err;
    QString m_databasePath;
    QString m_server;
    int m_busyTimeoutMs = DefaultBusyTimeoutMs;
};

} // namespace cp::cli
